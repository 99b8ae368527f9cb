import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { saveHeadcount } from "../../src/adapters/workshop-store/workshop-folder.ts";
import { ACCESS, dataRows, newWorkshop, ORIGIN, Participant, testApp } from "./helpers.ts";

const F = `/f/${ACCESS.secret}`;
// e1 per respondent (mini.yaml, scale 1-5, i3 reverse-keyed): LEDER 4,4,2 → 75 = 4.0; MEDARBEJDER 2,2,4 → 25 = 2.0; HIGH 5,5,1 → 100 = 5.0.
const LEDER: Record<string, string>[] = [{ i1: "4", i2: "4", i3: "2" }, { i4: "3" }, { i6: "3" }];
const MEDARBEJDER: Record<string, string>[] = [{ i1: "2", i2: "2", i3: "4" }, { i5: "3" }, { i6: "3" }];
const HIGH: Record<string, string>[] = [{ i1: "5", i2: "5", i3: "1" }, { i5: "3" }, { i6: "3" }];

type App = Awaited<ReturnType<typeof testApp>>["app"];
const post = (app: App, path: string, fields: Record<string, string> = {}) =>
  app.request(`${F}${path}`, { method: "POST", body: new URLSearchParams(fields), headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN } });
const page = async (app: App, path = "") => (await app.request(`${F}${path}`)).text();
/** The figures block of an element page, without the notice above it. */
const figures = (html: string) => html.slice(html.indexOf('<table class="levels"'), html.indexOf("</table>", html.indexOf('<table class="dist"')));

async function room(leaders = 3, employees = 3) {
  const made = await newWorkshop();
  const { app } = await testApp(made.w);
  const people: Participant[] = [];
  for (let i = 0; i < leaders; i++) people.push(await answered(app, "leder", LEDER));
  for (let i = 0; i < employees; i++) people.push(await answered(app, "medarbejder", MEDARBEJDER));
  return { ...made, app, people };
}
async function answered(app: App, level: string, pages: Record<string, string>[]) {
  const p = new Participant(app);
  await p.answerAll(level, pages);
  return p;
}

describe("figures freeze once revealed (SPEC §6.1)", () => {
  it("a straggler after the reveal changes no figure; the page says an answer waits; k new answers refresh it", async () => {
    const { app } = await room();
    await post(app, "/e/e1/vis");
    const first = await page(app, "/e/e1");
    expect(first).toMatch(/<th scope="row">Medarbejder<\/th><td class="num n">3<\/td><td class="num"><span class="fig">2,0<\/span><\/td>/);
    await answered(app, "medarbejder", HIGH);
    const after = await page(app, "/e/e1");
    // Unchanged to the character: no row gains the straggler's answer.
    expect(figures(after)).toBe(figures(first));
    expect(after).toContain("1 nyt svar venter — tallene opdateres, når det kan ske uden at afsløre nogen.");
    expect(after).not.toMatch(/Medarbejder[^<]*<\/th><td class="num n">4</);
    await answered(app, "medarbejder", HIGH);
    expect(figures(await page(app, "/e/e1"))).toBe(figures(first));
    await answered(app, "medarbejder", HIGH);
    const refreshed = await page(app, "/e/e1");
    expect(refreshed).toContain("Tallene er opdateret og bygger nu på 9 svar.");
    // By hand: employees (25·3 + 100·3)/6 = 62.5 → 1 + 4·0.625 = 3.5; the room (75·3 + 25·3 + 100·3)/9 = 66.67 → 3.67 → 3,7.
    expect(refreshed).toMatch(/<th scope="row">Medarbejder<\/th><td class="num n">6<\/td><td class="num"><span class="fig">3,5<\/span><\/td>/);
    expect(refreshed).toMatch(/Hele rummet \(ledere\)<\/th><td class="num n">9<\/td><td class="num"><span class="fig">3,7<\/span><\/td>/);
  });

  it("the same record holds after a restart (a new server shows the frozen figures)", async () => {
    const { app, w } = await room();
    await post(app, "/e/e1/vis");
    const first = await page(app, "/e/e1");
    await answered(app, "leder", HIGH);
    const { app: again } = await testApp(w);
    const html = await page(again, "/e/e1");
    expect(figures(html)).toBe(figures(first));
    expect(html).toContain("1 nyt svar venter");
  });

  it("a round-2 straggler: the round closes when its figures are revealed; round 1 is kept in konsensus.yaml", async () => {
    const { app, dir, people } = await room();
    await post(app, "/e/e1/vis");
    await post(app, "/e/e1/runde");
    // Round 1's figures are in konsensus.yaml at once, though nothing is agreed: n 6, mean 3.0, sd √750/25 = 1.10.
    const kept = parse(readFileSync(join(dir, "konsensus.yaml"), "utf8"));
    expect(kept.rounds.e1).toEqual([{ round: 1, n: 6, mean: 3, sd: 1.1 }]);
    for (const p of people.slice(0, 5)) await p.post("/runde", { i1: "3", i2: "3", i3: "3", handling: "indsend" });
    await post(app, "/e/e1/vis");
    const shown = await page(app, "/e/e1");
    const late = await people[5]!.post("/runde", { i1: "5", i2: "5", i3: "1", handling: "indsend" });
    expect(late.status).toBe(303);
    expect(late.headers.get("location")).toBe(`/${ACCESS.join}/resultat`);
    expect(readFileSync(join(dir, "runder", "e1-runde-2.csv"), "utf8").trimEnd().split("\r\n")).toHaveLength(6);
    expect(figures(await page(app, "/e/e1"))).toBe(figures(shown));
  });

  it("status, export and the report print the frozen figures, never the straggler's", async () => {
    const { app, dir } = await room();
    await post(app, "/e/e1/vis");
    await answered(app, "medarbejder", HIGH);
    const { workshopStatus } = await import("../../src/cli/commands/workshop/status.ts");
    const { memoryIo } = await import("../../src/cli/io.ts");
    const { io, stdout: out } = memoryIo(dir);
    expect(await workshopStatus({ dir }, io)).toBe(0);
    // The frozen 6 answers: leaders 4.0 (n 3), employees 2.0 (n 3); never n = 4 for the employees.
    expect(out()).toMatch(/Medarbejder\s+n=\s+3/);
    expect(out()).not.toMatch(/Medarbejder\s+n=\s+4/);
  });
});

