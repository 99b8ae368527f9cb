import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { levelPage } from "../../src/adapters/web/pages/participant.ts";
import { openWorkshop } from "../../src/adapters/workshop-store/workshop-folder.ts";
import { workshopNew } from "../../src/cli/commands/workshop/new.ts";
import { memoryIo } from "../../src/cli/io.ts";
import { loadValid } from "../helpers/load.ts";
import { fixture, ROOT, tmpDir } from "../helpers/paths.ts";
import { ACCESS, dataRows, newWorkshop, Participant, testApp } from "./helpers.ts";

const page = (p: Participant, n: number) => p.get(`/side/${n}`).then((r) => r.text());
const visible = (html: string) => html.replace(/<[^>]+>/g, "").replace(/\s+/g, " ");

describe("the phone: a gentle prompt for unanswered statements (answering stays optional)", () => {
  it("asks once, keeps what was answered, and goes on with Fortsæt alligevel", async () => {
    const { app } = await testApp((await newWorkshop()).w);
    const p = new Participant(app);
    await p.post("/start", { handling: "start" });
    await p.post("/niveau", { niveau: "leder", handling: "naeste" });
    expect(await page(p, 1)).toContain('<input type="hidden" name="tjek" value="1">');

    // Page 1 of mini.yaml has three statements for leder; one answered.
    const asked = await p.post("/side/1", { tjek: "1", i1: "4", handling: "naeste" });
    expect(asked.status).toBe(303);
    expect(asked.headers.get("location")).toBe(`/${ACCESS.join}/side/1?mangler`);
    const prompt = await (await p.get("/side/1?mangler")).text();
    expect(visible(prompt)).toContain("Du har ikke svaret på 2 udsagn — fortsæt alligevel?");
    // The two statements left, as links to their radio groups; the one answer is kept.
    expect(prompt).toContain('<a href="#udsagn-i2">Andet udsagn</a>');
    expect(prompt).toContain('<a href="#udsagn-i3">Tredje udsagn (omvendt)</a>');
    expect(prompt).not.toContain('href="#udsagn-i1"');
    expect(prompt).toMatch(/id="i1-4" name="i1" value="4" checked>/);
    expect(prompt).toContain('<button type="submit" form="svar" name="handling" value="fortsaet" class="secondary">Fortsæt alligevel</button>');
    expect(prompt).toMatch(/<title>Ubesvarede udsagn: /);
    // Without the query the page is plain again (a reload of the page itself does not nag).
    expect(await page(p, 1)).not.toContain("fortsæt alligevel?");

    // Answering one more and pressing Næste again: asked again, now about one.
    await p.post("/side/1", { tjek: "1", i1: "4", i2: "ved_ikke", handling: "naeste" });
    expect(visible(await (await p.get("/side/1?mangler")).text())).toContain("Du har ikke svaret på 1 udsagn — fortsæt alligevel?");
    const onward = await p.post("/side/1", { tjek: "1", i1: "4", i2: "ved_ikke", handling: "fortsaet" });
    expect(onward.headers.get("location")).toBe(`/${ACCESS.join}/side/2`);

    // Tilbage never asks; a fully answered page goes straight on.
    expect((await p.post("/side/2", { tjek: "1", handling: "tilbage" })).headers.get("location")).toBe(`/${ACCESS.join}/side/1`);
    expect((await p.post("/side/1", { tjek: "1", i1: "4", i2: "ved_ikke", i3: "2", handling: "naeste" })).headers.get("location")).toBe(`/${ACCESS.join}/side/2`);
    // "Ved ikke" counts as an answer: nothing to ask about.
    expect((await p.post("/side/2", { tjek: "1", i4: "ved_ikke", handling: "naeste" })).headers.get("location")).toBe(`/${ACCESS.join}/side/3`);
  });

  it("on the last page, Fortsæt alligevel submits with the statements left empty", async () => {
    const { dir, w } = await newWorkshop();
    const { app } = await testApp(w);
    const p = new Participant(app);
    await p.post("/start", { handling: "start" });
    await p.post("/niveau", { niveau: "leder", handling: "naeste" });
    await p.post("/side/1", { tjek: "1", i1: "5", i2: "5", i3: "5", handling: "naeste" });
    await p.post("/side/2", { tjek: "1", i4: "5", handling: "naeste" });
    const asked = await p.post("/side/3", { tjek: "1", i6: "3", handling: "indsend" });
    expect(asked.headers.get("location")).toBe(`/${ACCESS.join}/side/3?mangler`);
    expect(dataRows(dir)).toEqual([]);
    const done = await p.post("/side/3", { tjek: "1", i6: "3", handling: "fortsaet" });
    expect(done.headers.get("location")).toBe(`/${ACCESS.join}/resultat`);
    // i1…i8: i5 not asked of leder, i7 and i8 left empty.
    expect(dataRows(dir)).toHaveLength(1);
    expect(dataRows(dir)[0]).toMatch(/,5,5,5,5,,3,,,/);
  });
});

describe("the phone: plain words for the mirror level", () => {
  it("the shipped questionnaire's mirror level says what the respondent does; descriptions wait behind Læs mere", () => {
    const q = loadValid(join(ROOT, "questionnaires", "faglig-ledelse.yaml"));
    const html = String(levelPage({ lang: "da", base: "/x", title: "T", q, k: 5 }, null, 12));
    expect(visible(html)).toContain("Medarbejder — du vurderer din nærmeste leder");
    expect(html).not.toContain("(spejl)");
    // One disclosure per level with a description, native and closed: no script needed, short until opened.
    expect(html.match(/<details class="more"><summary>Læs mere<span class="visually-hidden"> om [^<]+<\/span><\/summary>/g)).toHaveLength(q.levels.length);
    expect(html).not.toMatch(/<details[^>]* open/);
    const en = visible(String(levelPage({ lang: "en", base: "/x", title: "T", q, k: 5 }, null, 12)));
    expect(en).toContain("Staff — you rate your nearest leader");
    expect(en).toContain("Read more about Team leader");
  });

  it("a mirror respondent's result is framed as how they see their leader; a leader's as their own", async () => {
    const dir = join(tmpDir("ws-"), "ws");
    await workshopNew({ dir, questionnaire: fixture("questionnaires", "valid", "mirror.yaml"), title: "Spejldag" }, memoryIo(dir).io, { now: () => new Date("2026-03-02T09:30:00+01:00") });
    const { app } = await testApp(await openWorkshop(dir));
    const result = async (level: string, pages: Record<string, string>[]) => {
      const p = new Participant(app);
      await p.answerAll(level, pages);
      return (await p.get("/resultat")).text();
    };
    const mirror = await result("medarbejder", [{ m1: "4" }, { m2: "2" }]);
    expect(mirror).toContain("<h1>Tak! Sådan ser du din leder</h1>");
    expect(mirror).toContain("<title>Sådan ser du din leder</title>");
    expect(mirror).toContain("dine vurderinger af din nærmeste leder (Teamleder)");
    expect(mirror).not.toContain("Dit resultat");
    const leader = await result("teamleder", [{ t1: "4", t2: "4" }, { t3: "2", t4: "4" }]);
    expect(leader).toContain("<h1>Tak! Dit resultat</h1>");
    expect(leader).toContain("Dit ledelsesniveau: Teamleder");
  });
});
