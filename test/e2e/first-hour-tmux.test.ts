import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BIN } from "../helpers/spawn.ts";
import { MINI, tmpDir } from "../helpers/paths.ts";
import { Tmux } from "../helpers/tmux.ts";
import { missing } from "../helpers/system.ts";

let terminal: Tmux | undefined;
afterEach(() => terminal?.kill());

/** No row reaches the terminal's width: had the program left a line too long, the terminal would have cut it, mid-word. */
function fits(t: Tmux, columns: number, what: string) {
  for (const row of t.rows()) expect([...row].length, `${what} at ${columns} columns: "${row}"`).toBeLessThan(columns);
}

describe.skipIf(missing("tmux"))("the first hour in a real terminal (tmux)", () => {
  it("a bare Enter at the resume question starts a new response and leaves the other one's answers alone", async () => {
    const dir = tmpDir();
    const command = `node ${BIN} run ${MINI} --level leder --out svar.csv`;
    terminal = Tmux.start(command, dir, { NO_COLOR: "1" });
    await terminal.waitFor("[1/7]");
    terminal.keys("4", "Enter");
    await terminal.waitFor("[2/7]");
    terminal.keys("C-c");
    await terminal.waitFor("EXIT=130");
    terminal.kill();
    const [first] = readdirSync(dir).filter((n) => n.endsWith(".progress.json"));
    expect(first).toBeDefined();

    terminal = Tmux.start(command, dir, { NO_COLOR: "1" });
    const question = await terminal.waitFor("Er det din");
    expect(question.replace(/\s+/g, " ")).toContain("(j/n — Enter starter en ny besvarelse) (n)");
    terminal.keys("Enter");
    const fresh = await terminal.waitFor("[1/7]");
    expect(fresh).not.toContain("Genoptager");
    terminal.keys("2", "Enter");
    await terminal.waitFor("[2/7]");
    terminal.keys("C-c");
    await terminal.waitFor("EXIT=130");
    // Two progress files now: the first person's, untouched, and the new one.
    const progress = readdirSync(dir).filter((n) => n.endsWith(".progress.json"));
    expect(progress).toHaveLength(2);
    expect(JSON.parse(readFileSync(join(dir, first!), "utf8")).answers).toEqual({ i1: 4 });
  });

  it.each([60, 80, 100])("at %i columns no word is broken: level descriptions, key hints, items and comment prompts", async (columns) => {
    const dir = tmpDir();
    terminal = Tmux.start(`node ${BIN} run --out svar.csv`, dir, { NO_COLOR: "1" }, columns);
    // The level list with the first level's description (direktion: "… helhedsløsninger …") and the key hint.
    const levels = await terminal.waitFor("Hvilket ledelsesniveau");
    await terminal.waitFor("gemmes");
    fits(terminal, columns, "level list");
    expect(terminal.rows().join(" ")).toMatch(/\bhelhedsløsninger\b/);
    expect(levels.replace(/\s+/g, " ")).toContain("Ctrl-C afbryd (svar gemmes)");
    for (let i = 0; i < 3; i++) terminal.keys("Down");
    terminal.keys("Enter");
    await terminal.waitFor(/\[1\/\d+\]/);
    fits(terminal, columns, "first item");
    // Answer until the first element's comment prompt.
    for (let i = 2; i < 12 && !terminal.screen().includes("Kommentar til"); i++) {
      terminal.keys("3", "Enter");
      await terminal.waitFor(new RegExp(`\\[${i}/\\d+\\]|Kommentar til`));
    }
    await terminal.waitFor("Kommentar til");
    fits(terminal, columns, "comment prompt");
    terminal.keys("C-c");
    await terminal.waitFor("EXIT=130");
    fits(terminal, columns, "the message on Ctrl-C");
  });

  it("names ties as ties on the result screen, and says when a score rests on one answer", async () => {
    const dir = tmpDir();
    // mini, leder: e1 = i1 5, i2 5, i3 1 (reversed: 5) → 100; e2 = i4 5 → 100 (one statement); e3 = i6, i7, i8 1 → 0.
    writeFileSync(join(dir, "svar.yaml"), "i1: 5\ni2: 5\ni3: 1\ni4: 5\ni6: 1\ni7: 1\ni8: 1\n");
    terminal = Tmux.start(`node ${BIN} run ${MINI} --level leder --answers svar.yaml --out svar.csv`, dir, { NO_COLOR: "1" }, 60);
    const screen = (await terminal.waitFor("EXIT=")).replace(/\s+/g, " ");
    expect(screen).toContain("EXIT=0");
    expect(screen).toContain("Stærkest: Element 1 og Element 2 (100)");
    expect(screen).toContain("Svagest: Element 3 (0)");
    expect(screen).toContain("Bemærk: Element 2 bygger på et enkelt svar");
    fits(terminal, 60, "result screen");
  });

  it("says so when every element scores the same, without strongest, weakest or advice", async () => {
    const dir = tmpDir();
    writeFileSync(join(dir, "svar.yaml"), "i1: 4\ni2: 4\ni3: 2\ni4: 4\ni6: 4\ni7: 4\ni8: 4\n");
    terminal = Tmux.start(`node ${BIN} run ${MINI} --level leder --answers svar.yaml --out svar.csv`, dir, { NO_COLOR: "1" }, 80);
    const screen = (await terminal.waitFor("EXIT=")).replace(/\s+/g, " ");
    expect(screen).toContain("Alle elementer har samme score (75)");
    expect(screen).not.toMatch(/Stærkest|Svagest|God praksis/);
  });
});
