import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { screen, wrapPrompt } from "@inquirer/testing/vitest";
import { describe, expect, it, vi } from "vitest";
import { run } from "../../src/cli/commands/run.ts";
import { loadQuestionnaireFile } from "../../src/adapters/files/questionnaire-file.ts";
import { UserError } from "../../src/cli/errors.ts";
import { fixedClock, terminalIo } from "../helpers/io.ts";
import { MINI, tmpDir } from "../helpers/paths.ts";
import { until } from "../helpers/prompt-screen.ts";

vi.mock("../../src/adapters/terminal/answer-prompt.ts", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/adapters/terminal/answer-prompt.ts")>();
  return { ...actual, answerPrompt: wrapPrompt(actual.answerPrompt) };
});

const answer = async (prompt: string, value: number) => {
  await until(prompt);
  for (let i = 0; i < value; i++) screen.keypress("down");
  screen.keypress("enter");
};
const skipComment = async (element: string) => {
  await until(`Kommentar til ${element}`);
  screen.keypress("enter");
};
const deps = (id = "r-test") => ({ now: fixedClock, newRespondentId: () => id });

const HASH = await loadQuestionnaireFile(MINI).then((l) => (l.ok ? l.hash : ""));

/** A progress file as run writes it, for `respondent` at `level`, with `answers` given. */
function unfinished(dir: string, respondent: string, level: string, answers: Record<string, number>, started: string) {
  writeFileSync(join(dir, `besvarelser.csv.${respondent}.progress.json`), JSON.stringify({
    questionnaire_id: "mini", questionnaire_version: "2", questionnaire_hash: HASH, respondent_id: respondent, level, group: "",
    started_at: started, answers, comments: {}, commented: [],
  }));
}

describe("run: the output is checked before the first question", () => {
  it("a file written by another questionnaire is refused before anything is asked", async () => {
    const dir = tmpDir();
    writeFileSync(join(dir, "besvarelser.csv"), "respondent_id,questionnaire_id,questionnaire_version,level,group,submitted_at,x1\r\nr1,andet,1,chef,,2026-01-01T00:00:00Z,3\r\n");
    const { io } = terminalIo(dir);
    const err = await run({ questionnaire: MINI, level: "leder" }, io, deps()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).text.da).toBe("Kan ikke gemme i besvarelser.csv: filen har andre kolonner end mini 2 skriver (måske et andet spørgeskema eller en anden version). Brug et andet --out.");
    expect(screen.getScreen()).not.toContain("[1/7]");
  });

  it("a file with the same columns but another version is refused too", async () => {
    const dir = tmpDir();
    const header = "respondent_id,questionnaire_id,questionnaire_version,level,group,submitted_at,i1,i2,i3,i4,i5,i6,i7,i8,comment.e1,comment.e2,comment.e3";
    writeFileSync(join(dir, "besvarelser.csv"), `${header}\r\nr1,mini,2.0,leder,,2026-01-01T00:00:00Z,3,,,,,,,,,,\r\n`);
    const { io } = terminalIo(dir);
    const err = await run({ questionnaire: MINI, level: "leder" }, io, deps()).catch((e: unknown) => e);
    expect((err as UserError).text.da).toBe("Kan ikke gemme i besvarelser.csv: filen har besvarelser til mini 2.0, ikke mini 2. Brug et andet --out.");
  });
});

