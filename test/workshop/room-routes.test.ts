import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ACCESS, newWorkshop, ORIGIN, Participant, testApp } from "./helpers.ts";

const F = `/f/${ACCESS.secret}`;
// e1 per respondent: leder i1=4, i2=4, i3=2 (reverse → 4) → 75 = 4.0 on the scale; medarbejder 2, 2, 4 → 25 = 2.0.
const LEDER: Record<string, string>[] = [{ i1: "4", i2: "4", i3: "2" }, { i4: "3" }, { i6: "3" }];
const MEDARBEJDER: Record<string, string>[] = [{ i1: "2", i2: "2", i3: "4" }, { i5: "3" }, { i6: "3" }];

type App = Awaited<ReturnType<typeof testApp>>["app"];
const post = (app: App, path: string, fields: Record<string, string> = {}) =>
  app.request(`${F}${path}`, { method: "POST", body: new URLSearchParams(fields), headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN } });
const page = async (app: App, path = "") => (await app.request(`${F}${path}`)).text();
const page_ = page;

async function room(leaders = 3, employees = 3) {
  const made = await newWorkshop();
  const { app } = await testApp(made.w);
  for (let i = 0; i < leaders; i++) await new Participant(app).answerAll("leder", LEDER);
  for (let i = 0; i < employees; i++) await new Participant(app).answerAll("medarbejder", MEDARBEJDER);
  return { ...made, app };
}

const AGREED = {
  score: "3", rationale: "Målene er kendte, men skifter for ofte.", dissent: "", strengths: "Stabile mål\nKlar retning", improvements: "Målene når ikke ud",
  "action-0-what": "Tre stabile mål", "action-0-who": "Chefgruppen", "action-0-when": "2027-03-01", "action-0-success": "Alle kan nævne dem",
  "action-1-what": "=Møde med teams", "action-1-who": "Teamlederne", "action-1-when": "2027-04-01", "action-1-success": "Referat",
};

