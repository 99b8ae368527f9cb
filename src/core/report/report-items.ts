import { itemBreakdown, type ItemGroup } from "../disclosure/item-breakdown.ts";
import { discloseAnswers, type Decision } from "../disclosure/disclosure.ts";
import type { GroupItemCounts } from "../scoring/group-items.ts";
import { itemText, labelOf, LEADERS, presentedTo } from "../questionnaire/levels.ts";
import type { Item, Questionnaire } from "../questionnaire/questionnaire.ts";
import type { Lang } from "../text.ts";
import type { Distribution, Hidden, ItemRow, ReportGroup, ReportItem } from "./report-types.ts";
import { levelKey } from "./group-keys.ts";

/**
 * One item's distributions per population — and, where the levels pooled in a breakdown were asked
 * in different words, one block per wording with its own figures, so the words printed beside a
 * bar are the words its respondents answered.
 */
export type ItemContext = {
  q: Questionnaire;
  lang: Lang;
  k: number;
  byColumns: string[];
  populations: string[];
  groups: ReportGroup[];
  totals: Map<string, ReportGroup>;
  itemCounts: GroupItemCounts;
  /** Counts per group and raw level, keyed `levelKey(group key, level)`; given when a breakdown not by level pools wordings. */
  levelCounts?: GroupItemCounts | undefined;
  levelOf: (g: ReportGroup) => string[];
  labelAll: string;
};

/** The key of a group's respondents of one raw level, in `levelCounts`. */
export { levelKey };

const hiddenWhy = (d: Decision): Hidden => (!d.hidden ? undefined : d.why === "complement" ? "complement" : "small");

/** The item's distinct wordings among `levels`, each with the levels that saw it (in questionnaire order). */
export function wordingGroups(item: Item, levels: readonly string[], lang: Lang): { levels: string[]; text: string }[] {
  const out: { levels: string[]; text: string }[] = [];
  for (const level of levels.filter((l) => presentedTo(item, l))) {
    const text = itemText(item, level, lang);
    const same = out.find((w) => w.text === text);
    if (same) same.levels.push(level);
    else out.push({ levels: [level], text });
  }
  return out;
}

export function buildItem(c: ItemContext, item: Item, elementId: string, index: number, itemRows: ItemRow[]): ReportItem[] {
  const { q, k, byColumns } = c;
  const leaderLevels = q.levels.filter((l) => l.rates === undefined).map((l) => l.id);
  const wordings = wordingGroups(item, leaderLevels, c.lang);
  // A breakdown by level shows each level's bars under that level's wording; another breakdown pools the levels.
  const mirrored = q.levels.some((l) => l.rates !== undefined && presentedTo(item, l.id));
  if (!byColumns.includes("level") && byColumns.length > 0 && wordings.length > 1 && !mirrored && c.levelCounts !== undefined) return splitItem(c, item, elementId, index, itemRows, wordings);
  const distributions: Distribution[] = [];
  for (const population of c.populations) {
    const members = byColumns.length === 0 ? [] : c.groups.filter((g) => g.population === population);
    const popTotal = c.totals.get(population)!;
    const groups: ItemGroup[] = members.map((g) => ({ key: g.key, values: byColumns.map((col) => g.by[col]!), levels: c.levelOf(g) }));
    const { cells: asked, total: totalCell } = itemBreakdown(item, groups, (key) => c.itemCounts.counts(key, index), popTotal.key, k);
    if (asked.length === 0 && totalCell.valid === 0 && totalCell.counts.every((x) => x === 0)) continue;
    // A total over a single asked group repeats it; a total over levels asked in different words pools two questions: neither is drawn.
    const askedLevels = [...new Set(asked.flatMap((a) => c.levelOf(members.find((m) => m.key === a.key)!)))];
    const pooled = population === LEADERS && wordingGroups(item, askedLevels, c.lang).length > 1;
    const drawTotal = byColumns.length === 0 || (asked.length > 1 && !pooled);
    const columns = [...asked.map((cell) => ({ cell, g: members.find((m) => m.key === cell.key)!, total: false })), { cell: totalCell, g: popTotal, total: true }];
    for (const { cell, g, total: isTotal } of columns) {
      const { counts, valid: n, decision: d } = cell;
      const mean = meanOf(q, counts, n);
      if (!isTotal || drawTotal) distributions.push(distribution(g, population, d, n, counts, mean));
      itemRows.push({ by: isTotal ? {} : g.by, population, element: elementId, itemId: item.id, reverse: item.reverse, levels: [], total: isTotal, n, mean: d.hidden ? null : mean, counts: d.hidden ? null : counts, suppressed: d.hidden });
    }
  }
  return [{ id: item.id, text: itemText(item, undefined, c.lang), reverse: item.reverse, levels: [], distributions }];
}

