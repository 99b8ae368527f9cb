import { appendFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { workshopNew } from "../../src/cli/commands/workshop/new.ts";
import { workshopServe } from "../../src/cli/commands/workshop/serve.ts";
import { workshopAnswer } from "../../src/cli/commands/workshop/answer.ts";
import { UserError } from "../../src/cli/errors.ts";
import { memoryIo } from "../../src/cli/io.ts";
import { MINI, tmpDir } from "../helpers/paths.ts";
import { newWorkshop } from "./helpers.ts";

const refusal = (promise: Promise<unknown>) => promise.then(() => { throw new Error("expected a refusal"); }, (err: unknown) => err as UserError);
const now = () => new Date("2026-03-02T09:30:00+01:00");

describe("workshop new", () => {
  it("writes the folder of SPEC §6", async () => {
    const dir = join(tmpDir(), "ws");
    const { io, stderr } = memoryIo(dir);
    expect(await workshopNew({ dir, questionnaire: MINI, title: "Ledelsesdag", k: "4", mergeLevels: ["leder+medarbejder=Alle"] }, io, { now })).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["besvarelser.csv", "fremdrift", "skema.yaml", "workshop.yaml"]);
    expect(readdirSync(join(dir, "fremdrift"))).toEqual([]);
    expect(readFileSync(join(dir, "skema.yaml"), "utf8")).toBe(readFileSync(MINI, "utf8"));
    expect(readFileSync(join(dir, "besvarelser.csv"), "utf8")).toBe(
      "respondent_id,questionnaire_id,questionnaire_version,level,group,submitted_at,i1,i2,i3,i4,i5,i6,i7,i8,comment.e1,comment.e2,comment.e3\r\n",
    );
    const config = parse(readFileSync(join(dir, "workshop.yaml"), "utf8"));
    expect(config).toEqual({
      title: "Ledelsesdag",
      date: "2026-03-02",
      questionnaire: { id: "mini", version: "2", hash: expect.stringMatching(/^[0-9a-f]{12}$/) },
      k: 4,
      merge_levels: [{ levels: ["leder", "medarbejder"], label: "Alle" }],
      gap_threshold: 20,
      spread: { range: 3, sd: 1 },
      language: "da",
      max_participants: 100,
    });
    expect(stderr()).toContain("workshop serve");
  });

  it("takes k from the questionnaire when not given, and the language from --lang", async () => {
    const dir = join(tmpDir(), "ws");
    await workshopNew({ dir, questionnaire: MINI, title: "Day" }, memoryIo(dir, "en").io, { now });
    expect(parse(readFileSync(join(dir, "workshop.yaml"), "utf8"))).toMatchObject({ k: 3, language: "en" });
  });

  it.each([
    [["leder+chef"], 2, "ukendt niveau chef"],
    [["leder"], 2, "mindst to niveauer"],
    [["leder+leder"], 2, "nævnt mere end én gang"],
    [["leder+medarbejder", "medarbejder+leder=X"], 2, "nævnt mere end én gang"],
  ])("--merge-levels %j is refused (exit %i)", async (merge, code, message) => {
    const dir = join(tmpDir(), "ws");
    const err = await refusal(workshopNew({ dir, questionnaire: MINI, title: "T", mergeLevels: merge }, memoryIo(dir).io, { now }));
    expect(err.exitCode).toBe(code);
    expect(err.text.da).toContain(message);
  });

  it("refuses a folder that is not empty, and writes nothing into it", async () => {
    const dir = join(tmpDir(), "ws");
    mkdirSync(dir);
    writeFileSync(join(dir, "noter.txt"), "mine");
    const err = await refusal(workshopNew({ dir, questionnaire: MINI, title: "T" }, memoryIo(dir).io, { now }));
    expect(err.exitCode).toBe(1);
    expect(err.text.da).toContain("er ikke tom");
    expect(readdirSync(dir)).toEqual(["noter.txt"]);
  });

  it("refuses a missing title and a k that is not a whole number", async () => {
    const dir = join(tmpDir(), "ws");
    expect((await refusal(workshopNew({ dir, questionnaire: MINI }, memoryIo(dir).io))).exitCode).toBe(2);
    expect((await refusal(workshopNew({ dir, questionnaire: MINI, title: "T", k: "2.5" }, memoryIo(dir).io))).exitCode).toBe(2);
  });
});

describe("every workshop command checks the folder first", () => {
  it("a skema.yaml edited after the workshop was made is refused by serve and answer", async () => {
    const { dir } = await newWorkshop();
    appendFileSync(join(dir, "skema.yaml"), "\ndescription: ændret bagefter\n");
    for (const command of [
      () => workshopServe({ dir, port: "0", host: "127.0.0.1" }, memoryIo(dir).io),
      () => workshopAnswer({ dir }, { ...memoryIo(dir).io, stdinIsTTY: true }),
    ]) {
      const err = await refusal(command());
      expect(err.exitCode).toBe(1);
      expect(err.text.da).toMatch(/skema\.yaml: er ændret, siden workshoppen blev oprettet/);
    }
  });

  it.each([
    ["a short join code", { join: "abc", secret: "S".repeat(32) }],
    ["a path as join code", { join: "../../etc", secret: "S".repeat(32) }],
    ["a short secret", { join: "abcde23456", secret: "kort" }],
    ["text that is not JSON", "{"],
  ])("an adgang.json with %s is refused, not served", async (_name, access) => {
    const { dir } = await newWorkshop();
    writeFileSync(join(dir, "adgang.json"), typeof access === "string" ? access : JSON.stringify(access));
    const err = await refusal(workshopServe({ dir, port: "0", host: "127.0.0.1" }, memoryIo(dir).io));
    expect(err.exitCode).toBe(1);
    expect(err.text.da).toContain("adgang.json: er ødelagt");
  });

  it("a wrong field in workshop.yaml is named with file, line and column", async () => {
    const { dir } = await newWorkshop();
    const file = join(dir, "workshop.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("k: 3", "k: -1"));
    const err = await refusal(workshopServe({ dir, port: "0" }, memoryIo(dir).io));
    expect(err.exitCode).toBe(1);
    const line = readFileSync(file, "utf8").split("\n").findIndex((l) => l.startsWith("k:")) + 1;
    expect(err.text.da).toContain(`workshop.yaml:${line}:4 k: skal være mindst 1`);
  });
});
