import type { Decision } from "../disclosure/disclosure.ts";
import { adviceFor } from "../questionnaire/advice.ts";
import { groupOrder } from "../scoring/group-summary.ts";
import { buildItem, type ItemContext } from "./report-items.ts";
import { bandFor, descriptionOf, dontKnowLabel, elementItems, labelOf, LEADERS, scaleLabel, titleOf } from "../questionnaire/levels.ts";
import type { Band } from "../questionnaire/questionnaire.ts";
import { methodText, reportLabels } from "./report-text.ts";
import { differences } from "./report-differences.ts";
import { groupKey, totalKey } from "./group-keys.ts";
import type { Hidden, Cell, ReportGroup, Dimension, ReportItem, ReportElement, ItemRow, Report, ReportInput } from "./report-types.ts";

export const MAX_CHART_GROUPS = 6;
/** The key of a population's total ("Alle"); the leaders' total is the report's "Alle". */
export { groupKey, totalKey };
export const TOTAL_KEY = totalKey(LEADERS);

export type { Cell, Difference, FileProvenance, Dimension, Distribution, Hidden, ItemRow, Report, ReportElement, ReportGroup, ReportInput, ReportItem } from "./report-types.ts";


const isLow = (score: number | null, bands: readonly Band[]): boolean => {
  if (score === null) return false;
  if (bands.length === 0) return score < 50;
  const band = bandFor(score, bands);
  return band === null || bands.indexOf(band) < Math.ceil(bands.length / 2);
};

const hiddenWhy = (d: Decision): Hidden => (!d.hidden ? undefined : d.why === "complement" ? "complement" : "small");

