/** Exact rationals over BigInt, for the disclosure engine's linear algebra (floats would decide by rounding). */
export type Q = { n: bigint; d: bigint };

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
};

export function q(n: bigint, d = 1n): Q {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

export const ZERO: Q = { n: 0n, d: 1n };
export const ONE: Q = { n: 1n, d: 1n };
export const isZero = (a: Q): boolean => a.n === 0n;
export const isOne = (a: Q): boolean => a.n === a.d;
export const add = (a: Q, b: Q): Q => q(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Q, b: Q): Q => q(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Q, b: Q): Q => q(a.n * b.n, a.d * b.d);
export const div = (a: Q, b: Q): Q => q(a.n * b.d, a.d * b.n);

/**
 * Reduced row echelon form, in place, pivoting on the columns in `order`. Returns the pivot
 * column of each remaining (non-zero) row; rows are reordered so row i has pivot pivots[i].
 */
export function rref(rows: Q[][], order: readonly number[]): number[] {
  const pivots: number[] = [];
  let r = 0;
  for (const col of order) {
    const found = rows.findIndex((row, i) => i >= r && !isZero(row[col]!));
    if (found < 0) continue;
    [rows[r], rows[found]] = [rows[found]!, rows[r]!];
    const pivotRow = rows[r]!;
    const inverse = div(ONE, pivotRow[col]!);
    for (let j = 0; j < pivotRow.length; j++) pivotRow[j] = mul(pivotRow[j]!, inverse);
    for (let i = 0; i < rows.length; i++) {
      const factor = rows[i]![col]!;
      if (i === r || isZero(factor)) continue;
      const row = rows[i]!;
      for (let j = 0; j < row.length; j++) if (!isZero(pivotRow[j]!)) row[j] = sub(row[j]!, mul(factor, pivotRow[j]!));
    }
    pivots.push(col);
    r++;
  }
  rows.length = r;
  return pivots;
}
