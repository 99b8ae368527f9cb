import { existsSync, linkSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundledPath } from "../../src/adapters/files/bundled.ts";
import { merge, mergeResponses, type MergeOptions } from "../../src/cli/commands/merge.ts";
import { score } from "../../src/cli/commands/score.ts";
import { UserError } from "../../src/cli/errors.ts";
import { memoryIo } from "../../src/cli/io.ts";
import { captureStream } from "../helpers/capture.ts";
import { fixture, MINI, tmpDir } from "../helpers/paths.ts";
import { fagligLedelse, people, wideCsv, type Person } from "../helpers/responses.ts";

const FL = bundledPath("faglig-ledelse");
const q = fagligLedelse();

async function mergeIn(dir: string, options: Omit<MergeOptions, "questionnaire"> & { questionnaire?: string }) {
  const { io, stderr } = memoryIo(dir);
  const result: { code?: number; error?: unknown } = await merge({ questionnaire: FL, ...options }, io).then((code) => ({ code }), (error: unknown) => ({ error }));
  return { ...result, stderr: stderr() };
}

const userError = (result: { error?: unknown }): UserError => {
  if (!(result.error instanceof UserError)) throw new Error(`expected a UserError, got ${String(result.error)}`);
  return result.error;
};

const read = (dir: string, name: string) => readFileSync(join(dir, name), "utf8");
const write = (dir: string, name: string, text: string) => writeFileSync(join(dir, name), text);

describe("merge", () => {
  const meta = { kommune: "Aarhus", runde: "1" };
  const laptop1: Person[] = [...people("d", "direktion", 2, { meta }), ...people("c", "chef", 3, { meta, comment: "Godt, men travlt" })];
  const laptop2: Person[] = [...people("c", "chef", 3, { meta, comment: "Godt, men travlt", submitted: "2026-03-02T11:00:00+01:00" }).slice(1), ...people("t", "teamleder", 2, { meta, value: 4 })];

  it("writes one wide row per respondent, the metadata columns' union in first-seen order, and a summary", async () => {
    const dir = tmpDir();
    // Laptop 1 has no runde column; laptop 2 has it, empty for the shared respondents (a missing column is an empty one).
    const first = laptop1.map((p) => ({ ...p, meta: { kommune: "Aarhus" } }));
    const second = [...first.slice(3), ...laptop2.slice(2).map((p) => ({ ...p, meta: { kommune: "Aarhus", runde: "2" } }))];
    write(dir, "laptop1.csv", wideCsv(q, first, ["kommune"]));
    write(dir, "laptop2.csv", wideCsv(q, second, ["runde", "kommune"]));
    const { code, stderr } = await mergeIn(dir, { files: ["laptop1.csv", "laptop2.csv"], out: "samlet.csv" });
    expect(code).toBe(0);
    expect(read(dir, "samlet.csv")).toBe(wideCsv(q, [...first, ...second.slice(2)], ["kommune", "runde"]));
    expect(stderr).toContain("laptop1.csv: 5 række(r)\n  laptop2.csv: 4 række(r)\n2 ens dublet(ter) talt én gang; 7 respondenter skrevet til samlet.csv.");
    expect(stderr).toContain("laptop2.csv:2 = laptop1.csv:5, laptop2.csv:3 = laptop1.csv:6"); // header, d1, d2, c1, c2
    expect(readdirSync(dir).sort()).toEqual(["laptop1.csv", "laptop2.csv", "samlet.csv", "samlet.csv.provenance.json"]);
  });

  it("scores the merged file as the files it came from", async () => {
    const dir = tmpDir();
    write(dir, "laptop1.csv", wideCsv(q, laptop1, ["kommune", "runde"]));
    write(dir, "laptop2.csv", wideCsv(q, laptop2, ["kommune", "runde"]));
    await mergeIn(dir, { files: ["laptop1.csv", "laptop2.csv"], out: "samlet.csv" });
    const scored = async (files: string[]) => {
      const out = captureStream();
      await score({ files, questionnaire: FL, by: "level,kommune" }, memoryIo(dir).io, out.stream);
      return out.text();
    };
    expect(await scored(["samlet.csv"])).toBe(await scored(["laptop1.csv", "laptop2.csv"]));
  });

  it("a file given twice is harmless: the output is the file itself", async () => {
    const dir = tmpDir();
    write(dir, "a.csv", wideCsv(q, laptop1, ["kommune", "runde"]));
    const { code, stderr } = await mergeIn(dir, { files: ["a.csv", "a.csv"], out: "b.csv" });
    expect(code).toBe(0);
    expect(read(dir, "b.csv")).toBe(read(dir, "a.csv"));
    expect(stderr).toContain("a.csv er angivet mere end én gang");
    expect(stderr).toContain("5 ens dublet(ter) talt én gang; 5 respondenter skrevet til b.csv.");
  });

  it("reads the long format and writes it wide, keeping the comments of wide files", async () => {
    const dir = tmpDir();
    const { code } = await mergeIn(dir, { files: [fixture("responses", "mini-long.csv"), fixture("responses", "mini-utf8.csv")], out: "m.csv", questionnaire: MINI });
    expect(code).toBe(0);
    // The long file came first, so its rows (without comments) are kept; the wide file's are identical duplicates.
    const lines = read(dir, "m.csv").split("\r\n");
    expect(lines[0]).toBe("respondent_id,questionnaire_id,questionnaire_version,level,group,submitted_at,kommune,i1,i2,i3,i4,i5,i6,i7,i8,comment.e1,comment.e2,comment.e3");
    expect(lines[1]).toBe("r01,mini,2,leder,Ærø,2026-03-02T09:30:00+01:00,A,5,4,2,3,,1,ved_ikke,,,,");
    const wideFirst = tmpDir();
    await mergeIn(wideFirst, { files: [fixture("responses", "mini-utf8.csv")], out: "m.csv", questionnaire: MINI });
    expect(read(wideFirst, "m.csv")).toBe(readFileSync(fixture("responses", "mini-utf8.csv"), "utf8").replaceAll(/\r?\n/g, "\r\n").replace("To linjer\r\ni én", "To linjer\ni én"));
  });

  it("protects every text cell against spreadsheet formulas", async () => {
    const dir = tmpDir();
    const nasty: Person = { id: "=cmd|' /C calc'!A0", level: "chef", group: "+45 Nord", meta: { kommune: "@SUM(A1)" }, comment: "-1 er for lidt" };
    write(dir, "a.csv", wideCsv(q, [nasty], ["kommune"]));
    await mergeIn(dir, { files: ["a.csv"], out: "b.csv" });
    const row = read(dir, "b.csv").split("\r\n")[1]!;
    expect(row.startsWith(`'=cmd|' /C calc'!A0,faglig-ledelse,${q.version},chef,'+45 Nord,2026-03-02T09:30:00+01:00,'@SUM(A1),`)).toBe(true);
    expect(row.endsWith(",'-1 er for lidt,,,,,,,")).toBe(true);
  });

  it("is callable as a function and returns its summary", async () => {
    const dir = tmpDir();
    write(dir, "a.csv", wideCsv(q, laptop1));
    write(dir, "b.csv", wideCsv(q, laptop2));
    const summary = await mergeResponses(["a.csv", "b.csv"], "c.csv", { questionnaire: FL }, memoryIo(dir).io);
    expect(summary).toEqual({ out: join(dir, "c.csv"), files: [{ file: join(dir, "a.csv"), rows: 5 }, { file: join(dir, "b.csv"), rows: 4 }], duplicates: 2, written: 7 });
  });
});

