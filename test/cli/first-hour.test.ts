import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliIn, noTrace } from "../helpers/cli-in.ts";
import { MINI, tmpDir } from "../helpers/paths.ts";
import { fagligLedelse, wideCsv } from "../helpers/responses.ts";

const MINI_HEADER = "respondent_id,questionnaire_id,questionnaire_version,level,group,submitted_at,i1,i2,i3,i4,i5,i6,i7,i8";

describe("clearer messages in the first hour", () => {
  it("a merge of files for a questionnaire that is not bundled asks for --questionnaire", async () => {
    const dir = tmpDir();
    writeFileSync(join(dir, "a.csv"), `${MINI_HEADER}\nr1,mini,2,leder,G,2026-03-02,1,2,3,4,,5,1,2\n`);
    const r = await cliIn(dir, ["merge", "a.csv", "--out", "m.csv"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('a.csv er til spørgeskemaet "mini" (version 2), som ikke er indbygget. Angiv spørgeskemaets YAML-fil med --questionnaire');
    expect((await cliIn(dir, ["merge", "a.csv", "--out", "m.csv", "--questionnaire", MINI])).code).toBe(0);
  });

  it("score given a folder says it is a folder and names the CSV files in it", async () => {
    const dir = tmpDir();
    mkdirSync(join(dir, "data"));
    writeFileSync(join(dir, "data", "besvarelser.csv"), "x");
    const r = await cliIn(join(dir, "data"), ["score", ".."]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(".. er en mappe uden CSV-filer. Angiv CSV-filen med besvarelser, fx ../besvarelser.csv");
    const inside = await cliIn(dir, ["score", "data"]);
    expect(inside.stderr.trim()).toBe("data er en mappe, ikke en fil. Angiv CSV-filerne med besvarelser, fx: data/besvarelser.csv");
  });

  it("--lang de is a usage error in Danish that lists da and en", async () => {
    const r = await cliIn(tmpDir(), ["list", "--lang", "de"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('fejl: --lang "de" findes ikke; vælg en af: da, en (se --help)');
    noTrace(r.stderr);
  });

  it("a mistyped --level gets 'mente du …?'", async () => {
    const r = await cliIn(tmpDir(), ["show", "--level", "temleder"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Ukendt niveau "temleder". Mente du teamleder?');
  });

  it("a merge conflict names the column that differs, with both values", async () => {
    const dir = tmpDir();
    const q = fagligLedelse();
    writeFileSync(join(dir, "a.csv"), wideCsv(q, [{ id: "c1", level: "chef", value: 3 }]));
    writeFileSync(join(dir, "b.csv"), wideCsv(q, [{ id: "c1", level: "chef", value: 3, group: "Andet" }]));
    const r = await cliIn(dir, ["merge", "a.csv", "b.csv", "--out", "m.csv"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('b.csv:2 (respondent_id): respondenten "c1" står også i a.csv:2 med andre svar (én respondent, én række); forskellen er i group: "Enhed" / "Andet"');
  });
});
