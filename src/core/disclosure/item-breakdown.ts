import { discloseAnswers, type Decision } from "./disclosure.ts";
import { presentedTo } from "../questionnaire/levels.ts";
import type { Item } from "../questionnaire/questionnaire.ts";

/** A group of a population: its key, its `--by` values, and the raw levels it holds (when grouped by level). */
export type ItemGroup = { key: string; values: readonly string[]; levels: readonly string[] };

/** A group's answers to one item (one count per scale value, then "ved ikke") and whether they may be shown. */
export type ItemCell = { key: string; counts: number[]; valid: number; decision: Decision };

const sum = (c: readonly number[]) => c.reduce((a, b) => a + b, 0);

/**
 * One item's breakdown in one population: the groups the item is put to, and the population's
 * total — the same cells for the report, its CSV and `gaps`, decided by the disclosure engine.
 * Groups with no level information (a breakdown by another column) are all asked.
 */
export function itemBreakdown(item: Item, groups: readonly ItemGroup[], countsOf: (key: string) => number[], totalKey: string, k: number): { cells: ItemCell[]; total: ItemCell } {
  const asked = groups.filter((g) => g.levels.length === 0 || g.levels.some((level) => presentedTo(item, level)));
  const counts = asked.map((g) => countsOf(g.key));
  const totalCounts = countsOf(totalKey);
  const valid = (c: readonly number[]) => sum(c.slice(0, -1));
  // Without groups (no --by) the total is a breakdown of one cell: shown when it has k or more.
  const decided = asked.length === 0
    ? { groups: [], total: discloseAnswers([[""]], [valid(totalCounts)], [sum(totalCounts)], k).total }
    : discloseAnswers(asked.map((g) => g.values), counts.map(valid), counts.map(sum), k);
  return {
    cells: asked.map((g, i) => ({ key: g.key, counts: counts[i]!, valid: valid(counts[i]!), decision: decided.groups[i]! })),
    total: { key: totalKey, counts: totalCounts, valid: valid(totalCounts), decision: decided.total },
  };
}
