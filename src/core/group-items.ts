import { AnswerKind } from "./item-stats.ts";

/** The key that stands for all groups together; summed when asked for rather than counted twice. */
export const ALL = "\u0000total";

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

  add(group: string, values: ArrayLike<number>, kinds: ArrayLike<number>): void {
    let entry = this.groups.get(group);
    if (!entry) {
      entry = { respondents: 0, counts: new Float64Array(this.itemCount * this.width) };
      this.groups.set(group, entry);
    }
    entry.respondents++;
    for (let i = 0; i < this.itemCount; i++) {
      const kind = kinds[i];
      if (kind === AnswerKind.Value) entry.counts[i * this.width + (values[i]! - this.min)]!++;
      else if (kind === AnswerKind.DontKnow) entry.counts[i * this.width + this.width - 1]!++;
    }
  }

  respondents(group: string): number {
    if (group === ALL) return [...this.groups.values()].reduce((sum, g) => sum + g.respondents, 0);
    return this.groups.get(group)?.respondents ?? 0;
  }

  groupKeys(): string[] {
    return [...this.groups.keys()];
  }

  /** Counts of item `i` in `group`: one per scale value, then "ved ikke". */
  counts(group: string, item: number): number[] {
    if (group === ALL) {
      const sum = new Array<number>(this.width).fill(0);
      for (const key of this.groups.keys()) this.counts(key, item).forEach((c, i) => (sum[i]! += c));
      return sum;
    }
    const entry = this.groups.get(group);
    if (!entry) return new Array<number>(this.width).fill(0);
    return [...entry.counts.subarray(item * this.width, (item + 1) * this.width)];
  }
}
