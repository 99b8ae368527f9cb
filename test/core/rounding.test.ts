import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { round2 } from "../../src/core/scoring/rounding.ts";

/**
 * The rule, written independently of round2 (which takes a shortcut away from halves): clean the
 * float noise with 10 decimals, then round the decimal string's hundredths half away from zero.
 */
function byDecimalStrings(value: number): number {
  const [whole, decimals = ""] = Math.abs(value).toFixed(10).split(".");
  const hundredths = BigInt(`${whole}${decimals.slice(0, 2)}`) + (decimals[2]! >= "5" ? 1n : 0n);
  const result = Number(hundredths) / 100;
  return value < 0 && result !== 0 ? -result : value < 0 || Object.is(value, -0) ? -0 * result : result;
}

describe("round2", () => {
  it.each([
    [65.625, 65.63], // a true half rounds away from zero
    [1.005, 1.01], // stored as 1.00499999999999989…, still a half in decimal
    [83.33333333333333, 83.33],
    [66.66666666666667, 66.67],
    [19.999999999999996, 20],
    [0, 0],
    [100, 100],
    [-2.345, -2.35],
    [0.125, 0.13],
    [2.675, 2.68], // stored below the half; toFixed(2) says 2.67
    [5e-7, 0], // float noise in a gap between equal means: written "5e-7", it once came out as NaN
    [1e-10, 0],
    [-3e-8, -0],
    [1e21, 1e21],
    [-2.5e22, -2.5e22],
  ])("%f → %f", (value, expected) => {
    expect(round2(value)).toBe(expected);
  });

  it("is never NaN for a finite number, however small or large", () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
      expect(Number.isNaN(round2(value))).toBe(false);
    }), { numRuns: 20_000 });
  });

  it("agrees with rounding the decimal string for every score a questionnaire can give (sums over counts, 0–100 scales)", () => {
    const differing: string[] = [];
    for (let count = 1; count <= 40; count++) {
      for (let sum = 0; sum <= 100 * count; sum++) {
        for (const value of [sum / count, (sum / count) * (100 / 3), ((sum / count - 1) / 4) * 100]) {
          if (!Object.is(round2(value), byDecimalStrings(value))) differing.push(`${value} (${sum}/${count})`);
        }
      }
    }
    expect(differing.slice(0, 5)).toEqual([]);
  });

  it("agrees with rounding the decimal string for any double in the range figures take, halves included", () => {
    const halves = fc.integer({ min: -10_000_000, max: 10_000_000 }).map((n) => (n + 0.5) / 100);
    const near = fc.tuple(halves, fc.integer({ min: -20, max: 20 })).map(([h, ulps]) => h + ulps * Number.EPSILON * Math.max(1, Math.abs(h)));
    fc.assert(fc.property(fc.oneof(fc.double({ min: -1e7, max: 1e7, noNaN: true }), halves, near), (value) => {
      expect(round2(value)).toBe(byDecimalStrings(value));
    }), { numRuns: 20_000 });
  });
});