describe("the expected headcount (SPEC §6.1)", () => {
  it("sybil sessions are refused on the level page once the level is full: no progress file, no row", async () => {
    const { w, dir } = await newWorkshop();
    await saveHeadcount(w, { leder: 1, medarbejder: 3 });
    const { app } = await testApp(w);
    await answered(app, "leder", LEDER);
    const files = () => readdirSync(join(dir, "fremdrift")).length;
    const before = files();
    for (let i = 0; i < 4; i++) {
      const fake = new Participant(app);
      await fake.post("/start", {});
      const res = await fake.post("/niveau", { niveau: "leder" });
      expect(res.status).toBe(409);
      expect(await res.text()).toContain("<h1>Niveauet er fuldt</h1>");
    }
    expect(files()).toBe(before);
    expect(dataRows(dir)).toHaveLength(1);
    expect(await page(app)).toMatch(/<li>Leder: <strong>0<\/strong> af 1<\/li>/);
    expect(await page(app)).not.toContain("Alle med adressen kan svare");
  });

  it("an abandoned session can be released, and its place on the level is free again", async () => {
    const { w } = await newWorkshop();
    await saveHeadcount(w, { leder: 1, medarbejder: 3 });
    const { app } = await testApp(w);
    const gone = new Participant(app);
    await gone.post("/start", {});
    await gone.post("/niveau", { niveau: "leder" });
    const next = new Participant(app);
    await next.post("/start", {});
    expect((await next.post("/niveau", { niveau: "leder" })).status).toBe(409);
    const handle = /name="session" value="([0-9a-f]{16})"/.exec(await page(app))![1]!;
    expect((await post(app, "/frigiv", { session: handle })).status).toBe(303);
    expect((await next.post("/niveau", { niveau: "leder" })).status).toBe(303);
  });

  it("workshop new --deltagere (--expect) writes deltagere: into workshop.yaml; a level that does not exist is refused with the levels named", async () => {
    const { workshopNew } = await import("../../src/cli/commands/workshop/new.ts");
    const { memoryIo } = await import("../../src/cli/io.ts");
    const { tmpDir, MINI } = await import("../helpers/paths.ts");
    const dir = join(tmpDir(), "ws");
    expect(await workshopNew({ dir, questionnaire: MINI, title: "T", expect: "leder=2, medarbejder=12" }, memoryIo(dir).io)).toBe(0);
    expect(parse(readFileSync(join(dir, "workshop.yaml"), "utf8")).deltagere).toEqual({ leder: 2, medarbejder: 12 });
    const other = join(tmpDir(), "ws");
    const err = await workshopNew({ dir: other, questionnaire: MINI, title: "T", expect: "chef=2" }, memoryIo(other).io).catch((e: unknown) => e);
    expect((err as { exitCode: number }).exitCode).toBe(2);
    expect((err as { text: { da: string } }).text.da).toContain("niveauerne er leder, medarbejder");
  });

  it("the headcount is set on the overview and kept in workshop.yaml", async () => {
    const { w, dir } = await newWorkshop();
    const { app } = await testApp(w);
    expect(await page(app)).toContain("Alle med adressen kan svare — også mere end én gang");
    await post(app, "/deltagere", { "n-leder": "2", "n-medarbejder": "12" });
    expect(parse(readFileSync(join(dir, "workshop.yaml"), "utf8")).deltagere).toEqual({ leder: 2, medarbejder: 12 });
    expect(await page(app)).toMatch(/<strong>0<\/strong> af 14 har svaret/);
  });

  it("37 Starts lock nobody out, also after a restart: only a chosen level takes a place", async () => {
    const { w, dir } = await newWorkshop(["2"]);
    const { app } = await testApp(w);
    for (let i = 0; i < 37; i++) expect((await new Participant(app).post("/start", {})).status).toBe(303);
    expect(readdirSync(join(dir, "fremdrift"))).toEqual([]);
    const { app: restarted } = await testApp(w);
    await answered(restarted, "leder", LEDER);
    await answered(restarted, "medarbejder", MEDARBEJDER);
    expect(dataRows(dir)).toHaveLength(2);
  });
});

