import type { DataProblem } from "../adapters/csv/response-reader.ts";
import { lineRanges } from "../core/responses/excel-cells.ts";
import { t, type Text } from "../core/text.ts";

/**
 * Problems with the same file, column and message as one line naming every row: a file whose
 * version says "1" where the questionnaire says "1.0" is one mistake, not one per row.
 */
export function groupProblems(problems: DataProblem[], shown: (file: string) => string): Text[] {
  const groups = new Map<string, DataProblem[]>();
  for (const p of problems) {
    const key = `${p.file}\u0000${p.column ?? ""}\u0000${p.message.da}`;
    // Pushed, not copied: a file with 100 000 bad rows of one kind took minutes when each row copied the group.
    const group = groups.get(key);
    if (group) group.push(p);
    else groups.set(key, [p]);
  }
  return [...groups.values()].map((group) => {
    const p = group[0]!;
    const column = p.column ? ` (${p.column})` : "";
    if (group.length === 1) return t(`${shown(p.file)}:${p.line}${column}: ${p.message.da}`, `${shown(p.file)}:${p.line}${column}: ${p.message.en}`);
    const lines = lineRanges(group.map((g) => g.line));
    return t(
      `${shown(p.file)}, linje ${lines}${column} (${group.length} rækker): ${p.message.da}`,
      `${shown(p.file)}, lines ${lines}${column} (${group.length} rows): ${p.message.en}`,
    );
  });
}
