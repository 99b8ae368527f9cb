import { linkSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliIn, noTrace } from "../helpers/cli-in.ts";
import { fagligLedelse, people, wideCsv } from "../helpers/responses.ts";
import { tmpDir } from "../helpers/paths.ts";

// A researcher typing `score x.csv --out x.csv` (or a --rejects or --csv onto the data) once lost
// the data: the command scored the file, then wrote the scores over it. No command writes its input.
const q = fagligLedelse();

describe("an input file is never written", () => {
  const dir = tmpDir();
  const data = wideCsv(q, [...people("d", "direktion", 6), ...people("t", "teamleder", 6)]);
  writeFileSync(join(dir, "data.csv"), data);
  writeFileSync(join(dir, "anden.csv"), wideCsv(q, people("c", "chef", 6)));
  symlinkSync(join(dir, "data.csv"), join(dir, "genvej.csv"));
  linkSync(join(dir, "data.csv"), join(dir, "haard.csv"));

  it.each([
    ["score --out", ["score", "data.csv", "--out", "data.csv"]],
    ["score --by --out, another spelling of the path", ["score", "data.csv", "--by", "level", "--out", "./data.csv"]],
    ["score --out through a symbolic link", ["score", "data.csv", "--out", "genvej.csv"]],
    ["score --out onto a hard link", ["score", "data.csv", "--out", "haard.csv"]],
    ["score --out onto the second of two inputs", ["score", "anden.csv", "data.csv", "--out", "data.csv"]],
    ["score --lenient --rejects", ["score", "data.csv", "--lenient", "--rejects", "data.csv"]],
    ["convert --out", ["convert", "data.csv", "--to", "long", "--out", "data.csv"]],
    ["gaps --out", ["gaps", "data.csv", "--out", "data.csv"]],
    ["report --csv", ["report", "data.csv", "--out", "rapport.pdf", "--csv", "data.csv", "--force"]],
    ["merge --out --force", ["merge", "data.csv", "anden.csv", "--out", "data.csv", "--force"]],
  ])("%s: refused (exit 2), the data as it was", async (_, args) => {
    const ran = await cliIn(dir, args);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/\.csv er også en af inddatafilerne\. Skriv til en ny fil; inddata overskrives aldrig\./);
    noTrace(ran.stderr);
    expect(readFileSync(join(dir, "data.csv"), "utf8")).toBe(data);
  });

  it("a new file beside the input is written as always", async () => {
    const ran = await cliIn(dir, ["score", "data.csv", "--out", "scorer.csv"]);
    expect(ran.code).toBe(0);
    expect(readFileSync(join(dir, "scorer.csv"), "utf8")).toContain("respondent_id,level,group");
  });
});
