import { writeFileAtomic } from "../adapters/files/atomic-file.ts";
import { csvLine, defuse } from "../adapters/csv/csv-write.ts";
import type { DataProblem } from "../adapters/csv/response-reader.ts";

/** The rows --lenient skipped, with where and why, so nothing disappears unseen. */
export async function writeRejects(path: string, problems: DataProblem[], shown: (file: string) => string): Promise<void> {
  const lines = [csvLine(["file", "line", "column", "problem", "row"])];
  for (const p of problems) lines.push(csvLine([shown(p.file), String(p.line), p.column ?? "", p.message.da, defuse(p.raw ?? "")]));
  await writeFileAtomic(path, lines.join(""));
}
