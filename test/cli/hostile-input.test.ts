import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliIn, noTrace } from "../helpers/cli-in.ts";
import { fixture, MINI, tmpDir } from "../helpers/paths.ts";

const BOMB = ["a: &a [x,x,x,x,x,x,x,x,x]", ..."bcdefg".split("").map((k, i) => `${k}: &${k} [${Array(9).fill(`*${"abcdefg"[i]}`).join(",")}]`)].join("\n");

function workspace() {
  const dir = tmpDir();
  mkdirSync(join(dir, "mappe"));
  execFileSync("mkfifo", [join(dir, "fifo")]);
  copyFileSync(fixture("responses", "mini-utf8.csv"), join(dir, "data.csv"));
  writeFileSync(join(dir, "bomb.yaml"), BOMB);
  writeFileSync(join(dir, "tag.yaml"), "i1: !!js/function 'function () { return 5 }'\n");
  writeFileSync(join(dir, "empty.yaml"), "");
  writeFileSync(join(dir, "comments.yaml"), "# kun en kommentar\n");
  writeFileSync(join(dir, "tabs.yaml"), "id: x\nscale:\n\tmin: 1\n\tmax: 5\n");
  writeFileSync(join(dir, "unresolved.yaml"), "i1: 4\ni2: *x\n");
  // Slips a questionnaire author makes (found by a trial): the YAML library's English, put in Danish.
  writeFileSync(join(dir, "quote.yaml"), 'id: x\ntitle: "Faglig ledelse\nversion: "1"\n');
  writeFileSync(join(dir, "colons.yaml"), "id: x\ntitle: Faglig ledelse: version: 1\n");
  return dir;
}

describe("hostile questionnaire and answers files", () => {
  const dir = workspace();
  it.each([
    ["an alias bomb", "bomb.yaml", "aliaser"],
    ["a custom tag", "tag.yaml", "YAML-tagget !!js/function kendes ikke"],
    ["an empty file", "empty.yaml", "filen er tom"],
    ["a file of comments", "comments.yaml", "filen er tom"],
    ["tabs as indentation", "tabs.yaml", "tabulator brugt som indrykning"],
    ["an alias without its anchor", "unresolved.yaml", "aliaset *x henviser til et anker (&x), der ikke er sat før det"],
    ["a quote never closed", "quote.yaml", "YAML-fejl: et anførselstegn (\") åbner en tekst, der aldrig lukkes"],
    ["two colons on one line", "colons.yaml", "YAML-fejl: en nøgle står, hvor der ikke må være en — to kolon på én linje"],
  ])("%s: validate, run --answers and score --questionnaire all give one plain message and exit 1", async (_, file, words) => {
    for (const args of [["validate", file], ["run", MINI, "--level", "leder", "--answers", file, "--out", "svar.csv"], ["score", "data.csv", "--questionnaire", file]]) {
      const r = await cliIn(dir, args);
      expect(r.code, args.join(" ")).toBe(1);
      expect(r.stderr).toContain(words);
      // One message: the tab on two lines is one sentence naming both lines.
      expect(r.stderr.split(words).length - 1).toBe(1);
      noTrace(r.stderr);
    }
    expect(readdirSync(dir).filter((n) => n.startsWith("svar"))).toEqual([]);
  });

  it("names both lines of the tabs and says what to do, in English too", async () => {
    const r = await cliIn(dir, ["validate", "tabs.yaml"], "en");
    expect(r.stderr).toContain("tabs.yaml:3:1: YAML error: tab used as indentation; YAML needs spaces — replace the tabs with spaces (also line 4)");
  });
});