describe("run: several unfinished responses", () => {
  it("offers to start a new one (first) or continue one, each shown with level and start time", async () => {
    const dir = tmpDir();
    unfinished(dir, "r-aaa", "leder", { i1: 2 }, "2026-03-02T09:10:00+01:00");
    unfinished(dir, "r-bbb", "medarbejder", { i1: 4, i2: 4 }, "2026-03-02T09:20:00+01:00");
    const { io } = terminalIo(dir);
    const done = run({ questionnaire: MINI }, io, deps("r-new"));
    await until("Der er flere ufærdige besvarelser. Vælg din, eller start en ny:");
    const shown = screen.getScreen();
    expect(shown).toMatch(/❯ Start en ny besvarelse\n\s+Fortsæt r-aaa: Leder, startet 2026-03-02 09:10, 1 af 7 besvaret\n\s+Fortsæt r-bbb: Medarbejder, startet 2026-03-02 09:20, 2 af 5 besvaret/);
    screen.keypress("down");
    screen.keypress("down");
    screen.keypress("enter");
    await until("[3/5]"); // r-bbb's third question: two were answered
    screen.keypress({ name: "c", ctrl: true });
    await done.catch(() => undefined);
  });

  it("starting a new one leaves the others untouched", async () => {
    const dir = tmpDir();
    unfinished(dir, "r-aaa", "leder", { i1: 2 }, "2026-03-02T09:10:00+01:00");
    unfinished(dir, "r-bbb", "leder", { i1: 4 }, "2026-03-02T09:20:00+01:00");
    const { io } = terminalIo(dir);
    const done = run({ questionnaire: MINI, level: "leder" }, io, deps("r-new"));
    await until("Start en ny besvarelse");
    screen.keypress("enter");
    await answer("[1/7]", 5);
    await until("[2/7]");
    screen.keypress({ name: "c", ctrl: true });
    await done.catch(() => undefined);
    expect(JSON.parse(readFileSync(join(dir, "besvarelser.csv.r-new.progress.json"), "utf8")).answers).toEqual({ i1: 5 });
    expect(JSON.parse(readFileSync(join(dir, "besvarelser.csv.r-aaa.progress.json"), "utf8")).answers).toEqual({ i1: 2 });
  });
});

describe("run: one unfinished response, in English", () => {
  it("asks y/n (j is not an answer in English) and shows level and start time", async () => {
    const dir = tmpDir();
    unfinished(dir, "r-aaa", "leder", { i1: 2 }, "2026-03-02T09:10:00+01:00");
    const { io } = terminalIo(dir, "en");
    const done = run({ questionnaire: MINI }, io, deps("r-new"));
    await until("There is an unfinished response (r-aaa: Leader, started 2026-03-02 09:10, 1 of 7 answered). Is it yours, and do you want to continue it? (y/n — Enter starts a new response) (n)");
    screen.type("j");
    screen.keypress("enter");
    await until("Answer y (yes) or n (no).");
    screen.keypress("backspace");
    screen.type("y");
    screen.keypress("enter");
    await until("[2/7]");
    screen.keypress({ name: "c", ctrl: true });
    await done.catch(() => undefined);
  });
});

describe("run: writing the final row fails", () => {
  it("the result is still shown, and the answers are kept where the message says", async () => {
    const dir = tmpDir();
    const { io, stdout } = terminalIo(dir);
    const done = run({ questionnaire: MINI, level: "leder" }, io, deps());
    for (const [prompt, v] of [["[1/7]", 5], ["[2/7]", 4], ["[3/7]", 2]] as const) await answer(prompt, v);
    await skipComment("Element 1");
    await answer("[4/7]", 3);
    await skipComment("Element 2");
    for (const [prompt, v] of [["[5/7]", 1], ["[6/7]", 4], ["[7/7]", 4]] as const) await answer(prompt, v);
    // Something takes the file's place while the last comment is open (here: a folder of that name).
    await until("Kommentar til Element 3");
    mkdirSync(join(dir, "besvarelser.csv"));
    screen.keypress("enter");
    const err = await done.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    const text = (err as UserError).text.da;
    expect(text).toContain("Besvarelsen kunne ikke gemmes i besvarelser.csv: er en mappe, ikke en fil.");
    expect(text).toContain("Dine svar er gemt i besvarelser.csv.r-test.progress.json. Når problemet er løst, gemmes besvarelsen med: ledelsestjek run");
    expect(stdout()).toMatch(/Element 1\s+83\s+Høj/); // (100 + 75 + 75) / 3, shown anyway
    const kept = JSON.parse(readFileSync(join(dir, "besvarelser.csv.r-test.progress.json"), "utf8"));
    expect(kept.answers).toEqual({ i1: 5, i2: 4, i3: 2, i4: 3, i6: 1, i7: 4, i8: 4 });
    expect(existsSync(join(dir, "besvarelser.csv.lock"))).toBe(false);
  });
});
