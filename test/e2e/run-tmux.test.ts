import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BIN } from "../helpers/spawn.ts";
import { MINI, tmpDir } from "../helpers/paths.ts";
import { Tmux } from "../helpers/tmux.ts";
import { missing } from "../helpers/system.ts";

let terminal: Tmux | undefined;
afterEach(() => terminal?.kill());

/** Moves to scale value v with the arrow keys (nothing is preselected) and confirms, once the prompt `prompt` is on screen. */
async function answer(t: Tmux, prompt: string, value: number) {
  await t.waitFor(prompt);
  for (let i = 0; i < value; i++) t.keys("Down");
  t.keys("Enter");
}

describe.skipIf(missing("tmux"))("run in a real terminal (tmux)", () => {
  it("answers, is interrupted with Ctrl-C, resumes, and writes the final row", async () => {
    const dir = tmpDir();
    const command = `node ${BIN} run ${MINI} --level leder --out svar.csv --respondent tm1`;
    terminal = Tmux.start(command, dir, { NO_COLOR: "1" });
    const welcome = await terminal.waitFor("[1/7] Element 1: Første udsagn");
    expect(welcome).toContain("Dine svar bliver på denne computer");
    // NO_COLOR: readable without colour, so no colour escape sequences at all.
    expect(terminal.rawScreen()).not.toMatch(/\x1b\[(3\d|9\d|1)m/);
    await answer(terminal, "[1/7]", 4);
    await answer(terminal, "[2/7]", 2);
    await terminal.waitFor("[3/7]");
    terminal.keys("C-c");
    const stopped = await terminal.waitFor("EXIT=");
    expect(stopped).toContain("EXIT=130");
    expect(stopped).toContain("svar.csv.tm1.progress.json");
    expect(existsSync(join(dir, "svar.csv"))).toBe(false);
    terminal.kill();

    terminal = Tmux.start(command, dir, { NO_COLOR: "1" });
    const resumed = await terminal.waitFor("[3/7]");
    expect(resumed).toContain("Genoptager tm1: 2 af 7");
    await answer(terminal, "[3/7]", 5);
    await terminal.waitFor("Kommentar til Element 1");
    terminal.keys("-l", "Mødet i går");
    terminal.keys("Enter");
    await answer(terminal, "[4/7]", 3);
    await terminal.waitFor("Kommentar til Element 2");
    terminal.keys("Enter");
    await answer(terminal, "[5/7]", 1);
    await answer(terminal, "[6/7]", 6); // the entry after the scale: Ved ikke
    await answer(terminal, "[7/7]", 5);
    await terminal.waitFor("Kommentar til Element 3");
    terminal.keys("Enter");
    const done = await terminal.waitFor("EXIT=");
    expect(done).toContain("EXIT=0");
    // e1: i1 = 4 → 75, i2 = 2 → 25, i3 = 5 reversed → 1 → 0; (75 + 25 + 0) / 3 = 33.3
    expect(done).toMatch(/Element 1\s+33\s+Lav\s+█+░*/);
    const row = readFileSync(join(dir, "svar.csv"), "utf8").trimEnd().split("\r\n")[1]!.split(",");
    expect(row.slice(0, 5)).toEqual(["tm1", "mini", "2", "leder", ""]);
    expect(row.slice(6)).toEqual(["4", "2", "5", "3", "", "1", "ved_ikke", "5", "Mødet i går", "", ""]);
    expect(existsSync(join(dir, "svar.csv.tm1.progress.json"))).toBe(false);
  });
});