export function buildReport(input: ReportInput): Report {
  const { q, lang, byColumns, itemCounts, grouping } = input;
  const k = q.anonymity.min_group_size;
  const labels = reportLabels(lang, k);
  const bandLabel = (score: number | null) => {
    const band = bandFor(score, q.bands);
    return band ? labelOf(band, lang) : null;
  };
  const rows = input.groups.rows(k, groupOrder(byColumns, grouping.order), input.mirrorOrder);

  // Groups in order, per population, each with its respondents.
  const groupLabel = (by: Record<string, string>) => byColumns.map((c) => (c === "level" ? grouping.labelOf(by[c]!, lang) : by[c] || "–")).join(" / ");
  const groups: ReportGroup[] = [];
  const totals = new Map<string, ReportGroup>();
  for (const row of rows) {
    const key = row.total ? totalKey(row.population) : groupKey(row.population, byColumns.map((c) => row.by[c]!));
    if (groups.some((g) => g.key === key) || totals.has(key)) continue;
    const respondents = itemCounts.respondents(key);
    const small = respondents < k;
    const group: ReportGroup = {
      key, population: row.population, respondents, suppressed: small, why: small ? "small" : undefined,
      label: row.total ? (row.population === LEADERS ? labels.all : `${labels.all}: ${grouping.labelOf(row.population, lang)}`) : groupLabel(row.by),
      by: row.total ? Object.fromEntries(byColumns.map((c) => [c, labels.all])) : row.by,
    };
    if (row.total) totals.set(row.population, group);
    else groups.push(group);
  }
  const total = totals.get(LEADERS) ?? { key: TOTAL_KEY, label: labels.all, by: {}, population: LEADERS, respondents: 0, suppressed: true, why: "small" as const };
  const levelOf = (g: ReportGroup): string[] => {
    if (!byColumns.includes("level")) return [];
    const key = g.by.level!;
    return q.levels.filter((l) => grouping.keyOf(l.id) === key).map((l) => l.id);
  };

  const dimensions: Dimension[] = [
    ...q.areas.flatMap((a) => a.elements.map((e) => ({ id: e.id, label: labelOf(e, lang), kind: "element" as const }))),
    ...q.areas.map((a) => ({ id: a.id, label: labelOf(a, lang), kind: "area" as const })),
    { id: "total", label: labels.total, kind: "total" as const },
  ];
  const applies = (dimension: string, levels: string[]): boolean => {
    if (levels.length === 0) return true;
    const elements = q.areas.find((a) => a.id === dimension)?.elements ?? q.areas.flatMap((a) => a.elements.filter((e) => dimension === "total" || e.id === dimension));
    return levels.some((level) => elements.some((e) => elementItems(e, level).length > 0));
  };
  const cells: Record<string, Record<string, Cell>> = {};
  for (const row of rows) {
    const key = row.total ? totalKey(row.population) : groupKey(row.population, byColumns.map((c) => row.by[c]!));
    const group = groups.find((g) => g.key === key);
    const notAsked = group !== undefined && !applies(row.dimension, levelOf(group));
    (cells[key] ??= {})[row.dimension] = notAsked
      ? { score: null, band: null, n: 0, suppressed: true, why: "not_applicable" }
      : { score: row.mean, band: bandLabel(row.mean), n: row.n, suppressed: row.suppressed, why: hiddenWhy({ hidden: row.suppressed, why: row.why }) };
  }

  // A data set of only mirror respondents has no leaders' total: "Alle" is then empty, not missing.
  cells[TOTAL_KEY] ??= Object.fromEntries(dimensions.map((d) => [d.id, { score: null, band: null, n: 0, suppressed: true, why: "small" as const }]));
  const leaders = groups.filter((g) => g.population === LEADERS);
  const shownGroups = byColumns.length === 0 ? [total] : groups.filter((g) => !g.suppressed);
  const chartGroups = [...shownGroups].sort((a, b) => b.respondents - a.respondents).slice(0, MAX_CHART_GROUPS);
  const chart = { groups: shownGroups.filter((g) => chartGroups.includes(g)), omitted: shownGroups.length - chartGroups.length };

  // Item distributions: per population, the groups the item is put to and the population's total.
  const itemIndex = new Map(q.areas.flatMap((a) => a.elements.flatMap((e) => e.items)).map((item, i) => [item.id, i]));
  const populations = [LEADERS, ...input.mirrorOrder].filter((p) => totals.has(p));
  const itemRows: ItemRow[] = [];
  const context: ItemContext = { q, lang, k, byColumns, populations, groups, totals, itemCounts, levelCounts: input.levelCounts, levelOf, labelAll: labels.all };
  const elements: ReportElement[] = q.areas.flatMap((area) =>
    area.elements.map((element) => {
      const items: ReportItem[] = element.items.flatMap((item) => buildItem(context, item, element.id, itemIndex.get(item.id)!, itemRows));
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
      for (const g of leaders) {
        for (const level of levelOf(g)) {
          const cell = cells[g.key]![elementId]!;
          if (cell.suppressed || seen.has(level) || !isLow(cell.score, q.bands)) continue;
          const advice = adviceFor(input.practice, elementId, level, lang);
          if (advice) {
            seen.add(level);
            found.push({ label: labelOf(q.levels.find((l) => l.id === level)!, lang), ...advice });
          }
        }
      }
    } else if (!cells[TOTAL_KEY]?.[elementId]?.suppressed && isLow(cells[TOTAL_KEY]?.[elementId]?.score ?? null, q.bands)) {
      const advice = adviceFor(input.practice, elementId, "default", lang);
      if (advice) found.push({ label: labels.all, ...advice });
    }
    return found;
  }

  const scaleLabels: string[] = [];
  for (let v = q.scale.min; v <= q.scale.max; v++) scaleLabels.push(scaleLabel(q, v, lang));
  const mergedLevels = grouping.merges.map((m) => `${grouping.labelOf(m.label ?? m.levels.join("+"), lang)} = ${m.levels.map((l) => labelOf(q.levels.find((x) => x.id === l)!, lang)).join(" + ")}`);

  return {
    lang,
    labels,
    title: titleOf(q, lang),
    questionnaire: { id: q.id, version: q.version, hash: input.hash },
    files: input.files,
    provenance: input.provenance ?? [],
    date: input.date,
    toolVersion: input.toolVersion,
    byColumns,
    minGroupSize: k,
    mergedLevels,
    groups,
    total,
    dimensions,
    cells,
    chart,
    scale: { labels: scaleLabels, dontKnow: dontKnowLabel(q, lang) },
    elements,
    method: [
      ...methodText(lang, { min: q.scale.min, max: q.scale.max, minAnswered: q.scoring.min_answered, k, toolVersion: input.toolVersion, hash: input.hash }),
      ...(mergedLevels.length > 0 ? [lang === "da" ? `Sammenlagte niveauer (--merge-levels): ${mergedLevels.join("; ")}.` : `Merged levels (--merge-levels): ${mergedLevels.join("; ")}.`] : []),
    ],
    rows,
    itemRows,
  };
}
