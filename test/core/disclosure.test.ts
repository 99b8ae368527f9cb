import { describe, expect, it } from "vitest";
import { disclose, discloseAnswers, discloseGroups, discloseTable } from "../../src/core/disclosure/disclosure.ts";

const hidden = (d: { hidden: boolean }[]) => d.map((x) => x.hidden);

describe("disclosure engine, one column (SPEC §4 rules 1-2, worked by hand)", () => {
  it("hides a group under k, and the smallest shown one while the hidden ones together are under k", () => {
    const d = discloseGroups([5, 4, 10], 5);
    expect(d.groups).toEqual([{ hidden: true, why: "complement" }, { hidden: true, why: "small" }, { hidden: false, why: undefined }]);
    expect(d.total.hidden).toBe(false);
  });

  it("keeps shown what hidden groups of k or more together already protect", () => {
    expect(hidden(discloseGroups([3, 3, 10], 5).groups)).toEqual([true, true, false]);
    expect(hidden(discloseGroups([2, 2, 10, 12], 5).groups)).toEqual([true, true, true, false]);
  });

  it("hides the total over a single hidden group (an item put to one level only)", () => {
    const d = discloseGroups([0, 3, 0, 0], 5);
    expect(d.groups.map((g) => g.why)).toEqual(["empty", "small", "empty", "empty"]);
    expect(d.total).toEqual({ hidden: true, why: "small" });
    // Five directors and nobody else: the total equals the group, both are k or more: shown.
    expect(discloseGroups([5, 0, 0], 5).total.hidden).toBe(false);
  });

  it("hides the total when a small group has no shown group beside it to take", () => {
    // 3 + 3 = 6 respondents, k = 7: both groups small, together under k: the total would be their sum.
    expect(discloseGroups([3, 3], 7).total.hidden).toBe(true);
  });

  it("lets empty groups (a level the element has no items for) take no part", () => {
    expect(hidden(discloseGroups([0, 7, 10], 5).groups)).toEqual([true, false, false]);
    expect(discloseGroups([0, 7, 10], 5).groups[0]!.why).toBe("empty");
  });
});

describe("disclosure engine, several columns (rule 3, checked exactly)", () => {
  it("closes SPEC's 2×2 example: 1, 10, 10, 10 with margins published", () => {
    // Rows a|b and c|d, row margins 11, 20, column margins 11, 20. The slices hide a (small), b and c
    // (complements), after which a = (a+b) − (b+d) + d: d must go too.
    const d = discloseTable([["r1", "c1"], ["r1", "c2"], ["r2", "c1"], ["r2", "c2"]], [1, 10, 10, 10], 5);
    expect(d.groups.map((g) => g.why)).toEqual(["small", "complement", "complement", "complement"]);
    expect(d.total.hidden).toBe(false);
  });

  it("does not hide more than needed where the margins do not give a small cell away", () => {
    // 10 | 10 / 10 | 2: d small; row 2 slice hides c (10); column 2 slice hides b (10); then
    // a = r1 − b … b is hidden, so only a's own cell shows a — and a is large.
    const d = discloseTable([["r1", "c1"], ["r1", "c2"], ["r2", "c1"], ["r2", "c2"]], [10, 10, 10, 2], 5);
    expect(hidden(d.groups)).toEqual([true, true, true, true]);
    // With every interior cell hidden, d = r2 − c1 + a is no longer available: the margins alone have rank 3 of 4.
  });

  it("treats a table whose cells are all large as safe", () => {
    const d = discloseTable([["a", "x"], ["a", "y"], ["b", "x"], ["b", "y"]], [6, 7, 8, 9], 5);
    expect(hidden(d.groups)).toEqual([false, false, false, false]);
  });

  it("finds a small set that only a combination of several cells gives away", () => {
    // Cells over atoms: A = {0,1}, B = {1,2}, C = {0,2}, D = {0,1,2}: A + B + C − D = atom 1 (size 2).
    const sizes = [10, 2, 10];
    const cells = [{ atoms: [0, 1] }, { atoms: [1, 2] }, { atoms: [0, 2] }, { atoms: [0, 1, 2] }];
    // Hiding A (the smallest) still leaves D − C = atom 1; hiding C then closes it (B and D alone
    // give only atom 0, of 10). Worked by hand.
    const d = disclose({ sizes, cells, slices: [] }, 5);
    expect(hidden(d)).toEqual([true, false, true, false]);
    // Without the search (exact = false) nothing is hidden: every cell is 12 or more.
    expect(hidden(disclose({ sizes, cells, slices: [] }, 5, false))).toEqual([false, false, false, false]);
  });
});

describe("item breakdowns: valid answers and everyone who answered", () => {
  it("hides a cell when either set needs it", () => {
    // Group 1: 6 valid answers; group 2: 2 valid + 4 "ved ikke" (6 answered). By valid answers group 2
    // is small and takes group 1 with it.
    const d = discloseAnswers([["g1"], ["g2"]], [6, 2], [6, 6], 5);
    expect(d.groups.map((g) => g.why)).toEqual(["complement", "small"]);
  });
});
