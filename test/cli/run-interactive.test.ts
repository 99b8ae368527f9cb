import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { screen, wrapPrompt } from "@inquirer/testing/vitest";
import { describe, expect, it, vi } from "vitest";
import { run } from "../../src/cli/commands/run.ts";
import { isoWithOffset } from "../../src/cli/clock.ts";
import { CancelledError, UserError } from "../../src/cli/errors.ts";
import { fixedClock, terminalIo } from "../helpers/io.ts";
import { MINI, tmpDir } from "../helpers/paths.ts";
import { until } from "../helpers/prompt-screen.ts";

// Our own answer prompt (no preselected answer, "Tilbage") drawn on the test screen like inquirer's.
vi.mock("../../src/adapters/terminal/answer-prompt.ts", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/adapters/terminal/answer-prompt.ts")>();
  return { ...actual, answerPrompt: wrapPrompt(actual.answerPrompt) };
});


/** Picks scale value v (or "ved_ikke", the entry after the scale) in the active prompt, where nothing is preselected. */
async function choose(prompt: string, value: number | "ved_ikke") {
  await until(prompt);
  const steps = value === "ved_ikke" ? 6 : value;
  for (let i = 0; i < steps; i++) screen.keypress("down");
  screen.keypress("enter");
}

async function comment(element: string, text = "") {
  await until(`Kommentar til ${element}`);
  if (text) screen.type(text);
  screen.keypress("enter");
}

const STAMP = isoWithOffset(fixedClock());
const deps = { now: fixedClock, newRespondentId: () => "r-test" };

