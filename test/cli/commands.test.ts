import { describe, expect, it } from "vitest";
import { list } from "../../src/cli/commands/list.ts";
import { show } from "../../src/cli/commands/show.ts";
import { validate } from "../../src/cli/commands/validate.ts";
import { UserError } from "../../src/cli/errors.ts";
import { memoryIo } from "../../src/cli/io.ts";
import { fixture, MINI, ROOT } from "../helpers/paths.ts";

describe("list", () => {
  it("lists the bundled questionnaires as JSON in the SPEC §5 shape, the default first", async () => {
    const { io, stdout } = memoryIo(ROOT);
    expect(await list({ json: true }, io)).toBe(0);
    const entries = JSON.parse(stdout()) as { id: string; version: string; title: string; levels: { id: string; items: number }[]; default: boolean }[];
    expect(entries.map((e) => e.id)).toEqual(["faglig-ledelse", "faglige-ledelsesopgaver"]);
    expect(entries.map((e) => e.default)).toEqual([true, false]);
    expect(Object.keys(entries[0]!).sort()).toEqual(["default", "id", "levels", "title", "version"]);
    expect(entries[0]!.levels.map((l) => l.id)).toEqual(["direktion", "chef", "afdelingsleder", "teamleder", "medarbejder"]);
    for (const level of entries[0]!.levels.slice(0, 4)) {
      expect(level.items).toBeGreaterThanOrEqual(15);
      expect(level.items).toBeLessThanOrEqual(35);
    }
  });

  it("prints a readable table in Danish", async () => {
    const { io, stdout } = memoryIo(ROOT);
    await list({}, io);
    expect(stdout()).toMatch(/^faglig-ledelse \S+ \(standard\) — /m);
    expect(stdout()).toMatch(/^ {2}teamleder\s+\d+ spørgsmål {2}Team-\/gruppeleder$/m);
  });
});

describe("show", () => {
  it("--json gives the SPEC §5 shape with texts resolved for the level", async () => {
    const { io, stdout } = memoryIo(ROOT);
    await show({ questionnaire: MINI, level: "medarbejder", json: true }, io);
    const shown = JSON.parse(stdout());
    expect(Object.keys(shown)).toEqual(["id", "version", "title", "scale", "levels", "areas", "bands", "scoring", "anonymity", "provenance"]);
    expect(shown.scale).toEqual({ min: 1, max: 5, labels: { 1: "Slet ikke", 2: "I mindre grad", 3: "I nogen grad", 4: "I høj grad", 5: "I meget høj grad" }, dont_know: "Ved ikke" });
    const items = shown.areas.flatMap((a: { elements: { items: unknown[] }[] }) => a.elements.flatMap((e) => e.items));
    expect(items.map((i: { id: string }) => i.id)).toEqual(["i1", "i2", "i3", "i5", "i6"]);
    expect(items[1]).toEqual({ id: "i2", text: "Min leder gør det andet", levels: ["leder", "medarbejder"], reverse: false, mirror_of: null, source: null });
    expect(items[2].reverse).toBe(true);
    expect(shown.scoring).toEqual({ min_answered: 0.5 });
    expect(shown.anonymity).toEqual({ min_group_size: 3 });
  });

  it("speaks English with --lang en", async () => {
    const { io, stdout } = memoryIo(ROOT, "en");
    await show({ questionnaire: MINI, level: "leder" }, io);
    expect(stdout()).toContain("Mini (English) (mini 2)");
    expect(stdout()).toContain("Second statement");
    expect(stdout()).toContain("7 items");
  });

  it("shows the default questionnaire for a teamleder", async () => {
    const { io, stdout } = memoryIo(ROOT);
    expect(await show({ level: "teamleder" }, io)).toBe(0);
    expect(stdout()).toContain("Sætte retningen");
    expect(stdout()).toContain("Anvendelse af data");
  });

  it("rejects an unknown level with exit 2 and lists the levels", async () => {
    const { io } = memoryIo(ROOT);
    const err = await show({ questionnaire: MINI, level: "chef" }, io).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).exitCode).toBe(2);
    expect((err as UserError).text.da).toContain("leder, medarbejder");
  });

  it("rejects an unknown questionnaire with exit 1 and names the bundled ones", async () => {
    const { io } = memoryIo(ROOT);
    const err = (await show({ questionnaire: "findes-ikke" }, io).catch((e: unknown) => e)) as UserError;
    expect(err.exitCode).toBe(1);
    expect(err.text.da).toContain("faglig-ledelse, faglige-ledelsesopgaver");
  });
});

describe("validate", () => {
  it("prints only a summary for valid files and exits 0", async () => {
    const { io, stdout, stderr } = memoryIo(ROOT);
    expect(await validate({ files: ["questionnaires/faglig-ledelse.yaml", "questionnaires/faglige-ledelsesopgaver.yaml"] }, io)).toBe(0);
    expect(stdout().trim().split("\n")).toHaveLength(2);
    expect(stdout()).toMatch(/^✔ questionnaires\/faglig-ledelse\.yaml: faglig-ledelse \S+ er gyldigt — \d+ spørgsmål, 5 niveauer$/m);
    expect(stderr()).toBe("");
  });

  it("reports every problem as file:line:column path: message and exits 1", async () => {
    const { io, stderr } = memoryIo(ROOT);
    expect(await validate({ files: [fixture("questionnaires", "invalid", "duplicate-ids.yaml"), MINI] }, io)).toBe(1);
    expect(stderr()).toContain('test/fixtures/questionnaires/invalid/duplicate-ids.yaml:19:19 areas[0].elements[0].items[1].id: Spørgsmåls-id "i1" er brugt før; id\'er skal være unikke (første gang på linje 18)');
    expect(stderr()).toContain("✖ test/fixtures/questionnaires/invalid/duplicate-ids.yaml: 3 fejl");
  });

  it("says when a file does not exist", async () => {
    const { io, stderr } = memoryIo(ROOT, "en");
    expect(await validate({ files: ["nope.yaml"] }, io)).toBe(1);
    expect(stderr()).toContain("nope.yaml: file not found");
  });
});
