// Room core/scoring/ — score and summarise: item, element, area and total scores (SPEC §4), statistics and rounding, item statistics and alpha, group summaries, level groups and gaps.
import type { GroupRow } from "./group-summary.ts";
import { itemBreakdown, type ItemCell, type ItemGroup } from "../disclosure/item-breakdown.ts";
import { allItems, presentedTo } from "../questionnaire/levels.ts";
import type { Item, Questionnaire } from "../questionnaire/questionnaire.ts";

export type Gap = {
  population: string;
  dimension: string;
  kind: "element" | "item" | "mirror";
  group_a: string;
  group_b: string;
  n_a: number;
  n_b: number;
  mean_a: number | null;
  mean_b: number | null;
  diff: number | null;
  flagged: boolean;
  suppressed: boolean;
  /** On a mirror row: the mirror level's item paired with `dimension` (the rated level's own item); else null. */
  mirror_item: string | null;
};

export const DEFAULT_THRESHOLD = 20;
/** Means are floats; a difference that is the threshold in exact arithmetic must count as reaching it. */
const EPSILON = 1e-9;

type Side = { group: string; n: number; mean: number | null; hidden: boolean };

function pair(population: string, dimension: string, kind: Gap["kind"], a: Side, b: Side, threshold: number, mirrorItem: string | null = null): Gap {
  const suppressed = a.hidden || b.hidden || a.mean === null || b.mean === null;
  const diff = suppressed ? null : a.mean! - b.mean!;
  return {
    population, dimension, kind, group_a: a.group, group_b: b.group, n_a: a.n, n_b: b.n,
    mean_a: suppressed ? null : a.mean, mean_b: suppressed ? null : b.mean, diff,
    flagged: diff !== null && Math.abs(diff) >= threshold - EPSILON, suppressed, mirror_item: mirrorItem,
  };
}

/** Every pair a before b of sides with respondents (a level an element is not put to is no comparison). */
function pairs(population: string, dimension: string, kind: Gap["kind"], sides: Side[], threshold: number): Gap[] {
  const present = sides.filter((s) => s.n > 0);
  const out: Gap[] = [];
  for (let i = 0; i < present.length; i++) for (let j = i + 1; j < present.length; j++) out.push(pair(population, dimension, kind, present[i]!, present[j]!, threshold));
  return out;
}

/** Element gaps from the published rows of a one-column breakdown (`GroupSummary.rows`), in their order. */
export function elementGaps(rows: readonly GroupRow[], column: string, elementIds: readonly string[], threshold: number): Gap[] {
  const out: Gap[] = [];
  const populations = [...new Set(rows.map((r) => r.population))];
  for (const population of populations) {
    for (const dimension of elementIds) {
      const sides = rows
        .filter((r) => r.population === population && r.dimension === dimension && !r.total && r.n > 0)
        .map((r) => ({ group: r.by[column]!, n: r.n, mean: r.mean, hidden: r.suppressed }));
      out.push(...pairs(population, dimension, "element", sides, threshold));
    }
  }
  return out;
}

/** The item score s (0-100, reverse keys turned) averaged over a cell's valid answers. */
export function itemScore(q: Questionnaire, item: Item, cell: ItemCell): number | null {
  if (cell.valid === 0) return null;
  const { min, max } = q.scale;
  let total = 0;
  cell.counts.slice(0, -1).forEach((count, offset) => {
    const v = min + offset;
    total += count * (((item.reverse ? min + max - v : v) - min) / (max - min)) * 100;
  });
  return total / cell.valid;
}

/** `label` is what `group_a`/`group_b` print: the group's value of the `--between` column. */
export type PopulationGroups = { population: string; groups: (ItemGroup & { label: string })[]; totalKey: string };

/**
 * Item gaps within each population, and mirror gaps: a mirror level's answer to a paired item
 * beside the rated level's own (`kind: "mirror"`, group_a the rated level, diff = self − others).
 */
export function itemGaps(q: Questionnaire, populations: readonly PopulationGroups[], countsOf: (key: string, item: number) => number[], k: number, threshold: number, levelKeyOf?: (level: string) => string): Gap[] {
  const items = allItems(q);
  const out: Gap[] = [];
  const cellOf = new Map<string, { cell: ItemCell; label: string }>();
  for (const { population, groups, totalKey } of populations) {
    items.forEach((item, i) => {
      const { cells } = itemBreakdown(item, groups, (key) => countsOf(key, i), totalKey, k);
      const sides = cells.map((cell) => {
        const label = groups.find((g) => g.key === cell.key)!.label;
        cellOf.set(`${item.id}\u0001${label}`, { cell, label });
        return { group: label, n: cell.valid, mean: cell.decision.hidden ? null : itemScore(q, item, cell), hidden: cell.decision.hidden };
      });
      out.push(...pairs(population, item.id, "item", sides, threshold));
    });
  }
  if (!levelKeyOf) return out;
  for (const level of q.levels.filter((l) => l.rates !== undefined)) {
    for (const mirror of items.filter((it) => it.mirror_of !== undefined && presentedTo(it, level.id))) {
      const self = items.find((it) => it.id === mirror.mirror_of)!;
      const a = cellOf.get(`${self.id}\u0001${levelKeyOf(level.rates!)}`);
      const b = cellOf.get(`${mirror.id}\u0001${levelKeyOf(level.id)}`);
      if (!a || !b) continue;
      const side = (it: Item, x: { cell: ItemCell; label: string }) => ({ group: x.label, n: x.cell.valid, mean: x.cell.decision.hidden ? null : itemScore(q, it, x.cell), hidden: x.cell.decision.hidden });
      out.push(pair(level.id, self.id, "mirror", side(self, a), side(mirror, b), threshold, mirror.id));
    }
  }
  return out;
}
