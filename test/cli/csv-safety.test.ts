import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { defuse } from "../../src/adapters/csv/csv-write.ts";
import { cliIn } from "../helpers/cli-in.ts";
import { fixture, MINI, tmpDir } from "../helpers/paths.ts";

/**
 * A small RFC 4180 reader, written here rather than taken from src/, so the check does not share
 * the code under test: quoted fields, doubled quotes, CRLF, a chosen delimiter, a BOM.
 */
function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const src = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) row.push(cell), (cell = "");
    else if (c === "\r" && src[i + 1] === "\n") continue;
    else if (c === "\n") row.push(cell), rows.push(row), (row = []), (cell = "");
    else cell += c;
  }
  if (cell !== "" || row.length > 0) row.push(cell), rows.push(row);
  return rows;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(?:[.,]\d+)?$/;

// hostile-formulas.csv: respondent ids, groups, metadata (names and values) and comments that
// start with = + - @ and tab; its last row has an out-of-scale answer, so --lenient rejects it.
const DATA = "hostile.csv";

/**
 * Every CSV the tool writes, as [name, command, file to open, delimiter, holds input text].
 * A new output (gaps, merge, workshop export) is one more line here.
 */
const OUTPUTS: [string, string[], string, string, boolean][] = [
  ["score per respondent", ["score", DATA, "--questionnaire", MINI, "--lenient", "--rejects", "r1.csv", "--out", "scores.csv"], "scores.csv", ",", true],
  ["score --excel", ["score", DATA, "--questionnaire", MINI, "--lenient", "--rejects", "r2.csv", "--excel", "--out", "excel.csv"], "excel.csv", ";", true],
  ["score --by group,=kommune", ["score", DATA, "--questionnaire", MINI, "--lenient", "--rejects", "r3.csv", "--by", "group,=kommune", "--out", "by.csv"], "by.csv", ",", true],
  ["score --item-stats", ["score", DATA, "--questionnaire", MINI, "--lenient", "--rejects", "r4.csv", "--item-stats", "--out", "items.csv"], "items.csv", ",", false],
  ["report --csv", ["report", DATA, "--questionnaire", MINI, "--lenient", "--rejects", "r5.csv", "--by", "group", "--out", "r.pdf", "--csv", "report.csv"], "report.csv", ",", true],
  ["gaps --between group", ["gaps", DATA, "--questionnaire", MINI, "--lenient", "--rejects", "r8.csv", "--between", "group", "--threshold", "0", "--out", "gaps.csv"], "gaps.csv", ",", true],
  ["merge", ["merge", DATA, "--questionnaire", MINI, "--lenient", "--rejects", "r9.csv", "--out", "merged.csv"], "merged.csv", ",", true],
  ["merge --excel", ["merge", DATA, "--questionnaire", MINI, "--lenient", "--rejects", "r10.csv", "--excel", "--out", "merged-excel.csv"], "merged-excel.csv", ";", true],
  ["convert --to long --excel", ["convert", DATA, "--questionnaire", MINI, "--lenient", "--rejects", "r11.csv", "--to", "long", "--excel", "--out", "long-excel.csv"], "long-excel.csv", ";", true],
  ["score --item-stats --by group", ["score", DATA, "--questionnaire", MINI, "--lenient", "--rejects", "r12.csv", "--item-stats", "--by", "group", "--out", "items-by.csv"], "items-by.csv", ",", true],
  ["rejects (--lenient)", ["score", DATA, "--questionnaire", MINI, "--lenient", "--rejects", "rejects.csv", "--out", "s6.csv"], "rejects.csv", ",", true],
  ["convert --to long", ["convert", DATA, "--questionnaire", MINI, "--lenient", "--rejects", "r7.csv", "--to", "long", "--out", "long.csv"], "long.csv", ",", true],
  ["convert --to wide", ["convert", "long.csv", "--questionnaire", MINI, "--to", "wide", "--out", "wide.csv"], "wide.csv", ",", true],
  ["codebook --format csv", ["codebook", MINI, "--data", DATA, "--format", "csv", "--out", "codebook.csv"], "codebook.csv", ",", true],
  ["run --answers (the response file)", ["run", MINI, "--level", "leder", "--group", "=1+1", "--answers", "svar.yaml", "--out", "besvarelser.csv"], "besvarelser.csv", ",", true],
];

describe("spreadsheet safety: every CSV cell the tool writes", () => {
  const dir = tmpDir();
  beforeAll(() => {
    writeFileSync(join(dir, DATA), readFileSync(fixture("responses", "hostile-formulas.csv")));
    writeFileSync(join(dir, "svar.yaml"), 'i1: 4\ncomment.e1: "=cmd|\' /C calc\'!A0"\ncomment.e2: "@SUM(1)"\ncomment.e3: "-1+1"\n');
  });

  it.each(OUTPUTS)("%s: no cell starts a formula", async (_, args, file, delimiter, fromInput) => {
    const r = await cliIn(dir, args);
    expect(r.code, r.stderr).toBe(0);
    const cells = parseCsv(readFileSync(join(dir, file), "utf8"), delimiter).flat();
    expect(cells.length).toBeGreaterThanOrEqual(10);
    for (const cell of cells) if (FORMULA_START.test(cell)) expect(cell, `${file}: ${JSON.stringify(cell)}`).toMatch(NUMBER);
    // The input's formulas did reach this output, defused: the check above is not vacuous.
    if (fromInput) expect(cells.filter((c) => /^'[=+\-@\t]/.test(c)).length).toBeGreaterThan(0);
  });

  it("a negative number is a number; a formula that starts with a minus is not", () => {
    expect(["-3", "-3.5", "-3,5", "+4", "-1+1", "-A1", "=1", "@x", "\tx", "\rx", "'=x", "x=1"].map(defuse)).toEqual([
      "-3", "-3.5", "-3,5", "+4", "'-1+1", "'-A1", "'=1", "'@x", "'\tx", "'\rx", "'=x", "x=1",
    ]);
  });
});
