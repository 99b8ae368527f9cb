import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cliIn, noTrace } from "../helpers/cli-in.ts";
import { fixture, MINI, tmpDir } from "../helpers/paths.ts";

/** Generous: a hang or an exponential blow-up, not speed, is what this catches. */
const TIME_BOUND_MS = 10_000;
const RUNS = { numRuns: 60 };

const dir = tmpDir("ledelsestjek-fuzz-");
const MINI_YAML = readFileSync(MINI);
const WIDE = readFileSync(fixture("responses", "mini-utf8.csv"));
const LONG = readFileSync(fixture("responses", "mini-long.csv"));

/** What every entry point owes hostile input: exit 0 (it was fine after all), 1 or 2, words, no trace, in bounded time, no temporary file. */
async function survives(args: string[], allowed: number[] = [0, 1, 2]) {
  const started = performance.now();
  const r = await cliIn(dir, args);
  const took = performance.now() - started;
  expect(allowed, `exit ${r.code}: ${r.stderr}`).toContain(r.code);
  if (r.code !== 0) expect(r.stderr.trim()).not.toBe("");
  noTrace(r.stderr);
  expect(took).toBeLessThan(TIME_BOUND_MS);
  expect(readdirSync(dir).filter((n) => n.endsWith(".tmp") || n.endsWith(".lock"))).toEqual([]);
  return r;
}

const put = (name: string, content: Uint8Array | string) => {
  writeFileSync(join(dir, name), content);
  return name;
};

/** Text made of the pieces YAML and CSV parsers trip over. */
const yamlish = fc
  .array(fc.constantFrom("a:", "id:", " ", "  ", "\n", "\t", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "<<: *a", "!!js/function ", "!tag ", "'", '"', "#", ": ", "1", "-1", "æø", "---\n", "%YAML 1.2\n", "? ", "|\n", ">\n", "~", "null", "\u0000", "\uFEFF"), { maxLength: 60 })
  .map((parts) => parts.join(""));
const csvish = fc
  .array(fc.constantFrom("r1", "mini", "2", "leder", ",", ";", '"', '""', "\r\n", "\n", "\r", "5", "9", "-1", "ved_ikke", "=1+1", "æ", "\uFEFF", "\u0000", " "), { maxLength: 80 })
  .map((parts) => parts.join(""));
const truncated = (bytes: Buffer) => fc.nat({ max: bytes.length }).map((n) => bytes.subarray(0, n));
const bytes = fc.uint8Array({ maxLength: 400 });

describe("fuzz: the questionnaire loader (validate, --questionnaire)", () => {
  it("random bytes, YAML-ish text and truncated questionnaires", async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(bytes, yamlish, truncated(MINI_YAML)), async (content) => {
      put("q.yaml", content);
      await survives(["validate", "q.yaml"], [0, 1]);
      await survives(["score", "data.csv", "--questionnaire", "q.yaml", "--out", "s.csv"], [0, 1]);
    }).beforeEach(() => void put("data.csv", WIDE)), RUNS);
  });
});

describe("fuzz: answers files (run --answers)", () => {
  it("random bytes, YAML-ish text and truncated answers; nothing is written unless the answers are valid", async () => {
    const valid = Buffer.from("i1: 5\ni2: 4\ni3: ved_ikke\ncomment.e1: fin\ni6: 2\n");
    await fc.assert(fc.asyncProperty(fc.oneof(bytes, yamlish, truncated(valid)), async (content) => {
      rmSync(join(dir, "out.csv"), { force: true });
      put("svar.yaml", content);
      const r = await survives(["run", MINI, "--level", "leder", "--answers", "svar.yaml", "--out", "out.csv"], [0, 1]);
      expect(existsSync(join(dir, "out.csv"))).toBe(r.code === 0);
    }), RUNS);
  });
});

describe("fuzz: the CSV reader", () => {
  it("wide: random bytes, CSV-ish text and truncated exports, strict and --lenient", async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(bytes, csvish, truncated(WIDE)), fc.boolean(), async (content, lenient) => {
      put("data.csv", content);
      await survives(["score", "data.csv", "--questionnaire", MINI, "--out", "s.csv", ...(lenient ? ["--lenient", "--rejects", "rej.csv"] : [])], [0, 1]);
    }), RUNS);
  });

  it("long: random bytes, CSV-ish text and truncated long files", async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(bytes, csvish, truncated(LONG)), async (content) => {
      put("long.csv", content);
      await survives(["score", "long.csv", "--long", "--questionnaire", MINI, "--out", "s.csv"], [0, 1]);
      await survives(["convert", "long.csv", "--to", "wide", "--questionnaire", MINI, "--out", "w.csv"], [0, 1]);
    }), RUNS);
  });
});

