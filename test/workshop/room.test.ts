import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { pseudonymOf } from "../../src/adapters/web/security.ts";
import { cli } from "../helpers/spawn.ts";
import { MINI, tmpDir } from "../helpers/paths.ts";
import { exited, HttpParticipant, serveBuilt, type Served } from "./server.ts";

const ROOM = 40;
let served: Served | undefined;
afterEach(() => served?.child.kill("SIGKILL"));

/** Participant i's answers: level by parity, values spread over the scale so every row differs. */
function plan(i: number) {
  const level = i % 2 === 0 ? "leder" : "medarbejder";
  const v = (k: number) => String(((i + k) % 5) + 1);
  const pages: Record<string, string>[] = level === "leder"
    ? [{ i1: v(0), i2: v(1), i3: v(2), kommentar: `deltager ${i}, "citat", komma` }, { i4: v(3) }, { i6: v(4), i7: "ved_ikke", i8: v(1) }]
    : [{ i1: v(0), i2: v(1), i3: v(2) }, { i5: v(3) }, { i6: v(4) }];
  // The row SPEC §3 asks for, by hand: i1…i8 in order, then the comments of e1, e2, e3.
  const all: Record<string, string> = Object.assign({}, ...pages);
  const cells = ["i1", "i2", "i3", "i4", "i5", "i6", "i7", "i8"].map((id) => all[id] ?? "");
  const comment = all.kommentar ? `"${all.kommentar.replaceAll('"', '""')}"` : "";
  return { level, pages, tail: `${level},Rummet,`, answers: `${cells.join(",")},${comment},,` };
}

/** The steps of one participant; `acked` counts the posts the server answered. */
async function walk(p: HttpParticipant, i: number, from: number, state: { acked: number }) {
  const { level, pages } = plan(i);
  const steps: [string, Record<string, string>][] = [
    ["start", {}],
    ["niveau", { niveau: level }],
    ...pages.map((fields, n): [string, Record<string, string>] => [`side/${n + 1}`, { ...fields, handling: n === 2 ? "indsend" : "naeste" }]),
  ];
  for (let s = from; s < steps.length; s++) {
    const res = await p.post(steps[s]![0], steps[s]![1]);
    if (res.status !== 303) throw new Error(`step ${s} of participant ${i}: ${res.status}`);
    state.acked = s + 1;
    await new Promise((r) => setTimeout(r, Math.random() * 20));
  }
}

const rowsOf = (dir: string) => {
  const text = readFileSync(join(dir, "besvarelser.csv"), "utf8");
  expect(text.endsWith("\r\n")).toBe(true);
  return text.slice(0, -2).split("\r\n");
};

/** Every row complete and as planned, one per participant, none twice. */
function expectRows(dir: string, people: HttpParticipant[]) {
  const [header, ...rows] = rowsOf(dir);
  expect(header!.split(",")).toHaveLength(17);
  expect(rows).toHaveLength(people.length);
  const expected = people.map((p, i) => {
    const { tail, answers } = plan(i);
    return { id: pseudonymOf(p.cookie.split("=")[1]!), tail, answers };
  });
  for (const row of rows) {
    const id = row.slice(0, 18);
    const want = expected.find((e) => e.id === id);
    expect(want, row).toBeDefined();
    expect(row).toMatch(new RegExp(`^${id},mini,2,${want!.tail}[^,]+,`));
    expect(row.replace(/^([^,]*,){6}/, "")).toBe(want!.answers);
  }
  expect(new Set(rows.map((r) => r.slice(0, 18))).size).toBe(people.length);
}

describe("the room at once (built server over HTTP)", () => {
  it(`${ROOM} participants answering concurrently → ${ROOM} complete rows, none torn or twice`, async () => {
    const dir = join(tmpDir(), "ws");
    expect(cli(["workshop", "new", dir, MINI, "--title", "Rummet"]).code).toBe(0);
    served = await serveBuilt(dir);
    const people = Array.from({ length: ROOM }, () => new HttpParticipant(served!.participants[0]!));
    await Promise.all(people.map((p, i) => walk(p, i, 0, { acked: 0 })));
    expectRows(dir, people);
    // Submitted participants are done: their progress says so, and nobody is left unfinished.
    const progress = readdirSync(join(dir, "fremdrift")).map((f) => JSON.parse(readFileSync(join(dir, "fremdrift", f), "utf8")));
    expect(progress.filter((p) => !p.submitted_at)).toEqual([]);
    served.child.kill("SIGTERM");
    expect(await exited(served.child)).toBe(130);
  }, 120_000);

  it("the server SIGKILLed halfway and restarted: everyone resumes where they were, nothing answered is lost", async () => {
    const dir = join(tmpDir(), "ws");
    expect(cli(["workshop", "new", dir, MINI, "--title", "Rummet"]).code).toBe(0);
    served = await serveBuilt(dir);
    const first = served;
    const people = Array.from({ length: ROOM }, () => new HttpParticipant(first.participants[0]!));
    const states = people.map(() => ({ acked: 0 }));
    let answered = 0;
    const running = people.map((p, i) => walk(p, i, 0, states[i]!).then(() => answered++, () => undefined));
    // Kill once about half of all posts (40 × 5) have been answered.
    while (states.reduce((n, s) => n + s.acked, 0) < ROOM * 5 * 0.5) await new Promise((r) => setTimeout(r, 5));
    first.child.kill("SIGKILL");
    await exited(first.child);
    await Promise.all(running);
    expect(answered).toBeLessThan(ROOM);

    served = await serveBuilt(dir);
    // The same join code after a restart (the port is a free one each time in tests).
    expect(new URL(served.participants[0]!).pathname).toBe(new URL(first.participants[0]!).pathname);
    const after = ["/niveau", "/side/1", "/side/2", "/side/3", "/resultat"];
    for (const [i, before] of people.entries()) {
      const p = new HttpParticipant(served.participants[0]!);
      p.cookie = before.cookie;
      people[i] = p;
      const acked = states[i]!.acked;
      if (acked === 0) {
        p.cookie = ""; // never got its cookie: starts afresh, as a phone would
        await walk(p, i, 0, states[i]!);
        continue;
      }
      const res = await p.get(new URL(served.participants[0]!).pathname);
      expect(res.status).toBe(303);
      const at = new URL(res.headers.get("location")!, served.participants[0]).pathname.replace(/^\/[^/]+/, "");
      // Where the last answered post left them, or one further if the post in flight landed before the kill.
      expect([after[acked - 1], after[acked]]).toContain(at);
      await walk(p, i, after.indexOf(at) + 1, states[i]!);
    }
    expectRows(dir, people);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp") || f.endsWith(".lock"))).toEqual([]);
    expect(readdirSync(join(dir, "fremdrift")).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  }, 120_000);
});