describe("the facilitator's room", () => {
  it("shows nothing of an element before the reveal, and the engine's figures after it", async () => {
    const { app } = await room();
    const before = await page(app, "/e/e1");
    expect(before).toContain("Vis tallene");
    expect(before).not.toMatch(/Gennemsnit pr\. niveau|4,0|2,0|Stor spredning/);
    expect((await post(app, "/e/e1/vis")).status).toBe(303);
    const after = await page(app, "/e/e1");
    expect(after).toMatch(/<th scope="row">Leder<\/th><td class="num n">3<\/td><td class="num"><span class="fig">4,0<\/span><\/td>/);
    expect(after).toMatch(/<th scope="row">Medarbejder<\/th><td class="num n">3<\/td><td class="num"><span class="fig">2,0<\/span><\/td>/);
    expect(after).toMatch(/Hele rummet \(ledere\)<\/th><td class="num n">6<\/td><td class="num"><span class="fig">3,0<\/span><\/td>/);
    // sd of 75,75,75,25,25,25 is √750 = 27.39 score points = 1.1 scale points ≥ 1 → flagged; range 2 points.
    expect(after).toContain('<strong>⚑ Stor spredning:</strong> spænd <span class="fig">2,0</span> point, sd <span class="fig">1,1</span>');
    expect(after).toMatch(/⚑ stor forskel<\/strong> <span class="pair">Leder ↔ Medarbejder<\/span>: <span class="fig">2,0<\/span> point — leder vurderer højere end medarbejder/);
    // e2 is not revealed: its page still shows nothing
    expect(await page(app, "/e/e2")).not.toContain("Gennemsnit pr. niveau");
  });

  it("explains hidden cells: one employee is below k, and the complement rule hides the leaders too", async () => {
    const { app } = await room(3, 1);
    await post(app, "/e/e1/vis");
    const html = await page(app, "/e/e1");
    expect(html).toContain("færre end 3 besvarelser");
    expect(html).toContain("skjult, så tallet for en lille gruppe ikke kan regnes ud");
    expect(html).toContain("Tal vises kun for grupper med mindst 3 besvarelser.");
    expect(html).toMatch(/<th scope="row">Leder<\/th><td class="num n">3<\/td><td colspan="2"><span class="hidden-why">skjult, så/);
    expect(html).toMatch(/<th scope="row">Medarbejder<\/th><td class="num n">1<\/td><td colspan="2"><span class="hidden-why">færre end 3/);
    // the room's 4 together may be shown (the hidden cells hold 4 ≥ k): (75·3 + 25)/4 = 62.5 → 3.5
    expect(html).toMatch(/Hele rummet \(ledere\)<\/th><td class="num n">4<\/td><td class="num"><span class="fig">3,5<\/span><\/td>/);
    expect(html).not.toContain("4,0");
    expect(html).not.toContain("Leder ↔ Medarbejder");
  });

  it("says so when every level is below k, instead of empty charts", async () => {
    const { app } = await room(1, 1);
    await post(app, "/e/e1/vis");
    const html = await page(app, "/e/e1");
    expect(html).toContain("Ingen tal kan vises for dette element endnu.");
    expect(html).toContain("Alle niveauer har færre end 3 besvarelser.");
    expect(html).not.toContain("<table class=\"levels\"");
  });

  it("saves the consensus at once to konsensus.yaml and handleplan.csv, with the round's spread, and shows it again after a restart", async () => {
    const { app, w, dir } = await room();
    await post(app, "/e/e1/vis");
    const saved = await post(app, "/e/e1/konsensus", AGREED);
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(`${F}/e/e1?gemt=1`);
    const yaml = parse(readFileSync(join(dir, "konsensus.yaml"), "utf8"));
    expect(yaml.elements.e1).toMatchObject({
      score: 3, rationale: AGREED.rationale, strengths: ["Stabile mål", "Klar retning"], improvements: ["Målene når ikke ud"],
      actions: [{ what: "Tre stabile mål", who: "Chefgruppen", when: "2027-03-01", success: "Alle kan nævne dem" }, { what: "=Møde med teams" }],
      rounds: [{ round: 1, n: 6, mean: 3, sd: 1.1 }],
      decided_at: "2026-03-02T09:30:00+01:00",
    });
    expect(yaml.elements.e1.dissent).toBeUndefined();
    expect(readFileSync(join(dir, "handleplan.csv"), "utf8")).toBe(
      "element_id,handling,ansvarlig,frist,succeskriterium\r\ne1,Tre stabile mål,Chefgruppen,2027-03-01,Alle kan nævne dem\r\ne1,'=Møde med teams,Teamlederne,2027-04-01,Referat\r\n",
    );
    const { app: restarted } = await testApp(w);
    const html = await page(restarted, "/e/e1?gemt=1");
    expect(html).toContain("Gemt i konsensus.yaml");
    expect(html).toContain('<option value="3" selected>3</option>');
    expect(html).toContain("Målene er kendte, men skifter for ofte.</textarea>");
    expect(html).toContain('value="Chefgruppen"');
    expect(html).toContain("Runde 1: n 6, gns. 3, sd 1,1");
    expect(html).toContain("<strong>⚑ Stor spredning:</strong>"); // still revealed after the restart
    expect(await page(restarted)).toContain("aftalt: 3");
  });

  it("refuses an incomplete consensus with the fields named, and writes nothing", async () => {
    const { app, dir } = await room();
    const res = await post(app, "/e/e1/konsensus", { ...AGREED, score: "", rationale: " ", "action-0-when": "1. marts", "action-1-who": "" });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Konsensus er ikke gemt");
    expect(html).toMatch(/<a href="#score">Score: mangler/);
    expect(html).toMatch(/<a href="#rationale">Begrundelse: må ikke være tom/);
    expect(html).toContain('<a href="#action-0-when">Handling 1, when: skal være en dato som');
    expect(html).toContain('<a href="#action-1-who">Handling 2, who: må ikke være tom');
    expect(html).toContain('value="1. marts"'); // what was typed is kept
    expect(existsSync(join(dir, "konsensus.yaml"))).toBe(false);
    expect(existsSync(join(dir, "handleplan.csv"))).toBe(false);
  });

  it("a second round keeps round 1 beside it", async () => {
    const { app, dir } = await room();
    await post(app, "/e/e1/vis");
    await post(app, "/e/e1/konsensus", AGREED);
    expect((await post(app, "/e/e1/runde")).status).toBe(303);
    const html = await page(app, "/e/e1");
    expect(html).toContain("runde 2");
    expect(html).toContain("Vis tallene"); // the new round is hidden until revealed again
    await post(app, "/e/e1/vis");
    await post(app, "/e/e1/konsensus", { ...AGREED, score: "3.5" });
    const yaml = parse(readFileSync(join(dir, "konsensus.yaml"), "utf8"));
    expect(yaml.elements.e1.score).toBe(3.5);
    expect(yaml.elements.e1.rounds.map((r: { round: number }) => r.round)).toEqual([1, 2]);
  });

  it("runs only its own script under the facilitator's CSP; participants' pages still run none", async () => {
    const { app } = await room(0, 0);
    const res = await app.request(F);
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(await res.text()).toContain(`<script src="${F}/live.js" defer></script>`);
    const js = await app.request(`${F}/live.js`);
    expect(js.headers.get("content-type")).toContain("text/javascript");
    expect(await js.text()).toContain("data-live");
    const participant = await app.request(`/${ACCESS.join}/`);
    expect(participant.headers.get("content-security-policy")).not.toContain("script-src");
    expect((await app.request(`/f/${"T".repeat(32)}/e/e1`)).status).toBe(404);
    expect((await app.request(`${F}/e/nope`)).status).toBe(404);
  });

  it("in round 2 the participants answer the element again; the projector shows that round, and rounds 1 and 2 stand side by side", async () => {
    const { w, dir } = await newWorkshop();
    const { app } = await testApp(w);
    const leaders = [0, 1, 2].map(() => new Participant(app));
    const employees = [0, 1, 2].map(() => new Participant(app));
    for (const p of leaders) await p.answerAll("leder", LEDER);
    for (const p of employees) await p.answerAll("medarbejder", MEDARBEJDER);
    await post(app, "/e/e1/vis");
    await post(app, "/e/e1/konsensus", AGREED);
    // before a round is opened, a finished participant sees their result
    expect((await leaders[0]!.get("/resultat")).status).toBe(200);
    await post(app, "/e/e1/runde");
    const sent = await leaders[0]!.get("/resultat");
    expect(sent.status).toBe(303);
    expect(sent.headers.get("location")).toBe(`/${ACCESS.join}/runde`);
    const page = await (await leaders[0]!.get("/runde")).text();
    expect(page).toContain("Runde 2");
    expect(page).not.toContain("checked"); // a fresh vote
    expect(await page_(app, "/e/e1")).toContain("Runde 2: <strong>0</strong> har svaret igen");
    // After the discussion everyone answers e1 with 3 (i3 reverse: 3 → 3): 50 = 3.0 on the scale, sd 0.
    for (const p of [...leaders, ...employees]) {
      const res = await p.post("/runde", { i1: "3", i2: "3", i3: "3", handling: "indsend" });
      expect(await res.text()).toContain("Dit svar i runde 2 er med.");
    }
    // a second post changes nothing: one answer per participant and round
    await leaders[0]!.post("/runde", { i1: "5", i2: "5", i3: "1", handling: "indsend" });
    expect(readFileSync(join(dir, "runder", "e1-runde-2.csv"), "utf8").trimEnd().split("\r\n")).toHaveLength(7);
    expect((await leaders[0]!.get("/resultat")).status).toBe(200);
    await post(app, "/e/e1/vis");
    const html = await page_(app, "/e/e1");
    expect(html).toContain("Runde 2: <strong>6</strong> har svaret igen");
    expect(html).toMatch(/Hele rummet \(ledere\)<\/th><td class="num n">6<\/td><td class="num"><span class="fig">3,0<\/span><\/td>/);
    expect(html).not.toContain("Stor spredning");
    await post(app, "/e/e1/konsensus", { ...AGREED, score: "3" });
    const yaml = parse(readFileSync(join(dir, "konsensus.yaml"), "utf8"));
    expect(yaml.elements.e1.rounds).toEqual([{ round: 1, n: 6, mean: 3, sd: 1.1 }, { round: 2, n: 6, mean: 3, sd: 0 }]);
    // besvarelser.csv keeps the first answers only
    expect(readFileSync(join(dir, "besvarelser.csv"), "utf8").trimEnd().split("\r\n")).toHaveLength(7);
  });

  it("speaks English when the workshop does (workshop.yaml language: en)", async () => {
    const { w, dir } = await newWorkshop();
    writeFileSync(join(dir, "workshop.yaml"), readFileSync(join(dir, "workshop.yaml"), "utf8").replace("language: da", "language: en"));
    const { app } = await testApp({ ...w, config: { ...w.config, language: "en" } });
    for (let i = 0; i < 3; i++) await new Participant(app).answerAll("leder", LEDER);
    const before = await page(app, "/e/e1");
    expect(before).toContain('<html lang="en" class="room">');
    expect(before).toContain("Reveal the figures");
    expect(before).toContain("Agreed score (1-5)");
    await post(app, "/e/e1/vis");
    const after = await page(app, "/e/e1");
    expect(after).toContain("Mean per level (scale 1-5)");
    expect(after).toMatch(/The whole room \(leaders\)<\/th><td class="num n">3<\/td><td class="num"><span class="fig">4\.0<\/span><\/td>/);
    expect(after).not.toMatch(/Gennemsnit|Vis tallene|Gem konsensus/);
  });
});