describe("hostile files that are not random", () => {
  const HUGE_LINE = 5 * 1024 * 1024;
  const cases: [string, () => string[], number[]][] = [
    ["a 5 MB line in a CSV", () => ["score", put("huge.csv", `${WIDE.toString().split("\n")[0]}\r\nr1,mini,2,leder,${"x".repeat(HUGE_LINE)}\r\n`), "--questionnaire", MINI, "--out", "s.csv"], [1]],
    ["a 5 MB line in a questionnaire", () => ["validate", put("huge.yaml", `id: ${"x".repeat(HUGE_LINE)}\n`)], [1]],
    ["a 5 MB line in an answers file", () => ["run", MINI, "--level", "leder", "--answers", put("huge-svar.yaml", `i1: ${"9".repeat(HUGE_LINE)}\n`), "--out", "o.csv"], [1]],
    ["YAML nested 10 000 deep", () => ["validate", put("deep.yaml", `${"[".repeat(10_000)}${"]".repeat(10_000)}`)], [1]],
    ["YAML maps nested 2 000 deep", () => ["validate", put("deepmap.yaml", Array.from({ length: 2000 }, (_, i) => `${" ".repeat(i)}a:`).join("\n"))], [1]],
    ["answers nested 10 000 deep", () => ["run", MINI, "--level", "leder", "--answers", put("deep-svar.yaml", `i1: ${"[".repeat(10_000)}${"]".repeat(10_000)}`), "--out", "o.csv"], [1]],
    ["an alias bomb as answers", () => ["run", MINI, "--level", "leder", "--answers", put("bomb-svar.yaml", ["a: &a [1,1,1,1,1,1,1,1,1]", ..."bcdefgh".split("").map((k, i) => `${k}: &${k} [${Array(9).fill(`*${"abcdefgh"[i]}`).join(",")}]`)].join("\n")), "--out", "o.csv"], [1]],
    ["a custom tag in answers", () => ["run", MINI, "--level", "leder", "--answers", put("tag-svar.yaml", "i1: !!js/function 'function(){return 5}'\n"), "--out", "o.csv"], [1]],
    ["a UTF-16 CSV", () => ["score", put("utf16.csv", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(WIDE.toString(), "utf16le")])), "--questionnaire", MINI, "--out", "s.csv"], [1]],
    // YAML allows UTF-16 with a BOM, so a questionnaire or answers saved as "Unicode" is simply read.
    ["a UTF-16 questionnaire", () => ["validate", put("utf16.yaml", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MINI_YAML.toString(), "utf16le")]))], [0]],
    ["a UTF-16 (big-endian) answers file", () => ["run", MINI, "--level", "leder", "--answers", put("utf16-svar.yaml", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from("i1: 4\n", "utf16le").swap16()])), "--out", "o16.csv"], [0]],
    ["a UTF-16 CSV without a BOM", () => ["score", put("utf16-nobom.csv", Buffer.from(WIDE.toString(), "utf16le")), "--questionnaire", MINI, "--out", "s.csv"], [1]],
    ["a Windows-1252 questionnaire", () => ["validate", put("cp1252.yaml", Buffer.from(MINI_YAML.toString(), "latin1"))], [0, 1]],
    ["a Windows-1252 answers file", () => ["run", MINI, "--level", "leder", "--answers", put("cp1252-svar.yaml", Buffer.from("i1: 4\ncomment.e1: Grøn\n", "latin1")), "--out", "o1252.csv"], [0, 1]],
  ];
  it.each(cases)("%s → a message, no trace, in bounded time", async (_, args, allowed) => {
    const r = await survives(args(), allowed);
    if (r.code !== 0) expect(r.stderr.length).toBeLessThan(2000); // one message, not the file echoed back
  });

  it("a folder, a missing path and a FIFO for every input of every command", async () => {
    mkdirSync(join(dir, "mappe"), { recursive: true });
    execFileSync("mkfifo", [join(dir, "fifo")]);
    for (const path of ["mappe", "findes-ikke", "fifo"]) {
      for (const args of [
        ["validate", path], ["show", path], ["score", path], ["score", "--long", path], ["report", path, "--out", "r.pdf"], ["convert", path, "--to", "long"],
        ["run", MINI, "--level", "leder", "--answers", path, "--out", "o.csv"], ["run", path, "--level", "leder", "--answers", "svar.yaml"],
        ["codebook", path], ...(path === "findes-ikke" ? [] : [["codebook", MINI, "--data", path]]),
      ]) await survives(args, [1]);
    }
  });
});
