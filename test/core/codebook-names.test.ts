import { describe, expect, it } from "vitest";
import { dontKnowCode } from "../../src/core/codebook/codebook.ts";
import { quoteR, quoteStata, variableNames } from "../../src/core/codebook/names.ts";

describe("codebook variable names and literals", () => {
  it("one name per column that SPSS, R and Stata all take: letters, digits, _, ≤ 32, unique, no reserved word", () => {
    expect(variableNames(["sr-1", "comment.saette-retningen", "år", "Æble", "1x", "by", "to", "sr_1", "a".repeat(40), "a".repeat(40)])).toEqual([
      "sr_1", "comment_saette_retningen", "aar", "Aeble", "v_1x", "by_", "to_", "sr_1_2", "a".repeat(32), `${"a".repeat(30)}_2`,
    ]);
  });

  it("codes 'Ved ikke' as the smallest all-nines number above the scale", () => {
    expect([dontKnowCode(5), dontKnowCode(9), dontKnowCode(10), dontKnowCode(99)]).toEqual([9, 99, 99, 999]);
  });

  it("quotes R strings in plain ASCII and keeps Stata's macro characters inert", () => {
    expect(quoteR('Høj "grad"')).toBe('"H\\u00f8j \\"grad\\""');
    expect(quoteStata('a "b" $c `d\'')).toBe('"a \'b\' \\$c \'d\'"');
  });
});
