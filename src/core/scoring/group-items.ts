import { AnswerKind } from "./item-stats.ts";

/** Total keys look like "\0total\1<population>": the sum of that population's groups, never counted twice. */
const TOTAL_PREFIX = "\u0000total\u0001";

/** GroupItemCounts as plain data (see `partial`); the counts stay typed arrays, which a worker thread's message copies whole. */
export type GroupItemCountsPartial = { key: string; respondents: number; counts: Float64Array }[];

/** Answer counts per group and item (scale values, then "ved ikke" last), for the report's distributions. */
export class GroupItemCounts {
  private readonly groups = new Map<string, { respondents: number; counts: Float64Array }>();
  private readonly width: number;

  constructor(
    private readonly itemCount: number,
    private readonly min: number,
    max: number,
  ) {
    this.width = max - min + 2;
  }

  /**
   * `group` is "<population>\1<values>", as `groupKey` in the report model makes it. `items`, when
   * given, are the only items that can be answered (the row's level's, LevelPlan.items): a level
   * sees a fifth of the bundled questionnaire's items, so the loop is that much shorter.
   */
  add(group: string, values: ArrayLike<number>, kinds: ArrayLike<number>, items?: readonly number[]): void {
    let entry = this.groups.get(group);
    if (!entry) {
      entry = { respondents: 0, counts: new Float64Array(this.itemCount * this.width) };
      this.groups.set(group, entry);
    }
    entry.respondents++;
    const count = items ? items.length : this.itemCount;
    for (let k = 0; k < count; k++) {
      const i = items ? items[k]! : k;
      const kind = kinds[i];
      if (kind === AnswerKind.Value) entry.counts[i * this.width + (values[i]! - this.min)]!++;
      else if (kind === AnswerKind.DontKnow) entry.counts[i * this.width + this.width - 1]!++;
    }
  }

  /**
   * The counts as plain data, group by group in the order first met: what a worker thread sends to be
   * merged. The arrays are handed over, not copied (the fold starts afresh): spreading them into
   * plain arrays, 900 numbers per group and range, made `report --by kommune` slower in parallel.
   */
  partial(): GroupItemCountsPartial {
    return [...this.groups].map(([key, { respondents, counts }]) => ({ key, respondents, counts }));
  }

  /** Adds counts made elsewhere (whole numbers: the sums are exact in any order). */
  mergePartial(partial: GroupItemCountsPartial): void {
    for (const { key, respondents, counts } of partial) {
      let entry = this.groups.get(key);
      if (!entry) {
        entry = { respondents: 0, counts: new Float64Array(this.itemCount * this.width) };
        this.groups.set(key, entry);
      }
      entry.respondents += respondents;
      for (let j = 0; j < counts.length; j++) entry.counts[j]! += counts[j]!;
    }
  }

  private members(group: string): string[] {
    if (!group.startsWith(TOTAL_PREFIX)) return [group];
    const population = `${group.slice(TOTAL_PREFIX.length)}\u0001`;
    return [...this.groups.keys()].filter((key) => key.startsWith(population));
  }

  respondents(group: string): number {
    return this.members(group).reduce((sum, key) => sum + (this.groups.get(key)?.respondents ?? 0), 0);
  }

  /** Counts of item `i` in `group`: one per scale value, then "ved ikke". */
  counts(group: string, item: number): number[] {
    const sum = new Array<number>(this.width).fill(0);
    for (const key of this.members(group)) {
      const entry = this.groups.get(key);
      if (!entry) continue;
      for (let j = 0; j < this.width; j++) sum[j]! += entry.counts[item * this.width + j]!;
    }
    return sum;
  }
}