const meanOf = (q: Questionnaire, counts: readonly number[], n: number): number | null =>
  n > 0 ? counts.slice(0, -1).reduce((sum, count, v) => sum + count * (q.scale.min + v), 0) / n : null;

const distribution = (g: ReportGroup, population: string, d: Decision, n: number, counts: number[], mean: number | null): Distribution =>
  d.hidden
    ? { group: g.key, label: g.label, population, suppressed: true, why: hiddenWhy(d), n, counts: null, mean: null }
    : { group: g.key, label: g.label, population, suppressed: false, why: undefined, n, counts, mean };

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * The leaders' groups × the item's wordings, decided as a two-column breakdown: the groups' pooled
 * figures (published by `gaps` and the workshop) and each wording's total are its margins, so no
 * wording's figure for fewer than k people follows from a pooled figure minus the other wording's.
 */
function splitItem(c: ItemContext, item: Item, elementId: string, index: number, itemRows: ItemRow[], wordings: { levels: string[]; text: string }[]): ReportItem[] {
  const { q, k } = c;
  const members = c.groups.filter((g) => g.population === LEADERS);
  const atoms = members.flatMap((g) => wordings.map((w, wi) => ({ g, wi, counts: sumCounts(g.key, w.levels, c.levelCounts!, index) })))
    .filter((a) => sum(a.counts) > 0);
  const valid = atoms.map((a) => sum(a.counts.slice(0, -1)));
  const decided = discloseAnswers(atoms.map((a) => [a.g.key, String(a.wi)]), valid, atoms.map((a) => sum(a.counts)), k);
  const wordingTotals = wordings.map((_, wi) => {
    const mine = atoms.filter((a) => a.wi === wi);
    return mine.reduce((acc, a) => acc.map((x, i) => x + a.counts[i]!), new Array<number>(q.scale.max - q.scale.min + 2).fill(0));
  });
  const margins = discloseAnswers(wordings.map((_, wi) => [String(wi)]), wordingTotals.map((t) => sum(t.slice(0, -1))), wordingTotals.map(sum), k).groups;
  const popTotal = c.totals.get(LEADERS)!;
  return wordings.map((w, wi) => {
    const distributions: Distribution[] = [];
    const mine = atoms.map((a, i) => ({ ...a, d: decided.groups[i]! })).filter((a) => a.wi === wi);
    const columns = [...mine.map((a) => ({ g: a.g, counts: a.counts, d: a.d, total: false })), { g: popTotal, counts: wordingTotals[wi]!, d: margins[wi]!, total: true }];
    for (const { g, counts, d, total } of columns) {
      const n = sum(counts.slice(0, -1));
      const mean = meanOf(q, counts, n);
      if (!total || mine.length > 1) distributions.push(distribution(g, LEADERS, d, n, counts, mean));
      itemRows.push({ by: total ? {} : g.by, population: LEADERS, element: elementId, itemId: item.id, reverse: item.reverse, levels: w.levels, total, n, mean: d.hidden ? null : mean, counts: d.hidden ? null : counts, suppressed: d.hidden });
    }
    return { id: item.id, text: w.text, reverse: item.reverse, levels: w.levels.map((l) => labelOf(q.levels.find((x) => x.id === l)!, c.lang)), distributions };
  });
}

function sumCounts(key: string, levels: readonly string[], counts: GroupItemCounts, index: number): number[] {
  let total: number[] | null = null;
  for (const level of levels) {
    const c = counts.counts(levelKey(key, level), index);
    total = total === null ? c : total.map((x, i) => x + c[i]!);
  }
  return total!;
}
