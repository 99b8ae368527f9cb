/** Descriptive statistics of one dimension in one group (SPEC §4). */
export type Summary = { n: number; mean: number | null; sd: number | null; median: number | null; min: number | null; max: number | null };

/** A histogram's counts as plain arrays (keys in millionths, counts, first exact values), in the order first seen. */
export type HistogramPartial = { keys: number[]; counts: number[]; values: number[] };

/**
 * Counts of each distinct value. Scores take few distinct values, so this holds a whole
 * column in constant memory, and mean, sd and median come out as from the raw list.
 */
export class Histogram {
  // Keyed by the value in millionths: distinct scores (means of a few item scores) lie much further
  // apart than that. Each key has a slot in `keys`, `counts` and `values` (the first exact value
  // seen), found through an open-addressing table of slot numbers: measured on 400 000 rows of 13
  // scores, a third of the time of a Map from key to slot (itself half that of a Map of counts).
  // 64 places hold the 32 distinct scores an element of a few items usually has, without growing.
  private table = new Int32Array(64).fill(-1);
  private readonly keys: number[] = [];
  private readonly counts: number[] = [];
  private readonly values: number[] = [];
  n = 0;

  add(value: number): void {
    const key = Math.round(value * 1e6);
    const slot = this.slotOf(key);
    if (slot < 0) this.insert(key, 1, value);
    else this.counts[slot]!++;
    this.n++;
  }

  private slotOf(key: number): number {
    const { table } = this;
    const mask = table.length - 1;
    for (let i = Math.imul(key, 0x9e3779b1) >>> 0 & mask; ; i = (i + 1) & mask) {
      const slot = table[i]!;
      if (slot < 0 || this.keys[slot] === key) return slot;
    }
  }

  private insert(key: number, count: number, value: number): void {
    const slot = this.keys.length;
    this.keys.push(key);
    this.counts.push(count);
    this.values.push(value);
    // At most half full, so probe runs stay short.
    if (2 * this.keys.length > this.table.length) this.rehash();
    else this.place(key, slot);
  }

  private place(key: number, slot: number): void {
    const { table } = this;
    const mask = table.length - 1;
    let i = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
    while (table[i]! >= 0) i = (i + 1) & mask;
    table[i] = slot;
  }

  private rehash(): void {
    this.table = new Int32Array(this.table.length * 2).fill(-1);
    this.keys.forEach((key, slot) => this.place(key, slot));
  }

  merge(other: Histogram): void {
    this.mergePartial(other.partial());
  }

  /** The counts appended to `out` as the number of values, then (key, count, value) for each in the order first seen. */
  writePartial(out: number[]): void {
    const { keys, counts, values } = this;
    out.push(keys.length);
    for (let slot = 0; slot < keys.length; slot++) out.push(keys[slot]!, counts[slot]!, values[slot]!);
  }

  /** Adds counts written by `writePartial` at `data[at]`; returns where they end. As `mergePartial`. */
  mergeWritten(data: ArrayLike<number>, at: number): number {
    const end = at + 1 + 3 * data[at]!;
    for (let i = at + 1; i < end; i += 3) {
      const key = data[i]!;
      const count = data[i + 1]!;
      const slot = this.slotOf(key);
      if (slot < 0) this.insert(key, count, data[i + 2]!);
      else this.counts[slot]! += count;
      this.n += count;
    }
    return end;
  }

  /** Empty again, its table kept (a worker's fold starts each range with the histograms of the last). */
  clear(): void {
    this.table.fill(-1);
    this.keys.length = 0;
    this.counts.length = 0;
    this.values.length = 0;
    this.n = 0;
  }

  /** The counts as plain arrays in the order first seen: what a worker thread sends to be merged. */
  partial(): HistogramPartial {
    return { keys: this.keys.slice(), counts: this.counts.slice(), values: this.values.slice() };
  }

  /**
   * Adds counts made elsewhere. A value met first here keeps its exact value, so histograms merged in
   * the order their rows were read hold the same values as one histogram of all the rows.
   */
  mergePartial(other: HistogramPartial): void {
    for (let i = 0; i < other.keys.length; i++) {
      const count = other.counts[i]!;
      const slot = this.slotOf(other.keys[i]!);
      if (slot < 0) this.insert(other.keys[i]!, count, other.values[i]!);
      else this.counts[slot]! += count;
      this.n += count;
    }
  }

  summary(): Summary {
    if (this.n === 0) return { n: 0, mean: null, sd: null, median: null, min: null, max: null };
    const order = this.keys.map((_, slot) => slot).sort((a, b) => this.keys[a]! - this.keys[b]!);
    const values = order.map((slot) => this.values[slot]!);
    const counts = order.map((slot) => this.counts[slot]!);
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
