import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cli } from "../helpers/spawn.ts";
import { MINI, tmpDir } from "../helpers/paths.ts";
import { exited, HttpParticipant, serveBuilt, type Served } from "./server.ts";

const N = 30;
let served: Served | undefined;
afterEach(() => served?.child.kill("SIGKILL"));

/** Participants standing on the last page, ready to press Indsend. */
async function readyToSubmit(url: string): Promise<HttpParticipant[]> {
  const people = Array.from({ length: N }, () => new HttpParticipant(url));
  await Promise.all(people.map(async (p, i) => {
    await p.post("start", {});
    await p.post("niveau", { niveau: "leder" });
    await p.post("side/1", { i1: String((i % 5) + 1), handling: "naeste" });
    await p.post("side/2", { handling: "naeste" });
  }));
  return people;
}

const submit = (p: HttpParticipant) => p.post("side/3", { i6: "3", handling: "indsend" }).then((r) => r.status, () => "lost" as const);

/** Every data row whole (17 cells, none with a line break), the file ending in a line break, no respondent twice. */
function wholeRows(dir: string): string[] {
  const text = readFileSync(join(dir, "besvarelser.csv"), "utf8");
  expect(text.endsWith("\r\n")).toBe(true);
  const rows = text.slice(0, -2).split("\r\n").slice(1);
  for (const row of rows) expect(row.split(","), row).toHaveLength(17);
  expect(new Set(rows.map((r) => r.split(",")[0])).size).toBe(rows.length);
  return rows;
}

const litter = (dir: string) => [...readdirSync(dir), ...readdirSync(join(dir, "fremdrift"))].filter((f) => f.endsWith(".tmp") || f.endsWith(".lock"));

describe("stopping the server while answers are written", () => {
  it("Ctrl-C (SIGINT) during 30 submissions: every acknowledged answer is in the file, whole, and the exit is 130", async () => {
    const dir = join(tmpDir(), "ws");
    expect(cli(["workshop", "new", dir, MINI, "--title", "Stop"]).code).toBe(0);
    served = await serveBuilt(dir);
    const people = await readyToSubmit(served.participants[0]!);
    const pending = people.map(submit);
    await new Promise((r) => setTimeout(r, 5));
    served.child.kill("SIGINT");
    const statuses = await Promise.all(pending);
    expect(await exited(served.child)).toBe(130);
    const rows = wholeRows(dir);
    expect(rows.length).toBeGreaterThanOrEqual(statuses.filter((s) => s === 303).length);
    expect(litter(dir)).toEqual([]);
    served = undefined;
  }, 120_000);

  for (const round of [1, 2, 3]) {
    it(`SIGKILL during the appends (round ${round}): no torn row, and after a restart no temporary file and every row once`, async () => {
      const dir = join(tmpDir(), "ws");
      expect(cli(["workshop", "new", dir, MINI, "--title", "Kill"]).code).toBe(0);
      served = await serveBuilt(dir);
      const people = await readyToSubmit(served.participants[0]!);
      const pending = people.map(submit);
      // Kill while the appends are going on: once the first, the fifth, the fifteenth row is in.
      const target = [1, 5, 15][round - 1]!;
      const rowsNow = () => readFileSync(join(dir, "besvarelser.csv"), "utf8").split("\r\n").length - 2;
      while (rowsNow() < target) await new Promise((r) => setTimeout(r, 1));
      served.child.kill("SIGKILL");
      await exited(served.child);
      await Promise.all(pending);
      expect(wholeRows(dir).length).toBeLessThan(N);

      served = await serveBuilt(dir);
      expect(litter(dir)).toEqual([]);
      // Everyone not yet submitted is still on the last page and submits now; the submitted see their result.
      for (const before of people) {
        const p = new HttpParticipant(served.participants[0]!);
        p.cookie = before.cookie;
        const at = (await p.get("")).headers.get("location")!;
        expect(at).toMatch(/\/(side\/3|resultat)$/);
        if (at.endsWith("side/3")) expect(await submit(p)).toBe(303);
      }
      expect(wholeRows(dir)).toHaveLength(N);
      served.child.kill("SIGTERM");
      expect(await exited(served.child)).toBe(130);
      served = undefined;
    }, 120_000);
  }
});
