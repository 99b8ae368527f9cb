import { describe, expect, it } from "vitest";
import { round2 } from "../../src/core/scoring/rounding.ts";

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
  ])("%f → %f", (value, expected) => {
    expect(round2(value)).toBe(expected);
  });
});