describe("a folder, a missing path or a named pipe where a file belongs", () => {
  const dir = workspace();
  const cases: [string, string[], RegExp][] = [];
  for (const [what, path, why] of [["folder", "mappe", /er en mappe/], ["missing path", "findes-ikke.csv", /findes ikke/], ["FIFO", "fifo", /ikke en almindelig fil/]] as const) {
    cases.push(
      [`score ${what}`, ["score", path], why],
      [`report ${what}`, ["report", path, "--out", "r.pdf"], why],
      [`convert ${what}`, ["convert", path, "--to", "long"], why],
      [`validate ${what}`, ["validate", path], why],
      [`gaps ${what}`, ["gaps", path], why],
      [`run --answers ${what}`, ["run", MINI, "--level", "leder", "--answers", path, "--out", "ud.csv"], why],
      [`score --questionnaire ${what}`, ["score", "data.csv", "--questionnaire", path === "findes-ikke.csv" ? "findes-ikke.yaml" : path], path === "findes-ikke.csv" ? /findes hverken/ : why],
    );
    if (what !== "missing path") {
      cases.push(
        [`score --out ${what}`, ["score", "data.csv", "--questionnaire", MINI, "--out", path], why],
        [`report --out ${what} --force`, ["report", "data.csv", "--questionnaire", MINI, "--out", path, "--force"], why],
        [`report --csv ${what} --force`, ["report", "data.csv", "--questionnaire", MINI, "--out", "r.pdf", "--csv", path, "--force"], why],
        [`convert --out ${what}`, ["convert", "data.csv", "--to", "long", "--questionnaire", MINI, "--out", path], why],
        [`gaps --out ${what}`, ["gaps", "data.csv", "--questionnaire", MINI, "--out", path], why],
        [`run --out ${what}`, ["run", MINI, "--level", "leder", "--answers", "svar.yaml", "--out", path], why],
        [`score --lenient --rejects ${what}`, ["score", "data.csv", "--questionnaire", MINI, "--lenient", "--rejects", path, "--out", "s.csv"], why],
      );
    }
  }
  writeFileSync(join(dir, "svar.yaml"), "i1: 4\n");

  it.each(cases)("%s → exit 1 with the path and the reason, nothing written", async (_, args, why) => {
    const before = readdirSync(dir).sort();
    const r = await cliIn(dir, args);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(why);
    noTrace(r.stderr);
    // Nothing new beside the inputs: no output, no hidden temporary file, no lock.
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(readdirSync(join(dir, "mappe"))).toEqual([]);
  });
});

describe("encodings", () => {
  it("a UTF-8 BOM in front of Windows-1252 bytes is named as such, with the line", async () => {
    const dir = tmpDir();
    const text = readFileSync(fixture("responses", "alpha-leder.csv"), "latin1").replace(",G,", ",Græs,");
    writeFileSync(join(dir, "bom.csv"), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "latin1")]));
    const r = await cliIn(dir, ["score", "bom.csv", "--questionnaire", MINI]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("bom.csv:2: filen begynder med et UTF-8-mærke (BOM), men linje 2 er ikke UTF-8");
    noTrace(r.stderr);
  });

  it("the line is right when lines end with a CR alone (older Excel for Mac)", async () => {
    const dir = tmpDir();
    const text = readFileSync(fixture("responses", "alpha-leder.csv"), "latin1").replace(",G,", ",Græs,").replace(/\r?\n/g, "\r");
    writeFileSync(join(dir, "bom.csv"), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "latin1")]));
    const r = await cliIn(dir, ["score", "bom.csv", "--questionnaire", MINI]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("bom.csv:2: filen begynder med et UTF-8-mærke (BOM), men linje 2 er ikke UTF-8");
  });

  it("the line is right when the Windows-1252 byte lies megabytes into the file", async () => {
    const dir = tmpDir();
    const [header, row] = readFileSync(fixture("responses", "alpha-leder.csv"), "latin1").split("\n");
    // 30 000 valid rows (about 2 MB, several of the check's 1 MB pieces), then an æ in Windows-1252 on line 30 002.
    const rows = Array.from({ length: 30_000 }, (_, i) => row!.replace(/^[^,]*/, `r${i}`));
    const text = [header, ...rows, row!.replace(/^[^,]*/, "sidst").replace(",G,", ",Græs,"), ""].join("\n");
    writeFileSync(join(dir, "bom.csv"), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "latin1")]));
    const r = await cliIn(dir, ["score", "bom.csv", "--questionnaire", MINI]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("bom.csv:30002: filen begynder med et UTF-8-mærke (BOM), men linje 30002 er ikke UTF-8");
  });
});

