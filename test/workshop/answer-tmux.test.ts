import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BIN } from "../helpers/spawn.ts";
import { missing } from "../helpers/system.ts";
import { Tmux } from "../helpers/tmux.ts";
import { newWorkshop } from "./helpers.ts";

let terminal: Tmux | undefined;
afterEach(() => terminal?.kill());

/** Answers an item: nothing is preselected (run's answer prompt), so value v is v presses of Down. */
async function choose(t: Tmux, prompt: string, value: number) {
  await t.waitFor(prompt);
  for (let i = 0; i < value; i++) t.keys("Down");
  t.keys("Enter");
}

/** Picks the n-th level in the level list, whose cursor starts on the first. */
async function pickLevel(t: Tmux, n: number) {
  await t.waitFor("Hvilket ledelsesniveau er du på?");
  for (let i = 1; i < n; i++) t.keys("Down");
  t.keys("Enter");
}

describe.skipIf(missing("tmux"))("workshop answer: turns at one machine (tmux)", () => {
  it("two participants in turn; the screen is wiped between them; Ctrl-C ends the round and keeps the unfinished answers", async () => {
    const { dir } = await newWorkshop();
    terminal = Tmux.start(`node ${BIN} workshop answer ${dir}`, dir, { NO_COLOR: "1" });
    await pickLevel(terminal, 1);
    for (const [n, v] of [[1, 5], [2, 4], [3, 2]] as const) await choose(terminal, `[${n}/7]`, v);
    await terminal.waitFor("Kommentar til Element 1");
    terminal.keys("-l", "Første persons kommentar");
    terminal.keys("Enter");
    await choose(terminal, "[4/7]", 3);
    await terminal.waitFor("Kommentar til Element 2");
    terminal.keys("Enter");
    for (const [n, v] of [[5, 1], [6, 1], [7, 1]] as const) await choose(terminal, `[${n}/7]`, v);
    await terminal.waitFor("Kommentar til Element 3");
    terminal.keys("Enter");
    // e1 = (100 + 75 + 75) / 3 = 83.3 → Høj (by hand)
    expect(await terminal.waitFor("Tryk Enter, når du har læst dit resultat")).toMatch(/Element 1\s+83\s+Høj/);
    terminal.keys("Enter");
    const handOver = await terminal.waitFor("Giv computeren videre");
    expect(handOver).not.toContain("Dit resultat");
    expect(handOver).not.toContain("Første persons kommentar");
    expect(handOver).not.toMatch(/Element 1\s+83/);
    terminal.keys("Enter");
    await pickLevel(terminal, 2);
    await choose(terminal, "[1/5]", 2);
    await terminal.waitFor("[2/5]");
    terminal.keys("C-c");
    const end = await terminal.waitFor("EXIT=");
    expect(end).toContain("EXIT=130");
    expect(end).toContain("Runden er slut: 1 besvarelse(r) gemt");
    const rows = readFileSync(join(dir, "besvarelser.csv"), "utf8").trimEnd().split("\r\n").slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/^t-[0-9a-f]{12},mini,2,leder,Testdag,[^,]+,5,4,2,3,,1,1,1,Første persons kommentar,,$/);
    // The second participant's one answer is kept, under a pseudonym different from the first's.
    const kept = readdirSync(dir).filter((f) => f.endsWith(".progress.json"));
    expect(kept).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(dir, kept[0]!), "utf8"))).toMatchObject({ level: "medarbejder", answers: { i1: 2 } });
    expect(kept[0]).not.toContain(rows[0]!.slice(0, 14));
  });
});
