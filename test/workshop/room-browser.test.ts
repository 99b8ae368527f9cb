import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openWorkshop } from "../../src/adapters/workshop-store/workshop-folder.ts";
import { workshopView } from "../../src/cli/commands/workshop/room-store.ts";
import { cli } from "../helpers/spawn.ts";
import { fixture, tmpDir } from "../helpers/paths.ts";
import { launchChromium, seriousViolations } from "../helpers/browser.ts";
import { missing } from "../helpers/system.ts";
import { pdfText } from "./answered.ts";
import { exited, HttpParticipant, serveBuilt, type Served } from "./server.ts";

const SHOTS = "/tmp/wt12-shots";
const MIRROR = fixture("questionnaires", "valid", "mirror.yaml");

/**
 * The answers, per level (mirror.yaml, scale 1-5; t3 is reverse-keyed):
 *   chef ×4:            t1 2, t3 3       → e1 2.0, e2 3.0 (hidden: the complement of the teamleders)
 *   afdelingsleder ×6:  t1 4, t2 4, t3 2 → e1 4.0, e2 4.0
 *   teamleder ×2:       t1 1, t2 2, t3 5, t4 2 → e1 1.5, e2 1.5 (hidden: fewer than 3)
 * The room (12): e1 (4·25 + 6·75 + 2·12.5)/12 = 47.92 → 2.9; e2 (4·50 + 6·75 + 2·12.5)/12 = 56.25 → 3.3 (worked by hand).
 */
const PAGES: Record<string, Record<string, string>[]> = {
  chef: [{ t1: "2" }, { t3: "3" }],
  afdelingsleder: [{ t1: "4", t2: "4" }, { t3: "2" }],
  teamleder: [{ t1: "1", t2: "2" }, { t3: "5", t4: "2" }],
};
/** The hidden cells' means, worked out by hand from the answers above: chef e1 2.0 and e2 3.0, teamleder 1.5 both. */
const HIDDEN_MEANS = ["2,0", "3,0", "1,5"];

async function answerByHttp(url: string, level: string) {
  const p = new HttpParticipant(url);
  await p.post("start", { handling: "start" });
  await p.post("niveau", { niveau: level, handling: "naeste" });
  const pages = PAGES[level]!;
  for (let i = 0; i < pages.length; i++) await p.post(`side/${i + 1}`, { ...pages[i], handling: i === pages.length - 1 ? "indsend" : "naeste" });
}

const AGREE = {
  e1: { score: "3", rationale: "Retningen er kendt, men når ikke ud.", dissent: "Teamlederne ser det anderledes.", strengths: "Klare politiske mål", improvements: "Målene når ikke teamene",
    actions: [["Tre stabile mål for 2027", "Chefgruppen", "2027-03-01", "Alle kan nævne målene"], ["Teammøder om målene", "Afdelingslederne", "2027-04-15", "Referat fra hvert team"]] },
  e2: { score: "3.5", rationale: "Opfølgningen er god på afdelingsniveau.", dissent: "", strengths: "Faste møder", improvements: "Data bruges for lidt",
    actions: [["Kvartalsvise data til teams", "Staben", "2027-02-01", "Data på alle teammøder"], ["Fælles dagsorden", "Chefgruppen", "2027-05-30", "Dagsorden i brug"]] },
} as const;

let browser: Browser;
let served: Served | undefined;

