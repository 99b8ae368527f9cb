import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/commands/run.ts";
import { UserError } from "../../src/cli/errors.ts";
import { memoryIo } from "../../src/cli/io.ts";
import { fixedClock } from "../helpers/io.ts";
import { MINI, tmpDir } from "../helpers/paths.ts";

const deps = { now: fixedClock, newRespondentId: () => "r-fixed" };

function setup(answers: string, name = "svar.yaml") {
  const dir = tmpDir();
  writeFileSync(join(dir, name), answers);
  return { dir, ...memoryIo(dir) };
}

const failure = async (promise: Promise<unknown>) => {
  const err = await promise.catch((e: unknown) => e);
  if (!(err instanceof UserError)) throw new Error(`expected a UserError, got ${String(err)}`);
  return err;
};

describe("run --answers", () => {
  it("writes the row and shows the result without prompts", async () => {
    const { dir, io, stdout } = setup("i1: 5\ni2: 4\ni3: 2\ni4: 3\ni6: 1\ni7: ved_ikke\ncomment.e2: God dialog\n");
    await expect(run({ questionnaire: MINI, level: "leder", answers: "svar.yaml", group: "=1+1" }, io, deps)).resolves.toBe(0);
    const [header, row, extra] = readFileSync(join(dir, "besvarelser.csv"), "utf8").split("\r\n");
    expect(header).toBe("respondent_id,questionnaire_id,questionnaire_version,level,group,submitted_at,i1,i2,i3,i4,i5,i6,i7,i8,comment.e1,comment.e2,comment.e3");
    expect(row).toMatch(/^r-fixed,mini,2,leder,'=1\+1,[^,]+,5,4,2,3,,1,ved_ikke,,,God dialog,$/);
    expect(extra).toBe("");
    expect(stdout()).toMatch(/Element 1\s+83\s+Høj\s+█+░*/); // (100 + 75 + 75) / 3
  });

  it("reads JSON too, and appends a second row under the same header", async () => {
    const { dir, io } = setup('{"i1": 1, "i6": "3"}', "svar.json");
    await run({ questionnaire: MINI, level: "medarbejder", answers: "svar.json", respondent: "a" }, io, deps);
    await run({ questionnaire: MINI, level: "medarbejder", answers: "svar.json", respondent: "b" }, io, deps);
    const lines = readFileSync(join(dir, "besvarelser.csv"), "utf8").trimEnd().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).map((l) => l.split(",").slice(0, 4).join(","))).toEqual(["a,mini,2,medarbejder", "b,mini,2,medarbejder"]);
    expect(lines[1]!.split(",")[11]).toBe("3");
  });

  it.each([
    ["an unknown item", "i1: 3\nzz: 2\n", "zz", "er ikke et spørgsmål i mini"],
    ["an item not meant for the level", "i1: 3\ni5: 2\n", "i5", 'stilles ikke til niveauet "leder"'],
    ["an off-scale value", "i1: 6\n", "i1", "er ikke på skalaen (1-5 eller ved_ikke)"],
    ["a decimal", "i1: 2.5\n", "i1", "er ikke på skalaen"],
    ["a word", "i1: måske\n", "i1", "er ikke på skalaen"],
    ["an unknown comment element", "comment.e9: hej\n", "comment.e9", 'ukendt element "e9"'],
  ])("rejects %s naming the item, and leaves the output byte-identical", async (_, answers, key, message) => {
    const { dir, io } = setup(answers);
    const out = join(dir, "besvarelser.csv");
    const before = "respondent_id,questionnaire_id,questionnaire_version,level,group,submitted_at,i1,i2,i3,i4,i5,i6,i7,i8,comment.e1,comment.e2,comment.e3\r\nx,mini,2,leder,,2026-01-01T00:00:00+00:00,1,1,1,1,,1,1,1,,,\r\n";
    writeFileSync(out, before);
    const err = await failure(run({ questionnaire: MINI, level: "leder", answers: "svar.yaml" }, io, deps));
    expect(err.exitCode).toBe(1);
    expect(err.text.da).toContain(`svar.yaml: ${key}: `);
    expect(err.text.da).toContain(message);
    expect(readFileSync(out, "utf8")).toBe(before);
  });

  it("needs --level with --answers (usage error)", async () => {
    const { io } = setup("i1: 3\n");
    expect((await failure(run({ questionnaire: MINI, answers: "svar.yaml" }, io, deps))).exitCode).toBe(2);
  });

  it("says so and exits 2 instead of waiting when there is no terminal", async () => {
    const { io } = setup("");
    const err = await failure(run({ questionnaire: MINI, level: "leder" }, io, deps));
    expect(err.exitCode).toBe(2);
    expect(err.text.da).toContain("Ingen terminal");
  });

  it("refuses a file with other columns rather than mixing questionnaires", async () => {
    const { dir, io } = setup("i1: 3\n");
    writeFileSync(join(dir, "besvarelser.csv"), "respondent_id,questionnaire_id,questionnaire_version,level,group,submitted_at,x1\r\n");
    const err = await failure(run({ questionnaire: MINI, level: "leder", answers: "svar.yaml" }, io, deps));
    expect(err.text.da).toContain("har andre kolonner");
  });

  it("appends in the file's own dialect when Excel saved it with ; and no final newline", async () => {
    const { dir, io } = setup("i1: 4\n");
    const header = "respondent_id;questionnaire_id;questionnaire_version;level;group;submitted_at;i1;i2;i3;i4;i5;i6;i7;i8;comment.e1;comment.e2;comment.e3";
    writeFileSync(join(dir, "besvarelser.csv"), `\uFEFF${header}\r\nold;mini;2;leder;;x;1;;;;;;;;;;`);
    await run({ questionnaire: MINI, level: "leder", answers: "svar.yaml", respondent: "new" }, io, deps);
    const lines = readFileSync(join(dir, "besvarelser.csv"), "utf8").split("\r\n");
    expect(lines[2]).toMatch(/^new;mini;2;leder;;[^;]+;4;;;;;;;;;;$/);
  });

  it("rejects a respondent id that could escape the folder", async () => {
    const { io } = setup("i1: 3\n");
    expect((await failure(run({ questionnaire: MINI, level: "leder", answers: "svar.yaml", respondent: "../x" }, io, deps))).exitCode).toBe(2);
  });
});
