/**
 * An independent check of SPEC §4 rule 5 for the property test: written apart from
 * src/core/disclosure.ts (its own exact arithmetic, over respondents rather than atoms), so the
 * engine is judged by a second implementation and not by itself.
 */
type Fraction = [bigint, bigint];

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
const norm = ([n, d]: Fraction): Fraction => {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return [n / g, d / g];
};
const minus = (a: Fraction, b: Fraction): Fraction => norm([a[0] * b[1] - b[0] * a[1], a[1] * b[1]]);
const times = (a: Fraction, b: Fraction): Fraction => norm([a[0] * b[0], a[1] * b[1]]);
const over = (a: Fraction, b: Fraction): Fraction => norm([a[0] * b[1], a[1] * b[0]]);

/** Row-reduces `vectors` (0/1 over respondents) into an echelon basis with pivot columns. */
function basisOf(vectors: number[][]): { rows: Fraction[][]; pivots: number[] } {
  const rows: Fraction[][] = vectors.map((v) => v.map((x) => [BigInt(x), 1n] as Fraction));
  const pivots: number[] = [];
  let r = 0;
  const width = rows[0]?.length ?? 0;
  for (let c = 0; c < width && r < rows.length; c++) {
    const p = rows.findIndex((row, i) => i >= r && row[c]![0] !== 0n);
    if (p < 0) continue;
    [rows[r], rows[p]] = [rows[p]!, rows[r]!];
    const pivot = rows[r]![c]!;
    rows[r] = rows[r]!.map((x) => over(x, pivot));
    for (let i = 0; i < rows.length; i++) {
      if (i === r || rows[i]![c]![0] === 0n) continue;
      const f = rows[i]![c]!;
      rows[i] = rows[i]!.map((x, j) => minus(x, times(f, rows[r]![j]!)));
    }
    pivots.push(c);
    r++;
  }
  return { rows: rows.slice(0, r), pivots };
}

function inSpan(target: number[], basis: { rows: Fraction[][]; pivots: number[] }): boolean {
  let rest: Fraction[] = target.map((x) => [BigInt(x), 1n]);
  basis.pivots.forEach((c, i) => {
    const f = rest[c]!;
    if (f[0] !== 0n) rest = rest.map((x, j) => minus(x, times(f, basis.rows[i]![j]!)));
  });
  return rest.every((x) => x[0] === 0n);
}

/**
 * The sets of fewer than `k` respondents (out of `n`) whose indicator is a combination of the
 * published sets. Every combination is constant on respondents that belong to exactly the same
 * published sets, so candidates are unions of such classes.
 */
export function derivableSmallSets(n: number, published: number[][], k: number): number[][] {
  if (published.length === 0) return [];
  const vectors = published.map((set) => Array.from({ length: n }, (_, r) => (set.includes(r) ? 1 : 0)));
  const classes = new Map<string, number[]>();
  for (let r = 0; r < n; r++) {
    const signature = vectors.map((v) => v[r]).join("");
    if (!signature.includes("1")) continue;
    classes.set(signature, [...(classes.get(signature) ?? []), r]);
  }
  const small = [...classes.values()].filter((c) => c.length < k);
  const basis = basisOf(vectors);
  const found: number[][] = [];
  const visit = (from: number, chosen: number[]) => {
    for (let i = from; i < small.length; i++) {
      const next = [...chosen, ...small[i]!];
      if (next.length >= k) continue;
      if (inSpan(Array.from({ length: n }, (_, r) => (next.includes(r) ? 1 : 0)), basis)) found.push(next);
      visit(i + 1, next);
    }
  };
  visit(0, []);
  return found;
}
