import { Histogram, type Summary } from "./stats.ts";

export type GroupRow = Summary & { by: Record<string, string>; dimension: string; suppressed: boolean };

type Group = { values: string[]; histograms: Histogram[] };

/** Accumulates dimension scores per group of `--by` values, in constant memory per group. */
export class GroupSummary {
  private readonly groups = new Map<string, Group>();

  constructor(
    readonly byColumns: readonly string[],
    readonly dimensions: readonly string[],
  ) {}

  /** Adds one respondent's scores (NaN = missing) to the group of `values`. */
  add(values: readonly string[], scores: ArrayLike<number>): void {
    const key = values.join("\u0000");
    let group = this.groups.get(key);
    if (!group) {
      group = { values: [...values], histograms: this.dimensions.map(() => new Histogram()) };
      this.groups.set(key, group);
    }
    for (let d = 0; d < this.dimensions.length; d++) {
      const score = scores[d]!;
      if (!Number.isNaN(score)) group.histograms[d]!.add(score);
    }
  }

  /** All groups as one, for the total beside a breakdown. */
  merged(): GroupSummary {
    const all = new GroupSummary([], this.dimensions);
    const histograms = this.dimensions.map(() => new Histogram());
    for (const group of this.groups.values()) group.histograms.forEach((h, d) => histograms[d]!.merge(h));
    all.groups.set("", { values: [], histograms });
    return all;
  }

  /** Every group × dimension, groups in `compare` order; groups with n below the threshold show only n. */
  rows(minGroupSize: number, compare: (a: string[], b: string[]) => number): GroupRow[] {
    const groups = [...this.groups.values()].sort((a, b) => compare(a.values, b.values));
    return groups.flatMap((group) =>
      this.dimensions.map((dimension, d) => {
        const summary = group.histograms[d]!.summary();
        const by = Object.fromEntries(this.byColumns.map((column, i) => [column, group.values[i]!]));
        return summary.n < minGroupSize
          ? { by, dimension, n: summary.n, mean: null, sd: null, median: null, min: null, max: null, suppressed: true }
          : { by, dimension, ...summary, suppressed: false };
      }),
    );
  }
}

/** Orders groups column by column: levels in questionnaire order, other values alphabetically (Danish). */
export function groupOrder(byColumns: readonly string[], levelOrder: readonly string[]) {
  const collator = new Intl.Collator("da", { numeric: true });
  return (a: string[], b: string[]): number => {
    for (let i = 0; i < byColumns.length; i++) {
      const x = a[i]!;
      const y = b[i]!;
      if (x === y) continue;
      if (byColumns[i] === "level") {
        const diff = rank(levelOrder, x) - rank(levelOrder, y);
        if (diff !== 0) return diff;
      }
      return collator.compare(x, y);
    }
    return 0;
  };
}

const rank = (order: readonly string[], value: string) => {
  const i = order.indexOf(value);
  return i < 0 ? order.length : i;
};

/**
 * Complementary suppression for outputs that show a total beside its groups: where exactly one
 * group of a dimension is suppressed, the next smallest is suppressed too, so the hidden figures
 * cannot be worked out by subtracting the shown groups from the total.
 */
export function suppressComplements(rows: GroupRow[]): GroupRow[] {
  const byDimension = new Map<string, GroupRow[]>();
  for (const row of rows) byDimension.set(row.dimension, [...(byDimension.get(row.dimension) ?? []), row]);
  const extra = new Set<GroupRow>();
  for (const group of byDimension.values()) {
    if (group.filter((row) => row.suppressed).length !== 1) continue;
    const next = group.filter((row) => !row.suppressed).sort((a, b) => a.n - b.n)[0];
    if (next) extra.add(next);
  }
  return rows.map((row) =>
    extra.has(row) ? { ...row, mean: null, sd: null, median: null, min: null, max: null, suppressed: true } : row,
  );
}