describe("rows nobody can tie to a person (SPEC §6.1)", () => {
  it("rows are sorted by pseudonym, submitted_at is the workshop's date, fremdrift/ keeps no time of day", async () => {
    const { w, dir } = await newWorkshop();
    const { app } = await testApp(w);
    for (let i = 0; i < 6; i++) await answered(app, i % 2 ? "leder" : "medarbejder", i % 2 ? LEDER : MEDARBEJDER);
    const rows = dataRows(dir);
    const ids = rows.map((r) => r.split(",")[0]!);
    expect(ids).toEqual([...ids].sort());
    for (const r of rows) expect(r.split(",")[5]).toBe("2026-03-02");
    for (const f of readdirSync(join(dir, "fremdrift"))) {
      const p = JSON.parse(readFileSync(join(dir, "fremdrift", f), "utf8"));
      expect(p.started_at).toBe("2026-03-02");
      expect(p.submitted_at).toBe("2026-03-02");
    }
  });

  it("a held lock: the participant is told in words, the last page is kept, and Indsend again completes the row", async () => {
    const { w, dir } = await newWorkshop();
    const { app } = await testApp(w, [], { lockTimeoutMs: 200 });
    const p = new Participant(app);
    await p.post("/start", {});
    await p.post("/niveau", { niveau: "leder" });
    await p.post("/side/1", { ...LEDER[0], handling: "naeste" });
    await p.post("/side/2", { ...LEDER[1], handling: "naeste" });
    const lock = join(dir, "besvarelser.csv.lock");
    writeFileSync(lock, String(process.pid));
    const held = await p.post("/side/3", { i6: "4", kommentar: "Sidste side", handling: "indsend" });
    expect(held.status).toBe(503);
    expect(await held.text()).toContain("Dine svar er gemt på computeren; tryk Indsend igen om lidt.");
    expect(dataRows(dir)).toHaveLength(0);
    const saved = JSON.parse(readFileSync(join(dir, "fremdrift", readdirSync(join(dir, "fremdrift"))[0]!), "utf8"));
    expect(saved.answers.i6).toBe(4);
    expect(saved.comments.e3 ?? Object.values(saved.comments)).toBeTruthy();
    const { rmSync } = await import("node:fs");
    rmSync(lock);
    const retry = await p.post("/indsend", { handling: "indsend" });
    expect(retry.status).toBe(303);
    expect(retry.headers.get("location")).toBe(`/${ACCESS.join}/resultat`);
    expect(dataRows(dir)).toHaveLength(1);
    expect(dataRows(dir)[0]).toContain("Sidste side");
  });

  it("a torn row from an older version is never an answer: the retry replaces it, and the tools name the line", async () => {
    const { w, dir } = await newWorkshop();
    const { app } = await testApp(w);
    await answered(app, "leder", LEDER);
    const file = join(dir, "besvarelser.csv");
    const good = readFileSync(file, "utf8");
    writeFileSync(file, `${good}w-00000000000000ff,mini,2,leder,Testdag,2026-03-02,5,4\r\n`);
    const { workshopStatus } = await import("../../src/cli/commands/workshop/status.ts");
    const { memoryIo } = await import("../../src/cli/io.ts");
    const { io } = memoryIo(dir);
    const err = await workshopStatus({ dir }, io).catch((e: Error) => e);
    expect(String((err as Error).message)).toMatch(/besvarelser\.csv:3/);
    expect(String((err as Error).message)).toMatch(/Ret eller slet linjen/);
    expect(existsSync(file)).toBe(true);
  });
});
