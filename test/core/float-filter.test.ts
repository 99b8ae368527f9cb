import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addMaybeBinary, floatRows } from "../../src/core/disclosure/float-filter.ts";
import { add, isOne, isZero, q, ZERO, type Q } from "../../src/core/disclosure/rational.ts";

// The float filter may let a set through that is not a 0/1 vector (the exact check then says no), but
// must never stop one that is: that would hide a derivable small group from the engine.

const rational = fc.tuple(fc.integer({ min: -40, max: 40 }), fc.integer({ min: 1, max: 12 })).map(([n, d]) => q(BigInt(n), BigInt(d)));

/** Rows that sum to 0/1 vectors often: random rows, and a last row that brings the sum of all of them to a random 0/1 target. */
const rowsWithBinarySum = fc.integer({ min: 1, max: 8 }).chain((width) =>
  fc.tuple(fc.array(fc.array(rational, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 5 }), fc.array(fc.boolean(), { minLength: width, maxLength: width })).map(([rows, target]) => {
    const sum = target.map((_, c) => rows.reduce((s, r) => add(s, r[c]!), ZERO));
    const last: Q[] = target.map((t, c) => add(t ? q(1n) : ZERO, q(-sum[c]!.n, sum[c]!.d)));
    return [...rows, last];
  }),
);

describe("the float filter of the disclosure search", () => {
  it("lets every set through whose exact sum is a 0/1 vector, and stops a set it stops for a reason", () => {
    fc.assert(
      fc.property(rowsWithBinarySum, fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), (rows, pick) => {
        const floats = floatRows(rows);
        expect(floats.trusted).toBe(true);
        const width = rows[0]!.length;
        // Every subset given by `pick`, and the whole set (which sums to a 0/1 vector by construction).
        for (const chosen of [rows.map((_, i) => i).filter((i) => pick[i]), rows.map((_, i) => i)]) {
          let sum = new Float64Array(width);
          let maybe = true;
          for (const i of chosen) {
            const next = new Float64Array(width);
            maybe = addMaybeBinary(sum, floats.rows[i]!, next);
            sum = next;
          }
          const exact = Array.from({ length: width }, (_, c) => chosen.reduce((s, i) => add(s, rows[i]![c]!), ZERO));
          const binary = exact.every((v) => isZero(v) || isOne(v));
          if (chosen.length > 0 && binary) expect(maybe).toBe(true);
          if (chosen.length > 0 && !maybe) expect(binary).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("does not trust floats for entries beyond 10⁴, so every set is then summed exactly", () => {
    expect(floatRows([[q(10_001n), ZERO]]).trusted).toBe(false);
    expect(floatRows([[q(-10_000n, 3n), q(1n, 7n)]]).trusted).toBe(true);
  });
});
