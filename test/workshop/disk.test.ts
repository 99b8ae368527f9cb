import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, statfsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { planCsv } from "../../src/adapters/workshop-store/consensus-file.ts";
import { openWorkshop } from "../../src/adapters/workshop-store/workshop-folder.ts";
import { memoryIo } from "../../src/cli/io.ts";
import { workshopNew } from "../../src/cli/commands/workshop/new.ts";
import { cli } from "../helpers/spawn.ts";
import { MINI, tmpDir } from "../helpers/paths.ts";
import { smallDisk } from "../helpers/system.ts";
import { ACCESS, dataRows, ORIGIN, Participant, testApp } from "./helpers.ts";
import { exited, serveBuilt, type Served } from "./server.ts";

const F = `/f/${ACCESS.secret}`;
const LEDER: Record<string, string>[] = [{ i1: "4", i2: "4", i3: "2" }, { i4: "3" }, { i6: "3" }];

const disk = smallDisk("disk-");
afterAll(() => {
  if (disk) execFileSync("umount", [disk]);
});

/** Every data row with the header's field count (no line breaks in these answers). */
const whole = (dir: string) => {
  const [header, ...rows] = readFileSync(join(dir, "besvarelser.csv"), "utf8").trimEnd().split("\r\n");
  for (const r of rows) expect(r.split(",")).toHaveLength(header!.split(",").length);
  return rows;
};

describe.skipIf(!disk)("a full disk (SPEC §6.1)", () => {
  it("no torn row, words for the participant, the facilitator's pages keep working, and the retry completes", async () => {
    const dir = join(disk!, "ws");
    await workshopNew({ dir, questionnaire: MINI, title: "Fuld disk" }, memoryIo(dir).io, { now: () => new Date("2026-03-02T09:30:00+01:00") });
    const w = await openWorkshop(dir);
    const { app } = await testApp(w);
    // Rows of others first, so rewriting the file needs more room than saving one page of progress.
    for (let i = 0; i < 60; i++) await new Participant(app).answerAll("leder", [{ ...LEDER[0]!, kommentar: "x".repeat(200) }, LEDER[1]!, LEDER[2]!]);
    const p = new Participant(app);
    await p.post("/start", {});
    await p.post("/niveau", { niveau: "leder" });
    await p.post("/side/1", { ...LEDER[0], handling: "naeste" });
    await p.post("/side/2", { ...LEDER[1], handling: "naeste" });
    const before = readFileSync(join(dir, "besvarelser.csv"), "utf8");
    // Fill the disk, leaving two pages: enough for a page of progress, not for a new copy of the answers.
    const { bavail, bsize } = statfsSync(disk!);
    const filler = join(disk!, "fyld");
    writeFileSync(filler, Buffer.alloc(Math.max(0, bavail * bsize - 2 * 4096)));
    const res = await p.post("/side/3", { i6: "5", kommentar: "Sidste side med en kommentar", handling: "indsend" });
    expect(res.status).toBe(503);
    expect(await res.text()).toContain("Dine svar er gemt på computeren; tryk Indsend igen om lidt.");
    expect(readFileSync(join(dir, "besvarelser.csv"), "utf8")).toBe(before);
    expect(whole(dir)).toHaveLength(60);
    // The facilitator's pages still answer (the snapshot that cannot be recorded is not shown).
    expect((await app.request(F)).status).toBe(200);
    const shown = await app.request(`${F}/e/e1/vis`, { method: "POST", headers: { Origin: ORIGIN } });
    expect(shown.status).toBe(303);
    expect((await app.request(`${F}/e/e1`)).status).toBe(200);
    rmSync(filler);
    const retry = await p.post("/indsend", { handling: "indsend" });
    expect(retry.status).toBe(303);
    const rows = whole(dir);
    expect(rows).toHaveLength(61);
    expect(rows.some((r) => r.includes("Sidste side med en kommentar"))).toBe(true);
    expect(dataRows(dir).map((r) => r.split(",")[0])).toEqual(dataRows(dir).map((r) => r.split(",")[0]).sort());
  }, 120_000);
});

describe("konsensus.yaml and handleplan.csv after a kill (SPEC §6.1)", () => {
  let served: Served | undefined;
  afterAll(() => served?.child.kill("SIGKILL"));
  it("SIGKILL during consensus saves: konsensus.yaml whole, and handleplan.csv rebuilt from it on start", async () => {
    const dir = join(tmpDir(), "ws");
    expect(cli(["workshop", "new", dir, MINI, "--title", "Kill"]).code).toBe(0);
    served = await serveBuilt(dir);
    const base = served.facilitator;
    const save = (i: number) => fetch(`${base}/e/e1/konsensus`, {
      method: "POST", redirect: "manual", headers: { Origin: new URL(base).origin, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ score: "3", rationale: `Begrundelse ${i}`, "action-0-what": `Handling ${i}`, "action-0-who": "Chef", "action-0-when": "2027-01-01", "action-0-success": "Gjort" }),
    }).then((r) => r.status, () => "lost");
    const pending = Array.from({ length: 40 }, (_, i) => save(i));
    const { existsSync } = await import("node:fs");
    while (!existsSync(join(dir, "konsensus.yaml"))) await new Promise((r) => setTimeout(r, 1));
    await new Promise((r) => setTimeout(r, Math.random() * 50));
    served.child.kill("SIGKILL");
    await exited(served.child);
    await Promise.all(pending);
    const w = await openWorkshop(dir);
    const { loadConsensus } = await import("../../src/adapters/workshop-store/consensus-file.ts");
    // A crash between the two renames: the plan one save behind the consensus.
    writeFileSync(join(dir, "handleplan.csv"), "element_id,handling,ansvarlig,frist,succeskriterium\r\ne1,En gammel handling,X,2027-01-01,Y\r\n");
    served = await serveBuilt(dir);
    const consensus = await loadConsensus(w);
    expect(readFileSync(join(dir, "handleplan.csv"), "utf8")).toBe(planCsv(w.questionnaire, consensus, ","));
    if (consensus.elements.e1) expect(parse(readFileSync(join(dir, "konsensus.yaml"), "utf8")).elements.e1.rationale).toMatch(/^Begrundelse \d+$/);
    served.child.kill("SIGTERM");
    await exited(served.child);
    served = undefined;
  }, 120_000);
});