describe("run, interactive", () => {
  it("asks the level's items one per prompt with progress and element, then writes one row", async () => {
    const dir = tmpDir();
    const { io, stdout } = terminalIo(dir);
    const done = run({ questionnaire: MINI, level: "leder", group: "Team Nord" }, io, deps);
    await until("[1/7] Element 1: Første udsagn");
    expect(screen.getScreen()).toContain("1  Slet ikke");
    expect(screen.getScreen()).toContain("Ved ikke");
    await choose("[1/7]", 5);
    await choose("[2/7] Element 1: Andet udsagn", 4);
    await choose("[3/7]", 2); // reversed
    await comment("Element 1", "Vi mangler et fælles grundlag");
    await choose("[4/7] Element 2", 3);
    await comment("Element 2");
    await choose("[5/7] Element 3", 1);
    await choose("[6/7]", "ved_ikke");
    await choose("[7/7]", 4);
    await comment("Element 3");
    await expect(done).resolves.toBe(0);

    const rows = readFileSync(join(dir, "besvarelser.csv"), "utf8").trimEnd().split("\r\n");
    expect(rows).toEqual([
      "respondent_id,questionnaire_id,questionnaire_version,level,group,submitted_at,i1,i2,i3,i4,i5,i6,i7,i8,comment.e1,comment.e2,comment.e3",
      `r-test,mini,2,leder,Team Nord,${STAMP},5,4,2,3,,1,ved_ikke,4,Vi mangler et fælles grundlag,,`,
    ]);
    // e1 = (100 + 75 + 75) / 3 = 83.3; e3 = (0 + 75) / 2 = 37.5; shown rounded
    expect(stdout()).toMatch(/Element 1\s+83\s+Høj\s+█+░*/);
    expect(stdout()).toMatch(/Element 3\s+38\s+Lav\s+█+░*/);
    expect(readdirSync(dir).filter((name) => name.includes("progress"))).toEqual([]);
  });

  it("saves progress after each answer, says where on Ctrl-C, and resumes at the first unanswered item", async () => {
    const dir = tmpDir();
    const first = terminalIo(dir);
    const interrupted = run({ questionnaire: MINI, level: "leder" }, first.io, deps);
    await choose("[1/7]", 2);
    await choose("[2/7]", 3);
    await until("[3/7]");
    const progress = join(dir, "besvarelser.csv.r-test.progress.json");
    expect(JSON.parse(readFileSync(progress, "utf8")).answers).toEqual({ i1: 2, i2: 3 });
    screen.keypress({ name: "c", ctrl: true });
    const err = await interrupted.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CancelledError);
    expect((err as CancelledError).text.da).toContain("besvarelser.csv.r-test.progress.json");
    expect(existsSync(join(dir, "besvarelser.csv"))).toBe(false);

    screen.clear();
    const second = terminalIo(dir);
    const resumed = run({ questionnaire: MINI }, second.io, { ...deps, newRespondentId: () => "r-other" });
    // Level and start time, so a participant recognises their own; j/n in Danish.
    await until(`Der er en ufærdig besvarelse (r-test: Leder, startet ${STAMP.replace("T", " ").slice(0, 16)}, 2 af 7 besvaret). Er det din, og vil du fortsætte den? (j/n — Enter starter en ny besvarelse) (n)`);
    screen.type("j"); // continuing must be chosen: Enter alone starts a new response
    screen.keypress("enter");
    await until("[3/7] Element 1: Tredje udsagn");
    expect(second.stderr()).toContain("Genoptager r-test: 2 af 7 spørgsmål er allerede besvaret.");
    await choose("[3/7]", 1);
    await comment("Element 1");
    await choose("[4/7]", 5);
    await comment("Element 2");
    await choose("[5/7]", 5);
    await choose("[6/7]", 5);
    await choose("[7/7]", 5);
    await comment("Element 3");
    await expect(resumed).resolves.toBe(0);
    const row = readFileSync(join(dir, "besvarelser.csv"), "utf8").trimEnd().split("\r\n")[1];
    expect(row).toBe(`r-test,mini,2,leder,,${STAMP},2,3,1,5,,5,5,5,,,`);
    expect(existsSync(progress)).toBe(false);
  });

  it("lets the respondent choose the level when --level is not given", async () => {
    const dir = tmpDir();
    const { io } = terminalIo(dir);
    const done = run({ questionnaire: MINI }, io, deps);
    await until("Hvilket ledelsesniveau er du på?");
    screen.keypress("down");
    screen.keypress("enter");
    await until("[1/5] Element 1: Første udsagn");
    screen.keypress({ name: "c", ctrl: true });
    const err = await done.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CancelledError);
    expect((err as CancelledError).text.da).toContain("Ingen svar var givet");
  });

  it("refuses a damaged progress file with a clear message instead of a crash", async () => {
    const dir = tmpDir();
    writeFileSync(join(dir, "besvarelser.csv.r-test.progress.json"), '{"answers": {"i1": 2');
    const { io } = terminalIo(dir);
    const err = await run({ questionnaire: MINI, level: "leder", respondent: "r-test" }, io, deps).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).text.da).toContain("er ikke en gyldig fremdriftsfil");
  });

  it.each([["n and Enter", "n"], ["a bare Enter", ""]])("starts a new response when the unfinished one is someone else's (%s)", async (_, typed) => {
    const dir = tmpDir();
    const first = terminalIo(dir);
    const interrupted = run({ questionnaire: MINI, level: "leder" }, first.io, deps);
    await choose("[1/7]", 2);
    await until("[2/7]");
    screen.keypress({ name: "c", ctrl: true });
    await interrupted.catch(() => undefined);
    screen.clear();
    const second = terminalIo(dir);
    const fresh = run({ questionnaire: MINI, level: "leder" }, second.io, { ...deps, newRespondentId: () => "r-other" });
    await until("Er det din");
    if (typed) screen.type(typed);
    screen.keypress("enter");
    await until("[1/7] Element 1: Første udsagn");
    screen.keypress({ name: "c", ctrl: true });
    await fresh.catch(() => undefined);
    // The first person's progress is untouched; the second answered nothing, so has none.
    expect(JSON.parse(readFileSync(join(dir, "besvarelser.csv.r-test.progress.json"), "utf8")).answers).toEqual({ i1: 2 });
    expect(existsSync(join(dir, "besvarelser.csv.r-other.progress.json"))).toBe(false);
  });
});
