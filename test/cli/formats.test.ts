import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { convert } from "../../src/cli/commands/convert.ts";
import { score, type ScoreOptions } from "../../src/cli/commands/score.ts";
import { UserError } from "../../src/cli/errors.ts";
import { memoryIo } from "../../src/cli/io.ts";
import { peekFile } from "../../src/cli/peek.ts";
import { captureStream } from "../helpers/capture.ts";
import { fixture, MINI, tmpDir } from "../helpers/paths.ts";

const LONG = fixture("responses", "mini-long.csv");
const WIDE = fixture("responses", "mini-utf8.csv");

async function scoreCsv(options: Omit<ScoreOptions, "questionnaire">, cwd = tmpDir()) {
  const { io, stderr } = memoryIo(cwd);
  const out = captureStream();
  const code = await score({ questionnaire: MINI, ...options }, io, out.stream);
  return { code, stdout: out.text(), stderr: stderr() };
}

/** The rows of a CSV as objects by header name, so added columns (population, total) do not matter. */
function records(csv: string): Record<string, string>[] {
  const [header, ...lines] = csv.trimEnd().split("\r\n");
  const names = header!.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((cell, i) => [names[i]!, cell])));
}

const cell = (rows: Record<string, string>[], level: string, dimension: string) =>
  rows.find((r) => r.level === level && r.dimension === dimension && r.total !== "true");

describe("the long format is recognised by its header", () => {
  it("score lang.csv --by level without --long counts every respondent (it used to give n = 0)", async () => {
    const { code, stdout } = await scoreCsv({ files: [LONG], by: "level" });
    expect(code).toBe(0);
    const rows = records(stdout);
    // By hand from the per-respondent scores in score.test.ts (reference: test/reference/mini_expected.py):
    // leder r01 r02 r03 r06, medarbejder r04 r05; e2 is missing for r03, e1 and total for r05.
    expect(cell(rows, "leder", "e1")?.n).toBe("4");
    expect(cell(rows, "leder", "e2")?.n).toBe("3");
    expect(cell(rows, "leder", "total")?.n).toBe("4");
    expect(cell(rows, "medarbejder", "e2")?.n).toBe("2");
    expect(cell(rows, "medarbejder", "total")?.n).toBe("1");
    // medarbejder is under k = 3, so leder is hidden beside it; the total over all five is shown
    // (mean 63.06, test/reference/mini_expected.py).
    expect(cell(rows, "leder", "total")?.suppressed).toBe("true");
    expect(rows.find((r) => r.total === "true" && r.dimension === "total")?.mean).toBe("63.06");
  });

  it("gives the same output for the long file with and without --long, and the same as the wide file", async () => {
    const plain = await scoreCsv({ files: [LONG], by: "level" });
    const flagged = await scoreCsv({ files: [LONG], by: "level", long: true });
    const wide = await scoreCsv({ files: [WIDE], by: "level" });
    expect(flagged.stdout).toBe(plain.stdout);
    expect(wide.stdout).toBe(plain.stdout);
  });

  it("reads a wide file as wide even when --long is given", async () => {
    const wide = await scoreCsv({ files: [WIDE] });
    const flagged = await scoreCsv({ files: [WIDE], long: true });
    expect(flagged.stdout).toBe(wide.stdout);
  });

  it("reads a long and a wide file in one run", async () => {
    const dir = tmpDir();
    // The wide fixture's respondents renamed, so the two files hold different people.
    writeFileSync(join(dir, "other.csv"), readFileSync(WIDE, "utf8").replace(/^r0/gm, "x0"));
    const { stdout } = await scoreCsv({ files: [LONG, "other.csv"], by: "level" }, dir);
    expect(cell(records(stdout), "leder", "e1")?.n).toBe("8");
  });

  it("convert reads a long file to wide without being told", async () => {
    const { io } = memoryIo(tmpDir());
    const out = captureStream();
    await convert({ files: [LONG], to: "wide", questionnaire: MINI }, io, out.stream);
    expect(out.text().split("\r\n")[1]).toBe("r01,mini,2,leder,Ærø,2026-03-02T09:30:00+01:00,A,5,4,2,3,,1,ved_ikke,,,,");
  });

  it("a header that is neither format is an error naming the file and showing both formats' columns; nothing is written", async () => {
    const dir = tmpDir();
    writeFileSync(join(dir, "odd.csv"), "id;spørgsmål;svar\nr1;i1;4\n");
    const { io } = memoryIo(dir);
    const err = await score({ files: ["odd.csv"], questionnaire: MINI, out: "out.csv" }, io, captureStream().stream).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    const { exitCode, text } = err as UserError;
    expect(exitCode).toBe(1);
    expect(text.da).toContain("odd.csv:1: overskriften er hverken bredt eller langt format");
    expect(text.da).toContain("Bredt format: respondent_id,questionnaire_id,questionnaire_version,level,group,submitted_at");
    expect(text.da).toContain("Langt format: respondent_id,item_id,value,level");
    expect(text.da).toContain("Filen har: id,spørgsmål,svar");
    expect(text.en).toContain("the header is neither wide nor long format");
    expect(existsSync(join(dir, "out.csv"))).toBe(false);
  });

  it("peek tells the formats apart and decodes the header's æøå in both encodings", async () => {
    const dir = tmpDir();
    writeFileSync(join(dir, "utf8.csv"), "respondent_id;item_id;value;område\nr1;i1;4;Ø\n");
    writeFileSync(join(dir, "ansi.csv"), Buffer.from("respondent_id;item_id;value;omr\xe5de\nr1;i1;4;\xd8\n", "latin1"));
    for (const name of ["utf8.csv", "ansi.csv"]) {
      const peeked = await peekFile(join(dir, name));
      expect(peeked?.format).toBe("long");
      expect(peeked?.columns).toEqual(["respondent_id", "item_id", "value", "område"]);
    }
    expect((await peekFile(WIDE))?.format).toBe("wide");
    expect((await peekFile(WIDE))?.id).toEqual({ id: "mini", version: "2" });
  });
});
