import { describe, expect, it } from "vitest";
import { hiddenEntries } from "../../src/core/suppression.ts";

describe("hiddenEntries", () => {
  it("hides groups below the threshold", () => {
    expect(hiddenEntries([2, 3, 10], 3, false)).toEqual([true, false, false]);
  });

  it("hides the next smallest too when exactly one is hidden beside a total", () => {
    expect(hiddenEntries([2, 10, 4, 7], 3, true)).toEqual([true, false, true, false]);
  });

  it("adds nothing when two or more are already hidden, or none", () => {
    expect(hiddenEntries([1, 2, 10], 3, true)).toEqual([true, true, false]);
    expect(hiddenEntries([5, 6], 3, true)).toEqual([false, false]);
  });

  it("counts groups hidden for another reason as hidden", () => {
    expect(hiddenEntries([9, 5, 7], 3, true, [true, false, false])).toEqual([true, true, false]);
  });
});
