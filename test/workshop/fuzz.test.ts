import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseWorkshopConfig, WorkshopFolderError } from "../../src/adapters/workshop-store/workshop-folder.ts";
import { parseParticipant } from "../../src/adapters/workshop-store/workshop-progress.ts";
import { workshopServe } from "../../src/cli/commands/workshop/serve.ts";
import { UserError } from "../../src/cli/errors.ts";
import { memoryIo } from "../../src/cli/io.ts";
import { cli } from "../helpers/spawn.ts";
import { newWorkshop } from "./helpers.ts";

const { dir: VALID_DIR } = await newWorkshop();
const CONFIG = readFileSync(join(VALID_DIR, "workshop.yaml"), "utf8");
const PROGRESS = JSON.stringify({
  respondent_id: "w-0123456789abcdef", questionnaire_hash: "abc", level: "leder", page: 2,
  started_at: "2026-03-02T09:30:00+01:00", answers: { i1: 4, i2: "ved_ikke" }, comments: { e1: "tekst" },
}, null, 2);

/** Random text, the valid file cut anywhere, or the valid file with a piece of random text spliced in. */
const hostile = (valid: string) => fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.nat({ max: valid.length }).map((n) => valid.slice(0, n)),
  fc.tuple(fc.nat({ max: valid.length }), fc.string({ maxLength: 30 }), fc.nat({ max: 20 })).map(([at, piece, cut]) => valid.slice(0, at) + piece + valid.slice(at + cut)),
  fc.constantFrom("a: &a [*a, *a, *a]\nb: *a", "{}", "[]", "null", "~", "title: !!binary AAAA", '{"__proto__": {"k": 1}}', "x: " + "[".repeat(5000), "\uFEFFtitle: x"),
);

/** What a user must get: the problem in both languages, naming the file, and where in it (a line in YAML, a field in JSON). */
function expectLocated(err: unknown, file: string, text: string) {
  expect(err).toBeInstanceOf(WorkshopFolderError);
  const problems = (err as WorkshopFolderError).problems;
  expect(problems.length).toBeGreaterThan(0);
  for (const p of problems) {
    expect(p.file).toBe(file);
    expect(p.message.da.length * p.message.en.length).toBeGreaterThan(0);
    if (file.endsWith(".yaml")) expect(p.line !== undefined || text.replace(/#.*$/gm, "").trim() === "", JSON.stringify(p)).toBe(true);
    else expect(p.field !== undefined || /JSON/.test(p.message.en), JSON.stringify(p)).toBe(true);
  }
}

describe("fuzzing the workshop files we read", () => {
  it("workshop.yaml: anything is either a valid config or a located problem — never another error", () => {
    fc.assert(fc.property(hostile(CONFIG), (text) => {
      try {
        parseWorkshopConfig(text);
      } catch (err) {
        expectLocated(err, "workshop.yaml", text);
      }
    }), { numRuns: 400 });
  });

  it("a progress file: anything is either valid progress or a located problem naming the field", () => {
    fc.assert(fc.property(hostile(PROGRESS), (text) => {
      try {
        parseParticipant(text, "fremdrift/w-0123456789abcdef.json");
      } catch (err) {
        expectLocated(err, "fremdrift/w-0123456789abcdef.json", text);
      }
    }), { numRuns: 400 });
  });

  it("workshop serve on a broken progress file stops with exit 1 and the file's name, before listening", async () => {
    const { dir } = await newWorkshop();
    await fc.assert(fc.asyncProperty(hostile(PROGRESS), async (text) => {
      try {
        parseParticipant(text, "x");
        return; // valid progress: nothing to refuse
      } catch {
        // broken: the server must refuse it
      }
      writeFileSync(join(dir, "fremdrift", "w-0123456789abcdef.json"), text);
      const { io } = memoryIo(dir);
      const err = await workshopServe({ dir, port: "0", host: "127.0.0.1" }, io).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UserError);
      expect((err as UserError).exitCode).toBe(1);
      expect((err as UserError).text.da).toContain("fremdrift/w-0123456789abcdef.json");
    }), { numRuns: 60 });
  });

  it("the built CLI on a cut or spliced workshop.yaml: exit 1, the file and line, no stack trace", async () => {
    const samples = fc.sample(hostile(CONFIG), { numRuns: 12, seed: 11 });
    for (const text of samples) {
      let valid = true;
      try {
        parseWorkshopConfig(text);
      } catch {
        valid = false;
      }
      const { dir } = await newWorkshop();
      writeFileSync(join(dir, "workshop.yaml"), text);
      // answer needs a terminal: with a valid folder it stops with 2, with a broken one with 1 first.
      const ran = cli(["workshop", "answer", dir]);
      expect(ran.code, text).toBe(valid ? 2 : 1);
      if (!valid) {
        expect(ran.stderr).toMatch(/workshop\.yaml(:\d+:\d+)?/);
        expect(ran.stderr).not.toMatch(/\n\s+at /);
      }
    }
  }, 60_000);
});
