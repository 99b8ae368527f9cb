/**
 * `report` and `gaps` as a fold (see core/scoring/group-fold.ts for `score --by`): what each does
 * with a row — scores into groups, answers into counts per group (and per level, for wordings that
 * differ by level), the first and last day, the comments, the levels of each group — done by the
 * parallel reader's worker threads on their ranges. The main thread merges the partial results in
 * file order, so the first met stays first (comments keep the file's order).
 */
import { GroupItemCounts, type GroupItemCountsPartial } from "../scoring/group-items.ts";
import { GroupSummary, type GroupSummaryPartial } from "../scoring/group-summary.ts";
import { ByValues } from "../scoring/group-fold.ts";
import type { LevelMerge } from "../scoring/level-groups.ts";
import type { Questionnaire } from "../questionnaire/questionnaire.ts";
import type { ScoringModel } from "../scoring/scoring.ts";
import { COMMENT_PREFIX } from "../responses/responses.ts";
import { groupKey, GroupKeys, levelKey, totalKey } from "./group-keys.ts";

export type BreakdownSpec = {
  kind: "breakdown";
  byColumns: string[];
  merges: LevelMerge[];
  /** Count answers per level within each group too (the report, when a breakdown pools levels worded apart). */
  levelCounts: boolean;
  /** Collect the comments (report --comments). */
  comments: boolean;
  /** Note the levels of each group (gaps --between level). */
  levelsOf: boolean;
};

export type BreakdownPartial = {
  groups: GroupSummaryPartial;
  items: GroupItemCountsPartial;
  levels: GroupItemCountsPartial;
  first: string;
  last: string;
  comments: [key: string, element: string, texts: string[]][];
  levelsOf: [key: string, levels: string[]][];
};

/** A row as the breakdown reads it. */
export type BreakdownRow = {
  level: string;
  group: string;
  submittedAt: string;
  metaValues: readonly string[];
  commentNames: readonly string[];
  commentValues: readonly string[];
  values: ArrayLike<number>;
  kinds: ArrayLike<number>;
};

/** What the consumer keeps: the partial results are merged into these. */
export type Breakdown = {
  groups: GroupSummary;
  itemCounts: GroupItemCounts;
  levelCounts?: GroupItemCounts | undefined;
  dates: { first: string; last: string };
  comments: Map<string, Map<string, string[]>>;
  levelsOf: Map<string, Set<string>>;
  /** The items a level's rows can answer (the rest are empty in a valid row). */
  itemsOf: (level: string) => readonly number[] | undefined;
};

/** `groups`: an empty GroupSummary to use (a worker's fold keeps one, cleared, from range to range). */
export function emptyBreakdown(spec: BreakdownSpec, q: Questionnaire, model: ScoringModel, groups = new GroupSummary(spec.byColumns, model.dimensions)): Breakdown {
  const counts = () => new GroupItemCounts(model.itemIds.length, q.scale.min, q.scale.max);
  return {
    groups,
    itemCounts: counts(),
    levelCounts: spec.levelCounts ? counts() : undefined,
    dates: { first: "", last: "" },
    comments: new Map(),
    levelsOf: new Map(),
    itemsOf: (level) => model.plans.get(level)?.items,
  };
}

/** One row into a breakdown: what report and gaps do with each row they read. `by` are the row's --by values. */
export function addToBreakdown(b: Breakdown, spec: BreakdownSpec, row: BreakdownRow, by: readonly string[], population: string, scores: ArrayLike<number>, key = groupKey(population, by)): void {
  // The collection period: the first and last submission date (ISO strings sort as dates). Most rows
  // move neither end, so the day is cut out of the text only when it does.
  const at = row.submittedAt;
  if (at !== "" && (b.dates.first === "" || dayOrder(at, b.dates.first) < 0)) b.dates.first = at.slice(0, 10);
  if (dayOrder(at, b.dates.last) > 0) b.dates.last = at.slice(0, 10);
  b.groups.add(by, scores, population);
  const items = b.itemsOf(row.level);
  b.itemCounts.add(key, row.values, row.kinds, items);
  b.levelCounts?.add(levelKey(key, row.level), row.values, row.kinds, items);
  if (spec.levelsOf) (b.levelsOf.get(key) ?? b.levelsOf.set(key, new Set()).get(key)!).add(row.level);
  if (spec.comments) {
    const commentKey = spec.byColumns.length === 0 ? totalKey(population) : key;
    row.commentValues.forEach((text, i) => {
      if (!text.trim()) return;
      const element = row.commentNames[i]!.slice(COMMENT_PREFIX.length);
      const perElement = b.comments.get(commentKey) ?? b.comments.set(commentKey, new Map()).get(commentKey)!;
      (perElement.get(element) ?? perElement.set(element, []).get(element)!).push(text);
    });
  }
}

/** How the days of `a` and `b` (their first ten characters) order, as `<` on the days cut out would, without cutting them out. */
export function dayOrder(a: string, b: string): number {
  const la = Math.min(a.length, 10);
  const lb = Math.min(b.length, 10);
  for (let i = 0; i < la && i < lb; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d;
  }
  return la - lb;
}

/** Adds a worker's partial breakdown; merged in file order, the result is that of reading every row here. */
export function mergeBreakdown(b: Breakdown, p: BreakdownPartial): void {
  b.groups.mergePartial(p.groups);
  b.itemCounts.mergePartial(p.items);
  b.levelCounts?.mergePartial(p.levels);
  if (p.first && (b.dates.first === "" || p.first < b.dates.first)) b.dates.first = p.first;
  if (p.last > b.dates.last) b.dates.last = p.last;
  for (const [key, element, texts] of p.comments) {
    const perElement = b.comments.get(key) ?? b.comments.set(key, new Map()).get(key)!;
    (perElement.get(element) ?? perElement.set(element, []).get(element)!).push(...texts);
  }
  for (const [key, levels] of p.levelsOf) {
    const set = b.levelsOf.get(key) ?? b.levelsOf.set(key, new Set()).get(key)!;
    for (const level of levels) set.add(level);
  }
}

/** The breakdown a worker thread keeps for a file with `metaNames`. */
export class BreakdownFold {
  private b: Breakdown;
  private readonly by: ByValues;
  private readonly keys = new GroupKeys();

  constructor(
    private readonly spec: BreakdownSpec,
    private readonly q: Questionnaire,
    private readonly model: ScoringModel,
    metaNames: readonly string[],
  ) {
    this.by = new ByValues(spec.byColumns, spec.merges, q, metaNames);
    this.b = emptyBreakdown(spec, q, model);
  }

  add(row: BreakdownRow, scores: Float64Array): void {
    const by = this.by.of(row);
    const population = this.by.grouping.populationOf(row.level);
    addToBreakdown(this.b, this.spec, row, by, population, scores, this.keys.keyOf(population, by));
  }

  take(): BreakdownPartial {
    const { b } = this;
    // The group summary is cleared and kept (its histograms used again); the rest starts afresh.
    this.b = emptyBreakdown(this.spec, this.q, this.model, b.groups);
    const partial = {
      groups: b.groups.partial(),
      items: b.itemCounts.partial(),
      levels: b.levelCounts?.partial() ?? [],
      first: b.dates.first,
      last: b.dates.last,
      comments: [...b.comments].flatMap(([key, perElement]) => [...perElement].map(([element, texts]) => [key, element, texts] as [string, string, string[]])),
      levelsOf: [...b.levelsOf].map(([key, levels]) => [key, [...levels]] as [string, string[]]),
    };
    b.groups.clear();
    return partial;
  }
}
