import { readFileSync } from "node:fs";
import { join } from "node:path";
import { screen, wrapPrompt } from "@inquirer/testing/vitest";
import { describe, expect, it, vi } from "vitest";
import { run } from "../../src/cli/commands/run.ts";
import { fixedClock, terminalIo } from "../helpers/io.ts";
import { MINI, tmpDir } from "../helpers/paths.ts";
import { until } from "../helpers/prompt-screen.ts";

vi.mock("../../src/adapters/terminal/answer-prompt.ts", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/adapters/terminal/answer-prompt.ts")>();
  return { ...actual, answerPrompt: wrapPrompt(actual.answerPrompt) };
});


const press = (key: string, times = 1) => {
  for (let i = 0; i < times; i++) screen.keypress(key);
};
const deps = { now: fixedClock, newRespondentId: () => "r-test" };
const row = (dir: string) => readFileSync(join(dir, "besvarelser.csv"), "utf8").trimEnd().split("\r\n")[1]!;

describe("run at the keyboard", () => {
  it("preselects no answer: a stray Enter records nothing and asks for a choice", async () => {
    const dir = tmpDir();
    const { io } = terminalIo(dir);
    const done = run({ questionnaire: MINI, level: "leder" }, io, deps);
    await until("[1/7]");
    expect(screen.getScreen()).not.toContain("❯");
    press("enter");
    await until("Vælg et svar med ↑↓ eller et tal, og tryk Enter.");
    expect(screen.getScreen()).toContain("[1/7]");
    expect(screen.getScreen()).not.toContain("Tilbage"); // nothing before the first question
    press("4"); // a number jumps to that answer; Enter records it
    press("enter");
    await until("[2/7]");
    screen.keypress({ name: "c", ctrl: true });
    await done.catch(() => undefined);
    expect(JSON.parse(readFileSync(join(dir, "besvarelser.csv.r-test.progress.json"), "utf8")).answers).toEqual({ i1: 4 });
  });

  it("goes back with ← to the previous question, showing the answer given, and back from a comment with <", async () => {
    const dir = tmpDir();
    const { io } = terminalIo(dir);
    const done = run({ questionnaire: MINI, level: "leder" }, io, deps);
    await until("[1/7]");
    press("down", 2); // 2
    press("enter");
    await until("[2/7]");
    expect(screen.getScreen()).toContain("← Tilbage til forrige spørgsmål");
    screen.keypress({ name: "left" });
    await until("[1/7]");
    expect(screen.getScreen()).toMatch(/❯ 2 {2}I mindre grad/); // the previous answer, preselected
    press("down"); // → 3
    press("enter");
    await until("[2/7]");
    press("down", 4);
    press("enter"); // i2 = 4
    await until("[3/7]");
    press("down", 5);
    press("enter"); // i3 = 5
    await until("Kommentar til Element 1");
    screen.type("<");
    press("enter");
    await until("[3/7]");
    expect(screen.getScreen()).toMatch(/❯ 5 {2}I meget høj grad/);
    press("up");
    press("enter"); // i3 = 4
    await until("Kommentar til Element 1");
    screen.type("Første kommentar");
    press("enter");
    await until("[4/7]");
    // Back over the comment: it is asked again with what was written.
    screen.keypress({ name: "left" });
    await until("Kommentar til Element 1");
    expect(screen.getScreen()).toContain("Første kommentar");
    press("enter");
    for (const [prompt, downs] of [["[4/7]", 1], ["[5/7]", 2], ["[6/7]", 3], ["[7/7]", 6]] as const) {
      await until(prompt);
      press("down", downs);
      press("enter");
      if (prompt === "[4/7]") {
        await until("Kommentar til Element 2");
        press("enter");
      }
    }
    await until("Kommentar til Element 3");
    press("enter");
    await expect(done).resolves.toBe(0);
    expect(row(dir)).toMatch(/^r-test,mini,2,leder,,[^,]+,3,4,4,1,,2,3,ved_ikke,Første kommentar,,$/);
  });
});
