import { elementGaps } from "../scoring/gaps.ts";
import { LEADERS } from "../questionnaire/levels.ts";
import type { Report } from "./report.ts";
import type { Dot, ReportView } from "./report-view.ts";

/**
 * "Ser niveauerne ledelse forskelligt?": per element one dot per group, from the report's published
 * cells, with the gaps module's pairs and threshold deciding what counts as a real difference.
 * Only for a one-column breakdown, as `gaps` compares along one column.
 */
export type GapRow = { id: string; label: string; dots: Dot[]; largest: { high: string; low: string; diff: number } | null; flagged: boolean };

export function elementGapRows(report: Report, view: ReportView): GapRow[] {
  if (report.byColumns.length !== 1) return [];
  const column = report.byColumns[0]!;
  const leaders = report.groups.filter((g) => g.population === LEADERS);
  if (leaders.length < 2) return [];
  const labelOf = (value: string) => leaders.find((g) => g.by[column] === value)?.label ?? value;
  const elements = report.dimensions.filter((d) => d.kind === "element");
  const found = elementGaps(report.rows.filter((r) => r.population === LEADERS), column, elements.map((d) => d.id), view.threshold);
  const rows = elements.map((d): GapRow => {
    const dots = leaders
      .map((g) => ({ label: g.label, cell: report.cells[g.key]?.[d.id] }))
      .filter((x) => x.cell && !x.cell.suppressed && x.cell.score !== null)
      .map((x) => ({ label: x.label, score: x.cell!.score! }));
    const pairs = found.filter((g) => g.dimension === d.id && !g.suppressed && g.diff !== null);
    const top = pairs.reduce<(typeof pairs)[number] | null>((a, b) => (a === null || Math.abs(b.diff!) > Math.abs(a.diff!) ? b : a), null);
    const largest = top && { high: labelOf(top.diff! >= 0 ? top.group_a : top.group_b), low: labelOf(top.diff! >= 0 ? top.group_b : top.group_a), diff: Math.abs(top.diff!) };
    return { id: d.id, label: d.label, dots, largest, flagged: pairs.some((p) => p.flagged) };
  });
  return rows.filter((r) => r.dots.length >= 2).sort((a, b) => (b.largest?.diff ?? 0) - (a.largest?.diff ?? 0));
}