describe.skipIf(missing("chromium"))("the whole workshop in a real browser (chromium)", () => {
  beforeAll(async () => {
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    served?.child.kill("SIGKILL");
  });

  it("12 answer, the facilitator reveals two elements and agrees them, restarts, edits a rationale; the report holds it all and no figure below k", async () => {
    const dir = join(tmpDir(), "ws");
    expect(cli(["workshop", "new", dir, MIRROR, "--title", "Ledelsesdag"]).code).toBe(0);
    served = await serveBuilt(dir);
    const url = served.participants[0]!;

    // The facilitator's overview is open on the projector while answers come in.
    const room = await browser.newContext({ viewport: { width: 1920, height: 1080 }, bypassCSP: true });
    const f = await room.newPage();
    const errors: string[] = [];
    f.on("pageerror", (e) => void errors.push(e.message));
    await f.goto(served.facilitator);
    await f.screenshot({ path: join(SHOTS, "1920-1-overview-empty.png") });
    expect(await f.textContent("#deltagelse")).toContain("0 har svaret");

    for (let i = 0; i < 4; i++) await answerByHttp(url, "chef");
    for (let i = 0; i < 5; i++) await answerByHttp(url, "afdelingsleder");
    await answerByHttp(url, "teamleder");
    // live: the count changes without a reload (live.js polls every 3 s)
    await expect.poll(() => f.textContent("#deltagelse"), { timeout: 10_000 }).toContain("10 har svaret");

    // Two participants through the browser: one afdelingsleder, one teamleder.
    const phones = [];
    for (const [level, label] of [["afdelingsleder", "Afdelingsleder"], ["teamleder", "Teamleder"]] as const) {
      // A phone each: the participant cookie belongs to one person. bypassCSP only so that axe can be added later.
      const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
      phones.push(phone);
      const p = await phone.newPage();
      await p.goto(url);
      await p.getByRole("button", { name: "Start" }).click();
      await p.getByLabel(label, { exact: true }).check();
      await p.getByRole("button", { name: "Næste" }).click();
      const pages = PAGES[level]!;
      const labels: Record<string, string> = { "1": "Slet ikke", "2": "I mindre grad", "3": "I nogen grad", "4": "I høj grad", "5": "I meget høj grad" };
      const texts: Record<string, string> = { t1: "Første praksis", t2: "Anden praksis", t3: "Tredje praksis (omvendt)", t4: "Fjerde praksis" };
      for (let i = 0; i < pages.length; i++) {
        await expect.poll(() => p.textContent("body")).toContain(`Side ${i + 1} af ${pages.length}`);
        for (const [item, value] of Object.entries(pages[i]!)) await p.getByRole("group", { name: texts[item]! }).getByLabel(labels[value]!, { exact: true }).check();
        await p.getByRole("button", { name: i === pages.length - 1 ? "Indsend" : "Næste" }).click();
      }
      await expect.poll(() => p.textContent("h1")).toContain("Dit resultat");
    }
    await expect.poll(() => f.textContent("#deltagelse"), { timeout: 10_000 }).toContain("12 har svaret");
    await f.screenshot({ path: join(SHOTS, "1920-2-overview-12.png") });
    expect(await seriousViolations(f)).toEqual([]);

    for (const id of ["e1", "e2"] as const) {
      await f.getByRole("link", { name: id === "e1" ? "Element 1" : "Element 2", exact: true }).click();
      await expect.poll(() => f.textContent("h1")).toContain(id === "e1" ? "Element 1" : "Element 2");
      expect(await f.textContent("#tal")).not.toMatch(/\d,\d/); // nothing before the reveal
      if (id === "e1") await f.screenshot({ path: join(SHOTS, "1920-3-e1-before-reveal.png") });
      await f.getByRole("button", { name: "Vis tallene" }).click();
      await expect.poll(() => f.textContent("#tal")).toContain("Gennemsnit pr. niveau");
      const figures = (await f.textContent("#tal"))!;
      expect(figures).toContain(id === "e1" ? "2,9" : "3,3");
      expect(figures).toContain("færre end 3 besvarelser");
      expect(figures).toContain("skjult, så tallet for en lille gruppe ikke kan regnes ud");
      expect(figures).not.toContain("1,5");
      expect(figures).not.toContain(id === "e1" ? "2,0" : "3,0");
      await f.screenshot({ path: join(SHOTS, `1920-4-${id}-revealed.png`), fullPage: true });
      expect(await seriousViolations(f)).toEqual([]);
      const a = AGREE[id];
      await f.getByLabel(/Aftalt score/).selectOption(a.score);
      await f.getByLabel("Begrundelse").fill(a.rationale);
      await f.getByLabel(/Afvigende synspunkter/).fill(a.dissent);
      await f.getByLabel("Styrker").fill(a.strengths);
      await f.getByLabel("Forbedringsområder").fill(a.improvements);
      for (const [i, [what, who, when, success]] of a.actions.entries()) {
        const action = f.getByRole("group", { name: `Handling ${i + 1}` });
        await action.getByLabel("Hvad").fill(what);
        await action.getByLabel("Hvem").fill(who);
        await action.getByLabel("Hvornår (dato)").fill(when);
        await action.getByLabel("Succeskriterium").fill(success);
      }
      await f.getByRole("button", { name: "Gem konsensus" }).click();
      await expect.poll(() => f.textContent("body")).toContain("Gemt i konsensus.yaml og handleplan.csv.");
      await f.getByRole("link", { name: "Oversigt" }).click();
    }
    // A second round for element 2: the afdelingsleder's phone, reloaded, shows the element again.
    await f.goto(`${served.facilitator}/e/e2`);
    await f.getByRole("button", { name: /Start runde 2/ }).click();
    await expect.poll(() => f.textContent("h1")).toContain("runde 2");
    const again = phones[0]!.pages()[0]!;
    await again.reload();
    await expect.poll(() => again.textContent("body")).toContain("Runde 2");
    expect(await seriousViolations(again)).toEqual([]);
    await again.screenshot({ path: join(SHOTS, "390-revote.png"), fullPage: true });
    await again.getByRole("group", { name: "Tredje praksis (omvendt)" }).getByLabel("I nogen grad", { exact: true }).check();
    await again.getByRole("button", { name: "Indsend" }).click();
    await expect.poll(() => again.textContent("body")).toContain("Dit svar i runde 2 er med.");
    for (const phone of phones) await phone.close();
    // One re-vote is below k: the projector says so instead of showing it.
    await f.getByRole("button", { name: "Vis tallene" }).click();
    await expect.poll(() => f.textContent("#tal")).toContain("Ingen tal kan vises for dette element endnu.");
    expect(await f.textContent("#deltagelse")).toContain("Runde 2: 1 har svaret igen");
    await f.screenshot({ path: join(SHOTS, "1920-5-e2-round2-one-answer.png") });
    expect(await seriousViolations(f)).toEqual([]);

    await f.setViewportSize({ width: 1280, height: 720 });
    await f.goto(`${served.facilitator}/e/e1`);
    await f.screenshot({ path: join(SHOTS, "1280-1-e1-agreed.png"), fullPage: true });
    await f.goto(served.facilitator);
    await f.screenshot({ path: join(SHOTS, "1280-2-overview.png") });
    expect(await seriousViolations(f)).toEqual([]);
    expect(errors).toEqual([]);

    // The server is restarted; the facilitator edits one rationale.
    served.child.kill("SIGINT");
    expect(await exited(served.child)).toBe(130);
    served = await serveBuilt(dir);
    await f.goto(`${served.facilitator}/e/e1`);
    expect(await f.getByLabel("Begrundelse").inputValue()).toBe(AGREE.e1.rationale);
    expect(await f.textContent("#tal")).toContain("2,9"); // still revealed
    const edited = "Retningen er kendt af chefer og afdelingsledere, men når ikke teamene.";
    await f.getByLabel("Begrundelse").fill(edited);
    await f.getByRole("button", { name: "Gem konsensus" }).click();
    await expect.poll(() => f.textContent("body")).toContain("Gemt i konsensus.yaml");
    await room.close();
    served.child.kill("SIGINT");
    expect(await exited(served.child)).toBe(130);
    served = undefined;

    const saved = parse(readFileSync(join(dir, "konsensus.yaml"), "utf8"));
    expect(saved.elements.e1.rationale).toBe(edited);
    expect(saved.elements.e1.rounds).toEqual([{ round: 1, n: 12, mean: 2.92, sd: 1.14 }]); // Python: statistics.stdev → 1.1448
    expect(saved.elements.e2.score).toBe(3.5);
    expect(readFileSync(join(dir, "handleplan.csv"), "utf8").trimEnd().split("\r\n")).toHaveLength(5);

    const pdf = join(dir, "rapport.pdf");
    expect(cli(["workshop", "report", dir, "--out", pdf], { env: { SOURCE_DATE_EPOCH: "1772443800" } }).code).toBe(0);
    const text = (await pdfText(pdf)).replace(/\s+/g, " ");
    for (const s of [edited, AGREE.e2.rationale, AGREE.e1.dissent, ...Object.values(AGREE).flatMap((a) => a.actions.flat())]) expect(text).toContain(s);
    // No figure of a group below k: the engine's hidden cells, and their means computed here from the answers.
    const view = await workshopView(await openWorkshop(dir), "da");
    const hidden = view.elements.flatMap((e) => e.levels.filter((l) => l.row.suppressed).map((l) => `${e.id}:${l.key}`));
    expect(hidden.sort()).toEqual(["e1:chef", "e1:teamleder", "e2:chef", "e2:teamleder"]);
    expect(text).toContain("Chef skjult, så tallet for en lille gruppe ikke kan regnes ud (n = 4) Afdelingsleder 4,0 (n = 6) Teamleder færre end 3 besvarelser (n = 2)");
    for (const mean of HIDDEN_MEANS) expect(text).not.toContain(mean);
    expect(text).toContain("Afdelingsleder 4,0");
  }, 240_000);
});
