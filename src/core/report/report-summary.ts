import { LEADERS } from "../questionnaire/levels.ts";
import { elementGapRows } from "./report-gaps.ts";
import type { Hidden, Report, ReportGroup } from "./report.ts";
import { TOTAL_KEY, totalKey } from "./report.ts";
import { groupName, itemScore, shares, shownScore, type ReportView } from "./report-view.ts";
import type { Text } from "../text.ts";

/**
 * The first page: key messages and a group × dimension heatmap, computed only from the report
 * model's cells, which the disclosure rules have already anonymised — a hidden cell stays hidden.
 */
export type HeatCell = { text: string; band: number; hidden: Hidden | undefined };
export type HeatRow = { key: string; label: string; respondents: string; cells: HeatCell[]; total: boolean };
export type Heatmap = { columns: { id: string; label: string; kind: string }[]; rows: HeatRow[] };
export type Message = Text;

/** "ved ikke" at or above this share of an item's answers is worth a message. */
export const DONT_KNOW_NOTABLE = 15;

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
    respondents: g.suppressed ? "–" : String(g.respondents),
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

const pts = (n: number) => String(Math.round(n));

export function keyMessages(report: Report, view: ReportView): Message[] {
  const out: Message[] = [];
  const elements = report.dimensions.filter((d) => d.kind === "element");
  const totalScores = elements
    .map((d) => ({ d, score: report.cells[TOTAL_KEY]![d.id]!.suppressed ? null : report.cells[TOTAL_KEY]![d.id]!.score }))
    .filter((e): e is { d: (typeof elements)[number]; score: number } => e.score !== null);
  if (totalScores.length >= 2) {
    const sorted = [...totalScores].sort((a, b) => b.score - a.score);
    const hi = sorted[0]!;
    const lo = sorted.at(-1)!;
    const band = (s: number) => shownScore(s, view.bands).band;
    if (Math.round(hi.score) === Math.round(lo.score)) {
      out.push({ da: `Alle elementer ligger på ${pts(hi.score)}.`, en: `Every element scores ${pts(hi.score)}.` });
    } else out.push({
      da: `Stærkest står «${hi.d.label}» (${pts(hi.score)}${band(hi.score) ? `, ${band(hi.score)}` : ""}); svagest «${lo.d.label}» (${pts(lo.score)}${band(lo.score) ? `, ${band(lo.score)}` : ""}).`,
      en: `Strongest is "${hi.d.label}" (${pts(hi.score)}${band(hi.score) ? `, ${band(hi.score)}` : ""}); weakest "${lo.d.label}" (${pts(lo.score)}${band(lo.score) ? `, ${band(lo.score)}` : ""}).`,
    });
  }
  const gaps = report.byColumns.length === 1 ? moduleGaps(report, view) : groupGaps(report).filter((g) => g.diff >= view.threshold);
  if (report.groups.filter((g) => g.population === LEADERS).length >= 2) {
    if (gaps.length === 0) {
      out.push({ da: `Ingen grupper adskiller sig med ${view.threshold} point eller mere på et element.`, en: `No groups differ by ${view.threshold} points or more on any element.` });
    } else {
      const g = gaps[0]!;
      const more = gaps.length - 1;
      out.push({
        da: `Størst forskel: «${g.element}», ${g.high.label} ${pts(g.high.score)} mod ${g.low.label} ${pts(g.low.score)} (${pts(g.diff)} point)${more > 0 ? `; ${more} element${more === 1 ? "" : "er"} mere med forskelle på ${view.threshold} point eller mere` : ""}.`,
        en: `Largest difference: "${g.element}", ${g.high.label} ${pts(g.high.score)} against ${g.low.label} ${pts(g.low.score)} (${pts(g.diff)} points)${more > 0 ? `; ${more} more element${more === 1 ? "" : "s"} with differences of ${view.threshold} points or more` : ""}.`,
      });
    }
  }
  const lowBand = elements.flatMap((d) => report.groups.filter((g) => !g.suppressed && !report.cells[g.key]![d.id]!.suppressed && shownScore(report.cells[g.key]![d.id]!.score, view.bands).index === 0).map(() => d.label));
  if (lowBand.length > 0) {
    const first = view.bands[0]?.label ?? "";
    const distinct = [...new Set(lowBand)];
    out.push({
      da: `${lowBand.length} gruppe-scorer ligger i «${first}», fordelt på ${distinct.length} element${distinct.length === 1 ? "" : "er"}, bl.a. «${distinct[0]}».`,
      en: `${lowBand.length} group scores are "${first}", across ${distinct.length} element${distinct.length === 1 ? "" : "s"}, among them "${distinct[0]}".`,
    });
  }
  const dontKnow = report.elements.flatMap((e) => e.items.map((item) => {
    const d = item.distributions.find((x) => x.group === TOTAL_KEY);
    return d && !d.suppressed && d.counts ? { id: item.id, share: shares(d.counts).dontKnow } : null;
  })).filter((x): x is { id: string; share: number } => x !== null && x.share >= DONT_KNOW_NOTABLE).sort((a, b) => b.share - a.share);
  if (dontKnow.length > 0) {
    out.push({
      da: `«Ved ikke» er svaret af ${DONT_KNOW_NOTABLE} % eller flere ved ${dontKnow.length} spørgsmål (mest ${dontKnow[0]!.id}: ${pts(dontKnow[0]!.share)} %). Det er i sig selv et fund om ledelsesinformationen.`,
      en: `"Don't know" is the answer of ${DONT_KNOW_NOTABLE} % or more on ${dontKnow.length} items (most on ${dontKnow[0]!.id}: ${pts(dontKnow[0]!.share)} %). That itself is a finding about the management information.`,
    });
  }
  const hidden = report.groups.filter((g) => g.suppressed).length;
  if (hidden > 0) {
    out.push({
      da: `${hidden} af ${report.groups.length} grupper vises uden tal af hensyn til anonymiteten.`,
      en: `${hidden} of ${report.groups.length} groups are shown without figures to protect anonymity.`,
    });
  }
  return out.slice(0, 5);
}

/** For a one-column breakdown, the gaps module decides what counts (the same pairs and threshold as `gaps`). */
function moduleGaps(report: Report, view: ReportView): GroupGap[] {
  return elementGapRows(report, view)
    .filter((r) => r.flagged && r.largest)
    .map((r) => {
      const score = (label: string) => r.dots.find((d) => d.label === label)?.score ?? 0;
      return { element: r.label, high: { label: r.largest!.high, score: score(r.largest!.high) }, low: { label: r.largest!.low, score: score(r.largest!.low) }, diff: r.largest!.diff };
    });
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

export type ItemExtreme = { id: string; text: string; score: number };
export type GroupExtremes = { label: string; top: ItemExtreme; bottom: ItemExtreme };

/** Per shown group (and "Alle"), its highest and lowest item on 0-100, from the published distributions. */
export function itemExtremes(report: Report, view: ReportView): GroupExtremes[] {
  return orderedGroups(report, view).flatMap((g) => {
    const scored = report.elements.flatMap((e) => e.items.flatMap((item) => {
      const d = item.distributions.find((x) => x.group === g.key);
      const score = d && !d.suppressed ? itemScore(d.mean, item.reverse, view.scale) : null;
      return score === null ? [] : [{ id: item.id, text: item.text, score }];
    }));
    if (scored.length < 2) return [];
    const top = scored.reduce((a, b) => (b.score > a.score ? b : a));
    const bottom = scored.reduce((a, b) => (b.score < a.score ? b : a));
    return [{ label: groupName(report, view, g), top, bottom }];
  });
}
