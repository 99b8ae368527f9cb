import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lineRanges, Quirk, quirkNotice } from "../../src/core/responses/excel-cells.ts";
import { loadValid } from "../helpers/load.ts";
import { fixture, MINI, tmpDir } from "../helpers/paths.ts";
import { cliIn, noTrace } from "../helpers/cli-in.ts";

/** mini-utf8.csv (6 respondents on lines 2-8: r03's comment spans lines 4-5) with every row's version written as "2.1" — a near-miss of "2" (2.0 would be read as 2, SPEC §5). */
function nearMiss() {
  const dir = tmpDir();
  const text = readFileSync(fixture("responses", "mini-utf8.csv"), "utf8").replace(/^(r\d+,mini),2,/gm, "$1,2.1,");
  writeFileSync(join(dir, "data.csv"), text);
  return dir;
}

describe("near-misses and --lenient with nothing left", () => {
  it("lineRanges joins consecutive lines", () => {
    expect(lineRanges([9, 2, 3, 4, 5, 11, 12, 3])).toBe("2–5, 9, 11–12");
  });

  it("lineRanges names the first twelve ranges of many, then …; a notice then says how many lines in all", () => {
    const every = Array.from({ length: 500 }, (_, i) => 2 + 2 * i); // 2, 4, 6 …: no two consecutive
    expect(lineRanges(every)).toBe("2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, …");
    expect(lineRanges(every.slice(0, 12))).toBe("2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24");
    const q = loadValid(MINI);
    const notice = quirkNotice(Quirk.DontKnow, every.length, lineRanges(every), [], q);
    expect(notice.da).toBe('Linje 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, … (500 i alt): "Ved ikke" er stavet anderledes end ved_ikke og er læst som "Ved ikke".');
    expect(notice.en.startsWith("Lines 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, … (500 in all):")).toBe(true);
    expect(quirkNotice(Quirk.MetaAfterItems, 1, "1", ["wave", "kommune"], q)).toEqual({
      da: 'Kolonnerne "wave", "kommune" står efter spørgsmålene og er læst som metadata.',
      en: 'Columns "wave", "kommune" come after the items and were read as metadata.',
    });
  });

  it("a version near-miss on every row is one message naming the lines, not one per row", async () => {
    const dir = nearMiss();
    const r = await cliIn(dir, ["score", "data.csv", "--questionnaire", MINI]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toEqual([
      'data.csv, linje 2–4, 6–8 (questionnaire_version) (6 rækker): rækken er til version "2.1", men spørgeskemaet er version "2"',
      "Intet er skrevet. Ret dataene, eller brug --lenient for at springe de fejlbehæftede rækker over.",
    ]);
  });

  it("--lenient that rejects every row exits 1, says so and keeps the rejects", async () => {
    const dir = nearMiss();
    const r = await cliIn(dir, ["score", "data.csv", "--questionnaire", MINI, "--lenient", "--out", "scores.csv"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Ingen rækker er tilbage: alle 6 blev afvist (de står i afviste-raekker.csv)");
    noTrace(r.stderr);
    expect(r.stdout).toBe("");
    expect(existsSync(join(dir, "scores.csv"))).toBe(false);
    expect(readFileSync(join(dir, "afviste-raekker.csv"), "utf8").match(/^data\.csv,/gm)).toHaveLength(6);
  });

  it("--lenient with some rows left still exits 0", async () => {
    const dir = nearMiss();
    const text = readFileSync(join(dir, "data.csv"), "utf8").replace("r01,mini,2.1,", "r01,mini,2,");
    writeFileSync(join(dir, "data.csv"), text);
    const r = await cliIn(dir, ["score", "data.csv", "--questionnaire", MINI, "--lenient", "--out", "scores.csv"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("data.csv, linje 3–4, 6–8 (questionnaire_version) (5 rækker)");
    expect(readFileSync(join(dir, "scores.csv"), "utf8").trimEnd().split("\r\n")).toHaveLength(2);
  });
});
