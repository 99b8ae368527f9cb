/** Descriptive statistics of one dimension in one group (SPEC §4). */
export type Summary = { n: number; mean: number | null; sd: number | null; median: number | null; min: number | null; max: number | null };

/**
 * Counts of each distinct value. Scores take few distinct values, so this holds a whole
 * column in constant memory, and mean, sd and median come out as from the raw list.
 */
export class Histogram {
  // Keyed by the value in millionths: small integers make a fast Map, and distinct scores
  // (means of a few item scores) lie much further apart than that. Each key has a slot in
  // `counts` and `values` (the first exact value seen): one Map lookup per value added, which
  // measured about half the time of a Map of counts updated in place.
  private readonly slots = new Map<number, number>();
  private readonly counts: number[] = [];
  private readonly values: number[] = [];
  n = 0;

  add(value: number): void {
    const key = Math.round(value * 1e6);
    const slot = this.slots.get(key);
    if (slot === undefined) {
      this.slots.set(key, this.counts.length);
      this.counts.push(1);
      this.values.push(value);
    } else this.counts[slot]!++;
    this.n++;
  }

  merge(other: Histogram): void {
    for (const [key, from] of other.slots) {
      const slot = this.slots.get(key);
      if (slot === undefined) {
        this.slots.set(key, this.counts.length);
        this.counts.push(other.counts[from]!);
        this.values.push(other.values[from]!);
      } else this.counts[slot]! += other.counts[from]!;
    }
    this.n += other.n;
  }

  summary(): Summary {
    if (this.n === 0) return { n: 0, mean: null, sd: null, median: null, min: null, max: null };
    const keys = [...this.slots.keys()].sort((a, b) => a - b);
    const values = keys.map((key) => this.values[this.slots.get(key)!]!);
    const counts = keys.map((key) => this.counts[this.slots.get(key)!]!);
    let sum = 0;
    values.forEach((v, i) => (sum += v * counts[i]!));
    const mean = sum / this.n;
    let squares = 0;
    values.forEach((v, i) => (squares += counts[i]! * (v - mean) ** 2));
    return {
      n: this.n,
      mean,
      sd: this.n < 2 ? null : Math.sqrt(squares / (this.n - 1)),
      median: this.median(values, counts),
      min: values[0]!,
      max: values[values.length - 1]!,
    };
  }

  private median(sorted: number[], counts: number[]): number {
    // The median of n values is the mean of the values at ranks floor((n+1)/2) and ceil((n+1)/2).
    const lowRank = Math.floor((this.n + 1) / 2);
    const highRank = Math.ceil((this.n + 1) / 2);
    let low: number | undefined;
    let seen = 0;
    for (let i = 0; i < sorted.length; i++) {
      const v = sorted[i]!;
      seen += counts[i]!;
      if (low === undefined && seen >= lowRank) low = v;
      if (seen >= highRank) return (low! + v) / 2;
    }
    throw new Error("unreachable: ranks lie within n");
  }
}

/**
 * Cronbach's alpha from running sums over complete cases: k/(k-1) · (1 - Σ var_i / var_total),
 * sample variances. Null when k < 2, n < 3 or the total has no variance.
 */
export class AlphaAccumulator {
  n = 0;
  private readonly sums: Float64Array;
  private readonly squares: Float64Array;
  private totalSum = 0;
  private totalSquares = 0;

  constructor(readonly k: number) {
    this.sums = new Float64Array(k);
    this.squares = new Float64Array(k);
  }

  /** One respondent's k reverse-keyed item values, all answered. */
  add(values: ArrayLike<number>): void {
    let total = 0;
    for (let i = 0; i < this.k; i++) {
      const v = values[i]!;
      this.sums[i]! += v;
      this.squares[i]! += v * v;
      total += v;
    }
    this.totalSum += total;
    this.totalSquares += total * total;
    this.n++;
  }

  alpha(): number | null {
    const { n, k } = this;
    if (k < 2 || n < 3) return null;
    // Integer answers keep these sums exact, so the one-pass variance loses nothing here.
    const variance = (sum: number, squares: number) => (squares - (sum * sum) / n) / (n - 1);
    let itemVariance = 0;
    for (let i = 0; i < k; i++) itemVariance += variance(this.sums[i]!, this.squares[i]!);
    const totalVariance = variance(this.totalSum, this.totalSquares);
    if (totalVariance <= 0) return null;
    return (k / (k - 1)) * (1 - itemVariance / totalVariance);
  }
}
