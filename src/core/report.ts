import { adviceFor, type GoodPractice } from "./good-practice.ts";
import type { GroupItemCounts } from "./group-items.ts";
import { groupOrder, type GroupRow, type GroupSummary } from "./group-summary.ts";
import { bandFor, descriptionOf, dontKnowLabel, elementItems, itemText, labelOf, presentedTo, scaleLabel, titleOf } from "./levels.ts";
import type { Band, Questionnaire } from "./questionnaire.ts";
import { methodText, reportLabels, type ReportLabels } from "./report-text.ts";
import { hiddenEntries } from "./suppression.ts";
import type { Lang } from "./text.ts";

export { ALL as TOTAL_KEY } from "./group-items.ts";
import { ALL as TOTAL_KEY } from "./group-items.ts";
export const MAX_CHART_GROUPS = 6;

/** Why a figure is hidden: its own group is too small, or it is the complement protecting a small one. */
export type Hidden = "small" | "complement" | "not_applicable" | undefined;
export type Cell = { score: number | null; band: string | null; n: number; suppressed: boolean; why: Hidden };
export type ReportGroup = { key: string; label: string; by: Record<string, string>; respondents: number; suppressed: boolean; why: Hidden };
export type Dimension = { id: string; label: string; kind: "element" | "area" | "total" };
export type Distribution = { group: string; label: string; suppressed: boolean; why: Hidden; n: number; counts: number[] | null; mean: number | null };

const why = (hidden: boolean, small: boolean): Hidden => (!hidden ? undefined : small ? "small" : "complement");
export type ReportItem = { id: string; text: string; reverse: boolean; distributions: Distribution[] };
export type Difference = { itemId: string; text: string; high: { label: string; mean: number }; low: { label: string; mean: number }; diff: number };
export type ReportElement = {
  id: string;
  label: string;
  areaLabel: string;
  definition: string | undefined;
  source: string | undefined;
  items: ReportItem[];
  differences: Difference[];
  advice: { label: string; text: string; source: string }[];
};

/** Everything the PDF shows, computed and anonymised here, so the renderer only draws. */
export type Report = {
  lang: Lang;
  labels: ReportLabels;
  title: string;
  questionnaire: { id: string; version: string; hash: string };
  files: string[];
  date: string;
  toolVersion: string;
  byColumns: string[];
  minGroupSize: number;
  groups: ReportGroup[];
  total: ReportGroup;
  dimensions: Dimension[];
  cells: Record<string, Record<string, Cell>>;
  chart: { groups: ReportGroup[]; omitted: number };
  scale: { labels: string[]; dontKnow: string | undefined };
  elements: ReportElement[];
  method: string[];
  /** The figures as rows for --csv: every group, then the total, with suppression applied. */
  rows: GroupRow[];
};

export type ReportInput = {
  q: Questionnaire;
  hash: string;
  lang: Lang;
  files: string[];
  date: string;
  toolVersion: string;
  byColumns: string[];
  groups: GroupSummary;
  itemCounts: GroupItemCounts;
  practice?: GoodPractice | undefined;
};

/** Spreads results computed for the `true` entries back over all entries (false elsewhere). */
function spread(mask: boolean[], values: boolean[]): boolean[] {
  let j = 0;
  return mask.map((on) => (on ? values[j++]! : false));
}

export const groupKey = (values: readonly string[]): string => values.join("\u0000");

const isLow = (score: number | null, bands: readonly Band[]): boolean => {
  if (score === null) return false;
  if (bands.length === 0) return score < 50;
  const band = bandFor(score, bands);
  return band === null || bands.indexOf(band) < Math.ceil(bands.length / 2);
};

