import type { DataProblem } from "../adapters/csv/response-reader.ts";
import { t, type Text } from "../core/text.ts";

/** "2-5, 9, 11-12": consecutive line numbers as ranges, so 400 rows read as one short line. */
export function lineRanges(lines: number[]): string {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(", ");
}

/**
 * Problems with the same file, column and message as one line naming every row: a file whose
 * version says "1" where the questionnaire says "1.0" is one mistake, not one per row.
 */
export function groupProblems(problems: DataProblem[], shown: (file: string) => string): Text[] {
  const groups = new Map<string, DataProblem[]>();
  for (const p of problems) {
    const key = `${p.file}\u0000${p.column ?? ""}\u0000${p.message.da}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
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