describe("merge on bad input: a clear message, and nothing written", () => {
  const two = [...people("c", "chef", 2)];

  it("refuses files of different questionnaires or versions, naming each file and what it holds", async () => {
    const dir = tmpDir();
    write(dir, "a.csv", wideCsv(q, two));
    write(dir, "b.csv", wideCsv({ ...q, version: "9.9" }, people("x", "chef", 1)));
    write(dir, "c.csv", wideCsv({ ...q, id: "andet-skema" }, people("y", "chef", 1)));
    const err = userError(await mergeIn(dir, { files: ["a.csv", "b.csv", "c.csv"], out: "m.csv" }));
    expect(err.exitCode).toBe(1);
    expect(err.text.da).toContain(`forskellige spørgeskemaer eller versioner: a.csv (faglig-ledelse ${q.version}), b.csv (faglig-ledelse 9.9), c.csv (andet-skema ${q.version})`);
    expect(existsSync(join(dir, "m.csv"))).toBe(false);
  });

  it("compares the version of a long file too", async () => {
    const dir = tmpDir();
    write(dir, "v3.csv", readFileSync(fixture("responses", "mini-utf8.csv"), "utf8").replaceAll(",mini,2,", ",mini,3,").replaceAll(/^r0/gm, "x0"));
    const err = userError(await mergeIn(dir, { files: [fixture("responses", "mini-long.csv"), "v3.csv"], out: "m.csv", questionnaire: MINI }));
    expect(err.exitCode).toBe(1);
    expect(err.text.da).toMatch(/mini-long\.csv \(mini 2\), v3\.csv \(mini 3\)/);
    expect(readdirSync(dir)).toEqual(["v3.csv"]);
  });

  it("a version that changes inside a file stops the merge at that row", async () => {
    const dir = tmpDir();
    write(dir, "a.csv", wideCsv(q, two) + wideCsv({ ...q, version: "9.9" }, people("x", "chef", 1)).split("\r\n")[1] + "\r\n");
    const err = userError(await mergeIn(dir, { files: ["a.csv"], out: "m.csv" }));
    expect(err.exitCode).toBe(1);
    expect(err.text.da).toContain('a.csv:4 (questionnaire_version): rækken er til version "9.9"');
    expect(readdirSync(dir)).toEqual(["a.csv"]);
  });

  it("a missing file", async () => {
    const dir = tmpDir();
    write(dir, "a.csv", wideCsv(q, two));
    const err = userError(await mergeIn(dir, { files: ["a.csv", "mangler.csv"], out: "m.csv" }));
    expect(err.exitCode).toBe(1);
    expect(err.text.da).toContain("Filen findes ikke: mangler.csv");
    expect(readdirSync(dir)).toEqual(["a.csv"]);
  });

  it("--out equal to an input, also by another path or a symbolic or hard link, even with --force; the input is untouched", async () => {
    const dir = tmpDir();
    const original = wideCsv(q, two);
    write(dir, "a.csv", original);
    write(dir, "b.csv", wideCsv(q, people("x", "chef", 1)));
    symlinkSync(join(dir, "a.csv"), join(dir, "link.csv"));
    linkSync(join(dir, "a.csv"), join(dir, "hard.csv"));
    for (const out of ["a.csv", "./a.csv", join(dir, "a.csv"), "link.csv", "hard.csv"]) {
      const err = userError(await mergeIn(dir, { files: ["a.csv", "b.csv"], out, force: true }));
      expect(err.exitCode).toBe(2);
      expect(err.text.da).toContain("er også en af inddatafilerne");
    }
    expect(read(dir, "a.csv")).toBe(original);
  });

  it("an existing --out is replaced only with --force", async () => {
    const dir = tmpDir();
    write(dir, "a.csv", wideCsv(q, two));
    write(dir, "m.csv", "gammelt indhold\n");
    const err = userError(await mergeIn(dir, { files: ["a.csv"], out: "m.csv" }));
    expect(err.exitCode).toBe(2);
    expect(err.text.da).toContain("m.csv findes allerede. Brug --force");
    expect(read(dir, "m.csv")).toBe("gammelt indhold\n");
    expect((await mergeIn(dir, { files: ["a.csv"], out: "m.csv", force: true })).code).toBe(0);
    expect(read(dir, "m.csv")).toBe(read(dir, "a.csv"));
  });

  it("conflicting duplicates: exit 1 naming the respondent and both places; the existing --out untouched, no temporary file left", async () => {
    const dir = tmpDir();
    write(dir, "a.csv", wideCsv(q, two));
    write(dir, "b.csv", wideCsv(q, [{ id: "c2", level: "chef", value: 1 }]));
    write(dir, "m.csv", "gammelt indhold\n");
    const err = userError(await mergeIn(dir, { files: ["a.csv", "b.csv"], out: "m.csv", force: true }));
    expect(err.exitCode).toBe(1);
    expect(err.text.da).toContain('b.csv:2 (respondent_id): respondenten "c2" står også i a.csv:3 med andre svar');
    expect(read(dir, "m.csv")).toBe("gammelt indhold\n");
    expect(readdirSync(dir).sort()).toEqual(["a.csv", "b.csv", "m.csv"]);
  });

  it("--lenient with a conflict keeps the first row and lists the other in the rejects file", async () => {
    const dir = tmpDir();
    write(dir, "a.csv", wideCsv(q, two));
    write(dir, "b.csv", wideCsv(q, [{ id: "c2", level: "chef", value: 1 }, { id: "c3", level: "chef" }]));
    const { code, stderr } = await mergeIn(dir, { files: ["a.csv", "b.csv"], out: "m.csv", lenient: true });
    expect(code).toBe(0);
    expect(read(dir, "m.csv")).toBe(wideCsv(q, [...two, { id: "c3", level: "chef" }]));
    expect(stderr).toContain('b.csv:2 (respondent_id): respondenten "c2" står også i a.csv:3 med andre svar');
    expect(read(dir, "afviste-raekker.csv")).toContain('b.csv,2,respondent_id,"respondenten ""c2"" står også i a.csv:3');
  });

  it("a header that is neither format names the file and the expected columns", async () => {
    const dir = tmpDir();
    write(dir, "a.csv", wideCsv(q, two));
    write(dir, "b.csv", "navn,svar\nx,3\n");
    const err = userError(await mergeIn(dir, { files: ["a.csv", "b.csv"], out: "m.csv" }));
    expect(err.exitCode).toBe(1);
    expect(err.text.da).toContain("b.csv:1: overskriften er hverken bredt eller langt format");
    expect(readdirSync(dir).sort()).toEqual(["a.csv", "b.csv"]);
  });
});
