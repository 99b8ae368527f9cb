import { describe, expect, it } from "vitest";
import { compileScoring, required, scoreAnswers } from "../../src/core/scoring/scoring.ts";
import { loadValid } from "../helpers/load.ts";
import { MINI } from "../helpers/paths.ts";

// Expected scores below are worked out by hand from SPEC §4 on test/fixtures/questionnaires/valid/mini.yaml:
// scale 1-5, so an item scores (v' - 1) / 4 × 100; i3 is reverse-keyed (v' = 6 - v); min_answered 0.5.
// leder sees e1 = {i1, i2, i3}, e2 = {i4}, e3 = {i6, i7, i8}; medarbejder sees e1, e2 = {i5}, e3 = {i6}.
const q = loadValid(MINI);
const model = compileScoring(q);

describe("scoreAnswers", () => {
  it("scores a leader with a reversed item, ved_ikke and too few answers in one element", () => {
    const scores = scoreAnswers(model, "leder", { i1: 5, i2: 4, i3: 2, i4: 3, i6: 1, i7: "ved_ikke", i8: null });
    // e1: 100, 75, (6-2=4 → 75) → 250/3; e2: 50; e3: 1 of 3 answered < ceil(1.5) = 2 → missing
    expect(scores.e1).toBeCloseTo(250 / 3, 10);
    expect(scores.e2).toBe(50);
    expect(scores.e3).toBeNull();
    // a1 = mean(e1, e2); a2 has its only element missing; total needs 2 of 3 elements: e1, e2
    expect(scores.a1).toBeCloseTo((250 / 3 + 50) / 2, 10);
    expect(scores.a2).toBeNull();
    expect(scores.total).toBeCloseTo((250 / 3 + 50) / 2, 10);
  });

  it("uses only the items presented to the level", () => {
    // i4, i7 and i8 are not presented to medarbejder: their values must not count.
    const scores = scoreAnswers(model, "medarbejder", { i1: 1, i5: "ved_ikke", i6: 5, i4: 5, i7: 5, i8: 5 });
    expect(scores.e1).toBeNull(); // 1 of 3 answered
    expect(scores.e2).toBeNull(); // its one item is ved_ikke
    expect(scores.e3).toBe(100); // P(e3, medarbejder) = {i6}
    expect(scores.a1).toBeNull();
    expect(scores.a2).toBe(100);
    expect(scores.total).toBeNull(); // 1 of 3 elements < 2
  });

  it("accepts exactly the minimum number of answers", () => {
    const scores = scoreAnswers(model, "leder", { i1: 2, i3: 1 });
    expect(scores.e1).toBe((25 + 100) / 2);
    expect(scores.e2).toBeNull();
    expect(scores.total).toBeNull(); // 1 of 3 elements
    expect(scores.a1).toBe(62.5); // k = 2, need 1
  });

  it("gives the scale ends 0 and 100", () => {
    const low = scoreAnswers(model, "leder", { i1: 1, i2: 1, i3: 5, i4: 1, i6: 1, i7: 1, i8: 1 });
    const high = scoreAnswers(model, "leder", { i1: 5, i2: 5, i3: 1, i4: 5, i6: 5, i7: 5, i8: 5 });
    expect(Object.values(low)).toEqual(Array(6).fill(0));
    expect(Object.values(high)).toEqual(Array(6).fill(100));
  });

  it("lists dimensions as elements, areas, then total", () => {
    expect(model.dimensions).toEqual(["e1", "e2", "e3", "a1", "a2", "total"]);
  });

  it("rejects a level the questionnaire does not have", () => {
    expect(() => scoreAnswers(model, "chef", {})).toThrow(/chef/);
  });
});

describe("required", () => {
  it.each([
    [0.5, 3, 2],
    [0.5, 4, 2],
    [0.5, 1, 1],
    [0.6, 5, 3], // 0.6 × 5 is 3.0000000000000004 in floating point
    [0.1, 3, 1],
    [1, 7, 7],
    [0.01, 0, 1],
  ])("min_answered %f of %i items needs %i", (fraction, n, expected) => {
    expect(required(fraction, n)).toBe(expected);
  });
});
