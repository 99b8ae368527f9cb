import { LEADERS } from "../questionnaire/levels.ts";
import { int } from "./report-format.ts";
import type { Hidden, Report, ReportGroup } from "./report.ts";
import { TOTAL_KEY, totalKey } from "./report.ts";
import { groupName, itemScore, shownScore, type ReportView } from "./report-view.ts";

/**
 * The first page: key messages and a group × dimension heatmap, computed only from the report
 * model's cells, which the disclosure rules have already anonymised — a hidden cell stays hidden.
 */
export type HeatCell = { text: string; band: number; hidden: Hidden | undefined };
export type HeatRow = { key: string; label: string; respondents: string; cells: HeatCell[]; total: boolean };
export type Heatmap = { columns: { id: string; label: string; kind: string }[]; rows: HeatRow[] };
export { DONT_KNOW_NOTABLE, keyMessages, type Message } from "./report-messages.ts";

/** The groups in print order: the leaders' groups and "Alle", then each mirror level's groups (and their total when there are several). */
export function orderedGroups(report: Report, view: ReportView): ReportGroup[] {
  const leaders = report.byColumns.length === 0 ? [] : report.groups.filter((g) => g.population === LEADERS);
  const groups: ReportGroup[] = [...leaders, report.total];
  for (const population of [...new Set(report.groups.map((g) => g.population))].filter((p) => p !== LEADERS)) {
    const members = report.groups.filter((g) => g.population === population);
    groups.push(...members);
    const key = totalKey(population);
    if (members.length > 1 && report.cells[key]) {
      const all = report.cells[key]!.total;
      const label = `${report.labels.all}: ${view.populations[population] ?? population}`;
      groups.push({ key, label, by: {}, population, respondents: all?.n ?? 0, suppressed: all?.suppressed ?? true, why: all?.why });
    }
  }
  return groups;
}

export function heatmap(report: Report, view: ReportView): Heatmap {
  const columns = report.dimensions.map((d) => ({ id: d.id, label: d.label, kind: d.kind }));
  const groups = orderedGroups(report, view);
  const rows = groups.map((g) => ({
    key: g.key,
    label: groupName(report, view, g),
    // A count may be shown (SPEC §4 rule 1), and is shown for every group alike: the total then hides nothing.
    respondents: int(g.respondents, report.lang),
    total: g.key === TOTAL_KEY,
    cells: columns.map((c): HeatCell => {
      const cell = report.cells[g.key]?.[c.id];
      // Hidden either way; where the population is not asked anything in the dimension, say so rather than "too few".
      const asked = view.dimensionAskedBy?.[c.id]?.includes(g.population) ?? true;
      if (!cell || cell.suppressed) return { text: "", band: -1, hidden: asked ? (cell?.why ?? "small") : "not_applicable" };
      const shown = shownScore(cell.score, view.bands);
      return { text: shown.text, band: shown.index, hidden: undefined };
    }),
  }));
  return { columns, rows };
}

export type GroupGap = { element: string; high: { label: string; score: number }; low: { label: string; score: number }; diff: number };

/** Per element, the highest and lowest shown group score, largest gap first (the total excluded). */
export function groupGaps(report: Report): GroupGap[] {
  const found: GroupGap[] = [];
  for (const d of report.dimensions.filter((x) => x.kind === "element")) {
    // Within the leaders' population, as `gaps` compares; a mirror level is set beside its rated level elsewhere.
    const shown = report.groups
      .filter((g) => g.population === LEADERS)
      .map((g) => ({ label: g.label, cell: report.cells[g.key]![d.id]! }))
      .filter((x) => !x.cell.suppressed && x.cell.score !== null)
      // Rounded as printed, so the gap shown is the difference of the two figures shown beside it.
      .map((x) => ({ label: x.label, score: Math.round(x.cell.score!) }));
    if (shown.length < 2) continue;
    const high = shown.reduce((a, b) => (b.score > a.score ? b : a));
    const low = shown.reduce((a, b) => (b.score < a.score ? b : a));
    found.push({ element: d.label, high, low, diff: high.score - low.score });
  }
  return found.sort((a, b) => b.diff - a.diff);
}

export type ItemExtreme = { id: string; text: string; score: number; n: number };
/** `hidden`: the group's items whose figures are hidden and so take no part in the ranking. */
export type GroupExtremes = { label: string; top: ItemExtreme; bottom: ItemExtreme; hidden: number };

/** The words a group's respondents were asked: its level's own wording where levels differ. */
export function wordingFor(view: ReportView, item: { id: string; text: string; levels: string[] }, groupLabel: string): string {
  if ((item.levels?.length ?? 0) > 0) return item.text;
  const wordings = view.wordings?.[item.id] ?? [];
  return wordings.find((w) => w.levels.includes(groupLabel))?.text ?? item.text;
}

/**
 * Per shown group (and "Alle"), its highest and lowest item on 0-100 — reverse-keyed items turned,
 * so "highest" is always the most favourable — from the published distributions, with each item's n.
 */
export function itemExtremes(report: Report, view: ReportView): GroupExtremes[] {
  return orderedGroups(report, view).flatMap((g) => {
    let hidden = 0;
    const scored = report.elements.flatMap((e) => e.items.flatMap((item) => {
      const d = item.distributions.find((x) => x.group === g.key);
      if (d?.suppressed) hidden++;
      const score = d && !d.suppressed ? itemScore(d.mean, item.reverse, view.scale) : null;
      return score === null ? [] : [{ id: item.id, text: wordingFor(view, item, g.label), score, n: d!.n }];
    }));
    if (scored.length < 2) return [];
    const top = scored.reduce((a, b) => (b.score > a.score ? b : a));
    const bottom = scored.reduce((a, b) => (b.score < a.score ? b : a));
    return [{ label: groupName(report, view, g), top, bottom, hidden }];
  });
}
