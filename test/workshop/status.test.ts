import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openWorkshop } from "../../src/adapters/workshop-store/workshop-folder.ts";
import { folderRoom } from "../../src/cli/commands/workshop/room-store.ts";
import { shortened, workshopStatus } from "../../src/cli/commands/workshop/status.ts";
import { workshopNew } from "../../src/cli/commands/workshop/new.ts";
import { memoryIo } from "../../src/cli/io.ts";
import { fixture, tmpDir } from "../helpers/paths.ts";
import { Participant, testApp } from "./helpers.ts";

/** mirror.yaml (k = 3): three team leaders rate themselves 5 on t2 and t4, three employees rate them 1 (m1, m2). */
async function mirrorDay() {
  const dir = join(tmpDir("ws-"), "ws");
  await workshopNew({ dir, questionnaire: fixture("questionnaires", "valid", "mirror.yaml"), title: "Spejldag" }, memoryIo(dir).io, { now: () => new Date("2026-03-02T09:30:00+01:00") });
  const w = await openWorkshop(dir);
  const { app } = await testApp(w);
  for (let i = 0; i < 3; i++) await new Participant(app).answerAll("teamleder", [{ t1: "3", t2: "5" }, { t3: "3", t4: "5" }]);
  for (let i = 0; i < 3; i++) await new Participant(app).answerAll("medarbejder", [{ m1: "1" }, { m2: "1" }]);
  return { dir, room: folderRoom(w) };
}

describe("workshop status shows what the room has seen", () => {
  it("before any reveal: no element, and a note that --all shows them to the consultant", async () => {
    const { dir } = await mirrorDay();
    const { io, stdout } = memoryIo(dir);
    expect(await workshopStatus({ dir }, io)).toBe(0);
    expect(stdout()).toContain("Har svaret: 6");
    expect(stdout()).not.toContain("Element 1");
    expect(stdout()).not.toMatch(/█|⚑/);
    expect(stdout()).toContain("2 elementer er ikke vist i rummet endnu og vises ikke her. Konsulenten kan se dem med --all.");
  });

  it("after e1 is revealed: e1 only, its mirror flag naming the statement as each level was asked", async () => {
    const { dir, room } = await mirrorDay();
    await room.reveal("e1");
    const { io, stdout } = memoryIo(dir);
    await workshopStatus({ dir }, io);
    const text = stdout();
    expect(text).toContain("Element 1 (e1)");
    expect(text).not.toContain("Element 2 (e2)");
    expect(text).toContain("1 element er ikke vist i rummet endnu");
    // By hand: t2 = 5 → item score 100, m1 = 1 → 0: 100 points on 0-100 = 4,0 scale points.
    expect(text).toContain("⚑ Forskel Teamleder ↔ Medarbejder: 4,0 point (spejl: selv ↔ medarbejdere)\n    Teamleder: \"Anden praksis\"\n    Medarbejder: \"Min leder har anden praksis\"");
    // --element on an element the room has not seen shows nothing of it.
    const { io: io2, stdout: out2 } = memoryIo(dir);
    await workshopStatus({ dir, element: "e2" }, io2);
    expect(out2()).not.toContain("Element 2 (e2)");
  });

  it("--all shows every element, with a note that it is for the consultant only", async () => {
    const { dir } = await mirrorDay();
    const { io, stdout } = memoryIo(dir, "en");
    await workshopStatus({ dir, all: true }, io);
    expect(stdout()).toContain("--all: every element, including those the room has not seen yet. For you as consultant only; do not show it on the projector.");
    expect(stdout()).toContain("Element 2 (e2)");
    expect(stdout()).toContain('    Teamleder: "Fjerde praksis"\n    Medarbejder: "Min leder har fjerde praksis"');
    expect(stdout()).not.toContain("not been shown in the room yet");
  });

  it("shortens a long statement at a word boundary", () => {
    const long = "Når der kommer nye krav fra lovgivning eller serviceniveau, viser min nærmeste leder os, hvad de betyder.";
    const short = shortened(long);
    expect(short.length).toBeLessThanOrEqual(60);
    expect(short).toBe("Når der kommer nye krav fra lovgivning eller serviceniveau…");
    expect(shortened("Kort udsagn")).toBe("Kort udsagn");
  });
});