export function buildReport(input: ReportInput): Report {
  const { q, lang, byColumns, itemCounts } = input;
  const labels = reportLabels(lang);
  const k = q.anonymity.min_group_size;
  const levelIds = q.levels.map((l) => l.id);
  const bandLabel = (score: number | null) => {
    const band = bandFor(score, q.bands);
    return band ? labelOf(band, lang) : null;
  };

  // Groups, in order, with their respondent counts and group-level suppression.
  const rawRows = byColumns.length > 0 ? input.groups.rows(0, groupOrder(byColumns, levelIds)) : [];
  const keys: string[] = [];
  const byOf = new Map<string, Record<string, string>>();
  for (const row of rawRows) {
    const key = groupKey(byColumns.map((c) => row.by[c]!));
    if (!byOf.has(key)) {
      keys.push(key);
      byOf.set(key, row.by);
    }
  }
  const respondents = keys.map((key) => itemCounts.respondents(key));
  const groupHidden = hiddenEntries(respondents, k, true);
  const levelOf = (g: { by: Record<string, string> }): string | undefined => (byColumns.includes("level") ? g.by.level : undefined);
  const elementsById = new Map(q.areas.flatMap((a) => a.elements).map((e) => [e.id, e]));
  const areaElements = new Map(q.areas.map((a) => [a.id, a.elements]));
  const appliesTo = (dimension: string, level: string | undefined): boolean => {
    if (level === undefined || !q.levels.some((l) => l.id === level)) return true;
    const element = elementsById.get(dimension);
    if (element) return elementItems(element, level).length > 0;
    const list = areaElements.get(dimension) ?? q.areas.flatMap((a) => a.elements);
    return list.some((e) => elementItems(e, level).length > 0);
  };
  const groupLabel = (by: Record<string, string>) =>
    byColumns.map((c) => (c === "level" ? labelOf(q.levels.find((l) => l.id === by[c]) ?? { label: by[c]! }, lang) : by[c] || "–")).join(" / ");
  const groups: ReportGroup[] = keys.map((key, i) => ({ key, label: groupLabel(byOf.get(key)!), by: byOf.get(key)!, respondents: respondents[i]!, suppressed: groupHidden[i]!, why: why(groupHidden[i]!, respondents[i]! < k) }));
  const totalRespondents = itemCounts.respondents(TOTAL_KEY);
  const total: ReportGroup = { key: TOTAL_KEY, label: labels.all, by: Object.fromEntries(byColumns.map((c) => [c, labels.all])), respondents: totalRespondents, suppressed: totalRespondents < k, why: why(totalRespondents < k, true) };

  // Dimension cells: per dimension, hide small groups and their complement.
  const dimensions: Dimension[] = [
    ...q.areas.flatMap((a) => a.elements.map((e) => ({ id: e.id, label: labelOf(e, lang), kind: "element" as const }))),
    ...q.areas.map((a) => ({ id: a.id, label: labelOf(a, lang), kind: "area" as const })),
    { id: "total", label: labels.total, kind: "total" as const },
  ];
  const cells: Record<string, Record<string, Cell>> = Object.fromEntries([...keys, TOTAL_KEY].map((key) => [key, {}]));
  const rowOf = new Map(rawRows.map((r) => [`${groupKey(byColumns.map((c) => r.by[c]!))}\u0001${r.dimension}`, r]));
  const rows: GroupRow[] = [];
  const hide = (row: GroupRow): GroupRow => ({ ...row, mean: null, sd: null, median: null, min: null, max: null, suppressed: true });
  for (const dimension of dimensions) {
    const dimRows = keys.map((key) => rowOf.get(`${key}\u0001${dimension.id}`)!);
    // A level the dimension has no items for is empty by design: that reveals nothing, so it takes no part in the complement.
    const applies = groups.map((g) => appliesTo(dimension.id, levelOf(g)));
    const hidden = spread(applies, hiddenEntries(dimRows.filter((_, i) => applies[i]).map((r) => r.n), k, true, groupHidden.filter((_, i) => applies[i])));
    dimRows.forEach((row, i) => {
      const shown = hidden[i] || !applies[i] ? hide(row) : row;
      rows.push(shown);
      const small = row.n < k || groups[i]!.why === "small";
      cells[keys[i]!]![dimension.id] = !applies[i]
        ? { score: null, band: null, n: 0, suppressed: true, why: "not_applicable" }
        : { score: shown.mean, band: bandLabel(shown.mean), n: row.n, suppressed: hidden[i]!, why: why(hidden[i]!, small) };
    });
  }
  const overallRows = input.groups.merged().rows(k, () => 0);
  for (const row of overallRows) {
    const shown = { ...row, by: total.by };
    rows.push(shown);
    cells[TOTAL_KEY]![row.dimension] = { score: shown.mean, band: bandLabel(shown.mean), n: row.n, suppressed: shown.suppressed, why: why(shown.suppressed, true) };
  }
  // CSV order: each group's dimensions together, then the total.
  rows.sort((a, b) => rank(a, keys, byColumns) - rank(b, keys, byColumns) || dimensions.findIndex((d) => d.id === a.dimension) - dimensions.findIndex((d) => d.id === b.dimension));

  const shownGroups = byColumns.length === 0 ? [total] : groups.filter((g) => !g.suppressed);
  const chartGroups = [...shownGroups].sort((a, b) => b.respondents - a.respondents).slice(0, MAX_CHART_GROUPS);
  const chart = { groups: shownGroups.filter((g) => chartGroups.includes(g)), omitted: shownGroups.length - chartGroups.length };

  const itemIndex = new Map(q.areas.flatMap((a) => a.elements.flatMap((e) => e.items)).map((item, i) => [item.id, i]));
  const elements: ReportElement[] = q.areas.flatMap((area) =>
    area.elements.map((element) => {
      const items: ReportItem[] = element.items.map((item) => {
        const i = itemIndex.get(item.id)!;
        // Only the groups the item is put to; a level it is not asked of has no row at all.
        const asked = groups.filter((g) => byColumns.length > 0 && (levelOf(g) === undefined || presentedTo(item, levelOf(g)!)));
        const columns = [...asked, total];
        const counts = columns.map((g) => itemCounts.counts(g.key, i));
        const answered = counts.map((c) => c.reduce((a, b) => a + b, 0));
        const groupPart = answered.slice(0, -1);
        const hidden = [...hiddenEntries(groupPart, k, true, columns.slice(0, -1).map((g) => g.suppressed)), answered.at(-1)! < k];
        return {
          id: item.id,
          text: itemText(item, undefined, lang),
          reverse: item.reverse,
          distributions: columns.map((g, j) => {
            const c = counts[j]!;
            const valid = c.slice(0, -1);
            const n = valid.reduce((a, b) => a + b, 0);
            const mean = n > 0 ? valid.reduce((sum, count, v) => sum + count * (q.scale.min + v), 0) / n : null;
            return hidden[j]
              ? { group: g.key, label: g.label, suppressed: true, why: why(true, answered[j]! < k || g.why === "small"), n: answered[j]!, counts: null, mean: null }
              : { group: g.key, label: g.label, suppressed: false, why: undefined, n: answered[j]!, counts: c, mean };
          }),
        };
      });
      return {
        id: element.id,
        label: labelOf(element, lang),
        areaLabel: labelOf(area, lang),
        definition: descriptionOf(element, lang),
        source: element.source,
        items,
        differences: differences(items),
        advice: adviceForElement(element.id),
      };
    }),
  );

  function adviceForElement(elementId: string) {
    const found: { label: string; text: string; source: string }[] = [];
    if (byColumns.includes("level")) {
      const seen = new Set<string>();
      for (const g of groups) {
        const level = g.by.level!;
        if (g.suppressed || seen.has(level) || !isLow(cells[g.key]![elementId]!.score, q.bands)) continue;
        const advice = adviceFor(input.practice, elementId, level, lang);
        if (advice) {
          seen.add(level);
          found.push({ label: labelOf(q.levels.find((l) => l.id === level) ?? { label: level }, lang), ...advice });
        }
      }
    } else if (!total.suppressed && isLow(cells[TOTAL_KEY]![elementId]!.score, q.bands)) {
      const advice = adviceFor(input.practice, elementId, "default", lang);
      if (advice) found.push({ label: labels.all, ...advice });
    }
    return found;
  }

  const scaleLabels: string[] = [];
  for (let v = q.scale.min; v <= q.scale.max; v++) scaleLabels.push(scaleLabel(q, v, lang));

  return {
    lang,
    labels,
    title: titleOf(q, lang),
    questionnaire: { id: q.id, version: q.version, hash: input.hash },
    files: input.files,
    date: input.date,
    toolVersion: input.toolVersion,
    byColumns,
    minGroupSize: k,
    groups,
    total,
    dimensions,
    cells,
    chart,
    scale: { labels: scaleLabels, dontKnow: dontKnowLabel(q, lang) },
    elements,
    method: methodText(lang, { min: q.scale.min, max: q.scale.max, minAnswered: q.scoring.min_answered, k, toolVersion: input.toolVersion, hash: input.hash }),
    rows,
  };
}

function rank(row: GroupRow, keys: string[], byColumns: string[]): number {
  const i = keys.indexOf(groupKey(byColumns.map((c) => row.by[c]!)));
  return i < 0 ? keys.length : i;
}

/** The items whose means differ most between shown groups (the total excluded), largest first. */
function differences(items: ReportItem[]): Difference[] {
  const found: Difference[] = [];
  for (const item of items) {
    const shown = item.distributions.filter((d) => d.group !== TOTAL_KEY && !d.suppressed && d.mean !== null);
    if (shown.length < 2) continue;
    const high = shown.reduce((a, b) => (b.mean! > a.mean! ? b : a));
    const low = shown.reduce((a, b) => (b.mean! < a.mean! ? b : a));
    if (high.mean! - low.mean! <= 0) continue;
    found.push({ itemId: item.id, text: item.text, high: { label: high.label, mean: high.mean! }, low: { label: low.label, mean: low.mean! }, diff: high.mean! - low.mean! });
  }
  return found.sort((a, b) => b.diff - a.diff).slice(0, 3);
}