describe("UTF-16", () => {
  it("a CSV saved as UTF-16 (Excel's 'Unicode text') is named as such, with what to do", async () => {
    const dir = tmpDir();
    const text = readFileSync(fixture("responses", "mini-utf8.csv"), "utf8");
    writeFileSync(join(dir, "u16.csv"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    const r = await cliIn(dir, ["score", "u16.csv", "--questionnaire", MINI]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('u16.csv: filen er gemt som UTF-16 ("Unicode-tekst"), som ikke læses her. Gem den igen som "CSV UTF-8 (kommasepareret)" eller "CSV (semikolonsepareret)" i Excel.\n');
  });

  it("a questionnaire saved as UTF-16 with a BOM is read like UTF-8", async () => {
    const dir = tmpDir();
    writeFileSync(join(dir, "q.yaml"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(MINI, "utf8"), "utf16le")]));
    const r = await cliIn(dir, ["validate", "q.yaml"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("mini 2 er gyldigt");
  });
});

describe("the command line itself", () => {
  it("no arguments prints the help and exits 0", async () => {
    const r = await cliIn(tmpDir(), []);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Brug: ledelsestjek [tilvalg] [kommando]");
    expect(r.stdout).toContain("Kommandoer:");
  });

  it("a mistyped command gets a Danish 'mente du …?'", async () => {
    const r = await cliIn(tmpDir(), ["scroe", "x.csv"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("fejl: ukendt kommando scroe — mente du score? (se --help)\n");
  });

  it("argument names are Danish only in the Danish help", async () => {
    const da = await cliIn(tmpDir(), ["score", "--help"]);
    const en = await cliIn(tmpDir(), ["score", "--help", "--lang", "en"], "en");
    expect(da.stdout).toContain("<filer...>");
    expect(da.stdout).toContain("--by <kolonner>");
    expect(en.stdout).toContain("<files...>");
    expect(en.stdout).toContain("--by <columns>");
    expect(en.stdout).not.toMatch(/<(filer|fil|kolonner|spørgeskema|niveau|sprog)\b/);
    expect(en.stdout).not.toMatch(/\[(spørgeskema|kommando)\]/);
  });

  it.each([[], ["list"], ["show"], ["validate"], ["run"], ["score"], ["report"], ["gaps"], ["convert"], ["workshop"], ["workshop", "new"], ["workshop", "serve"], ["workshop", "answer"]])(
    "English help of %j has no Danish placeholder", async (...command) => {
      const en = await cliIn(tmpDir(), [...command, "--help", "--lang", "en"], "en");
      expect(en.code).toBe(0);
      const placeholders = [...en.stdout.matchAll(/[<[]([^\]>]+)[\]>]/g)].map((m) => m[1]!);
      const danish = /^(filer|fil|kolonner|kolonne|spørgeskema|niveau|sprog|gruppe|mappe|titel|antal|adresse|kommando|point|tilvalg)(\.\.\.|\.csv|\.pdf)?$|=navn/;
      expect(placeholders.filter((p) => danish.test(p))).toEqual([]);
      expect(placeholders.length).toBeGreaterThan(0);
    },
  );
});

describe("workshop.yaml goes through the same YAML reading", () => {
  it("an alias without its anchor (found by the workshop fuzz test) is a located problem, not a ReferenceError", async () => {
    const { parseWorkshopConfig, WorkshopFolderError } = await import("../../src/adapters/workshop-store/workshop-folder.ts");
    const text = "title: Testdag\nk: 3\nmerge_levels: *!\n";
    const err = (() => {
      try {
        parseWorkshopConfig(text);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(WorkshopFolderError);
    expect((err as InstanceType<typeof WorkshopFolderError>).problems[0]).toMatchObject({ file: "workshop.yaml", line: 3, col: 15 });
  });
});
