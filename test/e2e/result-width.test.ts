import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BIN } from "../helpers/spawn.ts";
import { tmpDir } from "../helpers/paths.ts";
import { missing } from "../helpers/system.ts";
import { Tmux } from "../helpers/tmux.ts";

let terminal: Tmux | undefined;
afterEach(() => terminal?.kill());

describe.skipIf(missing("tmux"))("the result screen in a real terminal", () => {
  it.each([60, 80])("fits %i columns: no row wraps, the bars are there", async (columns) => {
    const dir = tmpDir();
    // The bundled questionnaire (its longest labels), answered 3 throughout: every score 50.
    writeFileSync(join(dir, "svar.yaml"), "{}\n");
    const { execFileSync } = await import("node:child_process");
    const show = JSON.parse(execFileSync(process.execPath, [BIN, "show", "--level", "teamleder", "--json"], { encoding: "utf8" })) as { areas: { elements: { items: { id: string }[] }[] }[] };
    const ids = show.areas.flatMap((a) => a.elements.flatMap((e) => e.items.map((i) => i.id)));
    writeFileSync(join(dir, "svar.yaml"), ids.map((id) => `${id}: 3`).join("\n"));
    terminal = Tmux.start(`node ${BIN} run --level teamleder --answers svar.yaml --out b.csv`, dir, { NO_COLOR: "1" }, columns);
    const screen = await terminal.waitFor("EXIT=");
    expect(screen).toContain("EXIT=0");
    // capture-pane -J joins wrapped lines, so a row wider than the terminal shows as one long line.
    for (const line of screen.split("\n")) expect([...line].length, line).toBeLessThanOrEqual(columns);
    expect(screen).toMatch(/Samlet\s+50\s+\S.*[█░]{10,20}/);
    expect(screen).not.toMatch(/\d{3}:\d+-\d+/); // no raw source line numbers
  });

  it("a long question wraps at words at 60 columns, before and after it is answered", async () => {
    const dir = tmpDir();
    const { execFileSync } = await import("node:child_process");
    const show = JSON.parse(execFileSync(process.execPath, [BIN, "show", "--level", "teamleder", "--json"], { encoding: "utf8" })) as { areas: { elements: { items: { text: string }[] }[] }[] };
    const first = show.areas[0]!.elements[0]!.items[0]!.text;
    terminal = Tmux.start(`node ${BIN} run --level teamleder --out b.csv`, dir, { NO_COLOR: "1" }, 60);
    await terminal.waitFor("[1/");
    terminal.keys("4");
    terminal.keys("Enter");
    const screen = await terminal.waitFor("[2/");
    const tokens = new Set(screen.split(/\s+/));
    for (const word of first.split(" ")) expect(tokens, word).toContain(word);
    for (const line of screen.split("\n")) expect([...line].length, line).toBeLessThanOrEqual(60);
  });
});
