import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundledPath } from "../../src/adapters/files/bundled.ts";
import { codebook } from "../../src/cli/commands/codebook.ts";
import { run } from "../../src/cli/commands/run.ts";
import { UserError } from "../../src/cli/errors.ts";
import { memoryIo } from "../../src/cli/io.ts";
import { itemsForLevel } from "../../src/core/questionnaire/levels.ts";
import { fixedClock } from "../helpers/io.ts";
import { loadValid } from "../helpers/load.ts";
import { MINI, tmpDir } from "../helpers/paths.ts";
import { missing } from "../helpers/system.ts";

/** The codebook as CSV, parsed with a minimal reader (no field here holds a line break). */
async function codebookCsv(dir: string, options: Parameters<typeof codebook>[0]) {
  const { io, stdout } = memoryIo(dir);
  expect(await codebook({ ...options, format: "csv" }, io)).toBe(0);
  const lines = stdout().trimEnd().split("\r\n");
  return lines.slice(1).map((line) => line.match(/^("(?:[^"]|"")*"|[^,]*)/)![1]!.replace(/^"|"$/g, ""));
}

/** A folder whose besvarelser.csv `run --answers` wrote: one respondent for each of the first two levels. */
async function runWritten(id: string) {
  const q = loadValid(bundledPath(id));
  const dir = tmpDir();
  for (const level of q.levels.slice(0, 2)) {
    const [first, second] = itemsForLevel(q, level.id);
    writeFileSync(join(dir, "svar.yaml"), `${first!.id}: ${q.scale.max}\n${second!.id}: ${q.scale.dont_know ? "ved_ikke" : q.scale.min}\n`);
    const { io } = memoryIo(dir);
    await run({ questionnaire: id, level: level.id, answers: "svar.yaml", respondent: `r-${level.id}` }, io, { now: fixedClock, newRespondentId: () => "x" });
  }
  return { q, dir, first: itemsForLevel(q, q.levels[0]!.id)[0]! };
}

describe("codebook: every column `run` writes", () => {
  it.each(["faglig-ledelse", "faglige-ledelsesopgaver"])("%s: each column of a CSV written by run --answers is in the codebook, in file order", async (id) => {
    const { dir } = await runWritten(id);
    const header = readFileSync(join(dir, "besvarelser.csv"), "utf8").split("\r\n")[0]!.split(",");
    expect(header.length).toBeGreaterThan(20);
    // From the questionnaire alone (no data file yet), and from the file's own header.
    expect(await codebookCsv(dir, { questionnaire: id, data: "findes-ikke.csv" })).toEqual(header);
    expect(await codebookCsv(dir, { questionnaire: id })).toEqual(header);
  });

  it("follows a data file's own columns: metadata such as kommune, in its place", async () => {
    const dir = tmpDir();
    writeFileSync(join(dir, "d.csv"), DATA);
    expect(await codebookCsv(dir, { questionnaire: MINI, data: "d.csv" })).toEqual(DATA.split("\n")[0]!.split(","));
    // Without the questionnaire, a file of one that is not bundled asks for it.
    const err = await codebook({ data: "d.csv" }, memoryIo(dir).io).catch((e: unknown) => e as UserError);
    expect((err as UserError).text.da).toContain("mini 2, som ikke er indbygget. Angiv spørgeskemaets fil");
  });

  it("a data file of another questionnaire: refused when named with --data, passed over with a note when it is only the default", async () => {
    const dir = tmpDir();
    writeFileSync(join(dir, "besvarelser.csv"), DATA);
    const named = await codebook({ questionnaire: "faglig-ledelse", data: "besvarelser.csv" }, memoryIo(dir).io).catch((e: unknown) => e as UserError);
    expect((named as UserError).exitCode).toBe(1);
    expect((named as UserError).text.da).toContain("besvarelser.csv er besvarelser til mini 2, ikke faglig-ledelse");
    const { io, stderr } = memoryIo(dir);
    const columns = await codebookCsv(dir, { questionnaire: "faglig-ledelse" });
    await codebook({ questionnaire: "faglig-ledelse" }, io);
    expect(stderr()).toContain("Bemærk: besvarelser.csv er til mini 2");
    expect(columns).not.toContain("kommune");
    expect(columns).toContain("comment.saette-retningen");
  });

  it("speaks English with --lang en: labels, scale labels and headings", async () => {
    const { io, stdout } = memoryIo(tmpDir(), "en");
    await codebook({ questionnaire: MINI }, io);
    expect(stdout()).toContain("# Codebook: ");
    expect(stdout()).toContain("| `level` | `level` | fixed | Leadership level |");
    expect(stdout()).toContain("1 = Not at all");
  });

  it("refuses a long-format data file and an unknown format, saying what to do", async () => {
    const dir = tmpDir();
    writeFileSync(join(dir, "lang.csv"), "respondent_id,item_id,value,questionnaire_id,questionnaire_version,level,group,submitted_at\n");
    const err = await codebook({ questionnaire: MINI, data: "lang.csv" }, memoryIo(dir).io).catch((e: unknown) => e as UserError);
    expect((err as UserError).exitCode).toBe(1);
    expect((err as UserError).text.da).toContain("ledelsestjek convert lang.csv --to wide");
    const bad = await codebook({ questionnaire: MINI, format: "sav" }, memoryIo(dir).io).catch((e: unknown) => e as UserError);
    expect((bad as UserError).exitCode).toBe(2);
  });

  it("md names the element, area, each level's wording, reverse keying and mirror pairs", async () => {
    const { io, stdout } = memoryIo(tmpDir());
    await codebook({ questionnaire: "faglig-ledelse" }, io);
    const text = stdout();
    const q = loadValid(bundledPath("faglig-ledelse"));
    const mirror = q.areas.flatMap((a) => a.elements.flatMap((e) => e.items)).find((i) => i.mirror_of)!;
    expect(text).toContain(`spejler \`${mirror.mirror_of}\` (vurderer teamleder)`);
    expect(text).toContain(`spejles af \`${mirror.id}\``);
    expect(text).toMatch(/\| `ved_ikke`|"ved_ikke": svaret "Ved ikke"/);
    expect(text).toContain("| `comment.saette-retningen` | `comment_saette_retningen` | comment |");
    // Sources are cited in words from the questionnaire's source list, with the line reference beside.
    expect(text).toMatch(/kilde: Socialstyrelsen 2014, Delrapport 1, afsnit [\d.]+.* \(000:\d+/);
  });
});

// Three respondents worked by hand. i1: 5, 4, 3 → n 3, mean 4. i2: ved_ikke, 4, 2 → n 2, mean 3,
// one "Ved ikke". i3: 2, ved_ikke, 1 → n 2, mean 1.5. A comment holds a comma and quotes.
const DATA = [
  "respondent_id,questionnaire_id,questionnaire_version,level,group,submitted_at,kommune,i1,i2,i3,i4,i5,i6,i7,i8,comment.e1,comment.e2,comment.e3",
  'a1,mini,2,leder,Nord,2026-03-02T09:30:00+01:00,Aarhus,5,ved_ikke,2,3,,1,4,,"Godt, men ""svært""",,',
  "a2,mini,2,leder,Syd,2026-03-02T09:31:00+01:00,Odense,4,4,ved_ikke,,,2,5,3,,,",
  "a3,mini,2,medarbejder,Nord,2026-03-02T09:32:00+01:00,Aarhus,3,2,1,,5,ved_ikke,,,,,",
  "",
].join("\n");

async function syntaxFor(format: string, extra: string) {
  const dir = tmpDir();
  writeFileSync(join(dir, "besvarelser.csv"), DATA);
  const { io } = memoryIo(dir);
  await codebook({ questionnaire: MINI, format, out: `syntax.${format}` }, io);
  writeFileSync(join(dir, `run.${format}`), readFileSync(join(dir, `syntax.${format}`), "utf8") + extra);
  return dir;
}

describe.skipIf(missing("pspp"))("codebook --format sps in GNU PSPP", () => {
  it("runs as it is; labels, 'Ved ikke' as user-missing 9, and the hand-worked n and means", async () => {
    const dir = await syntaxFor("sps", "DISPLAY DICTIONARY.\nFREQUENCIES /VARIABLES=i2.\nDESCRIPTIVES /VARIABLES=i1 i2 i3.\nLIST respondent_id kommune comment_e1.\n");
    const log = execFileSync("pspp", ["-o", "out.txt", "run.sps"], { cwd: dir, encoding: "utf8" });
    expect(log).not.toMatch(/error|warning/i);
    const out = readFileSync(join(dir, "out.txt"), "utf8");
    expect(out).toMatch(/\|i1 +\| +8\|Første udsagn/);
    expect(out).toMatch(/\|i2 +\|Right +\|F1\.0 +\|F1\.0 +\|9 +\|/); // the missing value 9
    expect(out).toMatch(/\|Missing Ved ikke +\| +1\|/);
    expect(out).toMatch(/\|Valid +I mindre grad\| +1\|/);
    expect(out).toMatch(/\|Første udsagn +\|3\|4\.00\|/);
    expect(out).toMatch(/\|Andet udsagn +\|2\|3\.00\|/);
    expect(out).toMatch(/\|Tredje udsagn \(omvendt\)[^|]*\|2\|1\.50\|/);
    expect(out).toContain('Godt, men "svært"');
  });
});

describe.skipIf(missing("pspp", "Rscript"))("codebook syntax on the bundled questionnaires' run-written files", () => {
  it.each(["faglig-ledelse", "faglige-ledelsesopgaver"])("%s: PSPP runs it without a warning, R reads both rows", async (id) => {
    const { q, dir, first } = await runWritten(id);
    for (const format of ["sps", "r"]) await codebook({ questionnaire: id, format, out: `s.${format}` }, memoryIo(dir).io);
    writeFileSync(join(dir, "run.sps"), `${readFileSync(join(dir, "s.sps"), "utf8")}DESCRIPTIVES /VARIABLES=${first.id.replace(/-/g, "_")}.\n`);
    const log = execFileSync("pspp", ["-o", "out.txt", "run.sps"], { cwd: dir, encoding: "utf8" });
    expect(log).not.toMatch(/error|warning/i);
    // The first level's first item got the scale's top value; the other level was not asked it (or answered it too).
    expect(readFileSync(join(dir, "out.txt"), "utf8")).toMatch(new RegExp(`\\|\\d\\|${q.scale.max}\\.00\\|`));
    const r = execFileSync("Rscript", ["-e", `source("s.r"); cat(nrow(besvarelser), ncol(besvarelser))`], { cwd: dir, encoding: "utf8" });
    expect(r.trim()).toBe(`2 ${readFileSync(join(dir, "besvarelser.csv"), "utf8").split("\r\n")[0]!.split(",").length}`);
  });

  it("a file Danish Excel saved (semicolons, BOM): the syntax follows its header and reads it", async () => {
    const dir = tmpDir();
    writeFileSync(join(dir, "excel.csv"), `\uFEFF${DATA.replace(/,/g, ";").replace('"Godt; men ""svært"""', '"Godt, men ""svært"""')}`);
    for (const format of ["sps", "r"]) await codebook({ questionnaire: MINI, format, data: "excel.csv", out: `s.${format}` }, memoryIo(dir).io);
    expect(readFileSync(join(dir, "s.sps"), "utf8")).toContain('/DELIMITERS=";"');
    writeFileSync(join(dir, "run.sps"), `${readFileSync(join(dir, "s.sps"), "utf8")}DESCRIPTIVES /VARIABLES=i1 i2.\n`);
    execFileSync("pspp", ["-o", "out.txt", "run.sps"], { cwd: dir, encoding: "utf8" });
    const out = readFileSync(join(dir, "out.txt"), "utf8");
    expect(out).toMatch(/\|Første udsagn +\|3\|4\.00\|/);
    expect(out).toMatch(/\|Andet udsagn +\|2\|3\.00\|/);
    const r = execFileSync("Rscript", ["-e", 'source("s.r"); cat(nrow(besvarelser), names(besvarelser)[1], as.integer(besvarelser$i2), besvarelser$comment_e1[1])'], { cwd: dir, encoding: "utf8" });
    expect(r.trim()).toBe('3 respondent_id NA 4 2 Godt, men "svært"');
  });
});

describe.skipIf(missing("Rscript"))("codebook --format r in R", () => {
  it("leaves `besvarelser` with the rows, labelled ordered factors and NA for 'Ved ikke'", async () => {
    const dir = await syntaxFor("r", [
      "",
      'cat(nrow(besvarelser), "\\n")',
      'cat(paste(levels(besvarelser$i1), collapse = "|"), "\\n")',
      'cat(as.integer(besvarelser$i2), "\\n")',
      'cat(attr(besvarelser$i1, "label"), is.ordered(besvarelser$i1), isTRUE(attr(besvarelser$i3, "reverse")), "\\n")',
      'cat(besvarelser$kommune, levels(besvarelser$level), besvarelser$comment_e1[1], "\\n")',
      "",
    ].join("\n"));
    const lines = execFileSync("Rscript", ["run.r"], { cwd: dir, encoding: "utf8" }).split("\n").map((l) => l.trim());
    expect(lines[0]).toBe("3");
    expect(lines[1]).toBe("Slet ikke|I mindre grad|I nogen grad|I høj grad|I meget høj grad");
    expect(lines[2]).toBe("NA 4 2");
    expect(lines[3]).toBe("Første udsagn TRUE TRUE");
    expect(lines[4]).toBe('Aarhus Odense Aarhus leder medarbejder Godt, men "svært"');
  });
});

describe("codebook --format do (Stata)", () => {
  it("renames every column by position and labels the items, 'Ved ikke' as .a", async () => {
    const dir = await syntaxFor("do", "");
    const text = readFileSync(join(dir, "syntax.do"), "utf8");
    expect(text).toContain("rename v18 comment_e3");
    expect(text).toContain('label define skala 1 "Slet ikke" 2 "I mindre grad" 3 "I nogen grad" 4 "I høj grad" 5 "I meget høj grad" .a "Ved ikke"');
    expect(text).toContain("foreach v of varlist i1 i2 i3 i4 i5 i6 i7 i8 {");
    expect(text).toContain('label variable i3 "Tredje udsagn (omvendt) (omvendt/reverse)"');
  });
});

describe.skipIf(missing("pspp", "Rscript"))("codebook syntax run from another folder than the data", () => {
  it("names --data by its absolute path: PSPP and R read it with the cwd elsewhere; PSPP says it ran and counts the levels", async () => {
    const dir = tmpDir();
    const elsewhere = tmpDir();
    writeFileSync(join(dir, "data.csv"), DATA);
    for (const format of ["sps", "r", "do"]) {
      expect(await codebook({ questionnaire: MINI, format, data: "data.csv", out: `c.${format}` }, memoryIo(dir).io)).toBe(0);
      expect(readFileSync(join(dir, `c.${format}`), "utf8"), format).toContain(`"${join(dir, "data.csv")}"`);
    }
    // As the researcher runs it: pspp /some/dir/c.sps, output to the terminal.
    const log = execFileSync("pspp", [join(dir, "c.sps")], { cwd: elsewhere, encoding: "utf8" });
    expect(log).not.toMatch(/error|warning|could not open/i);
    expect(log).toContain("Kodebogen er kørt:");
    // DATA by hand: a1 and a2 are leder, a3 medarbejder.
    expect(log).toMatch(/\|Valid Leder +\| +2\|/);
    expect(log).toMatch(/\| +Medarbejder\| +1\|/);
    expect(log).toMatch(/\|Total +\| +3\|/);
    const r = execFileSync("Rscript", ["-e", `source(${JSON.stringify(join(dir, "c.r"))}); cat(nrow(besvarelser))`], { cwd: elsewhere, encoding: "utf8" });
    expect(r.trim()).toBe("3");
  });

  it("a faglig-ledelse file Danish Excel re-saved (semicolons, BOM, version 2,1) is its own questionnaire's file, as score reads it", async () => {
    const { q, dir } = await runWritten("faglig-ledelse");
    expect(q.version).toBe("2.1");
    const lines = readFileSync(join(dir, "besvarelser.csv"), "utf8").split("\r\n");
    expect(lines[1]).toContain(",faglig-ledelse,2.1,");
    // No cell of a run-written file without comments holds a comma, so the comma can become the separator as is.
    const excel = lines.map((line) => line.replace(/,/g, ";").replace(";faglig-ledelse;2.1;", ";faglig-ledelse;2,1;")).join("\r\n");
    writeFileSync(join(dir, "excel.csv"), `\uFEFF${excel}`);
    const { io } = memoryIo(dir);
    expect(await codebook({ format: "sps", data: "excel.csv", out: "c.sps" }, io)).toBe(0);
    const sps = readFileSync(join(dir, "c.sps"), "utf8");
    expect(sps).toContain('/DELIMITERS=";"');
    expect(sps).toContain("Kodebog / codebook: faglig-ledelse 2.1");
    const log = execFileSync("pspp", [join(dir, "c.sps")], { cwd: tmpDir(), encoding: "utf8" });
    expect(log).not.toMatch(/error|warning/i);
    expect(log).toMatch(/\|Total +\| +2\|/); // the two respondents runWritten wrote
  });
});
