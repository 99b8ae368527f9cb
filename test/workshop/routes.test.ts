import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ACCESS, csvOf, dataRows, newWorkshop, ORIGIN, Participant, testApp } from "./helpers.ts";

const LEDER_PAGES: Record<string, string>[] = [
  { i1: "5", i2: "4", i3: "2", kommentar: "Klare mål" },
  { i4: "ved_ikke" },
  { i6: "3", i7: "1" },
];

describe("the participant pages", () => {
  it("walk from welcome to result, and append exactly the answers given", async () => {
    const { dir, w } = await newWorkshop();
    const { app } = await testApp(w);
    const p = new Participant(app);
    const welcome = await p.get("/");
    expect(welcome.status).toBe(200);
    expect(welcome.headers.get("content-security-policy")).toContain("default-src 'none'");
    const page = await welcome.text();
    expect(page).toContain('<button type="submit" name="handling" value="start" class="primary">Start</button>');
    expect(page).toContain("mindst 3 personer"); // k of mini.yaml

    const started = await p.post("/start", { handling: "start" });
    expect(started.status).toBe(303);
    expect(started.headers.get("location")).toBe(`/${ACCESS.join}/niveau`);
    expect(p.cookie).toMatch(/^deltager=[A-Za-z0-9_-]{22}$/);
    const level = await (await p.get("/niveau")).text();
    expect(level).toMatch(/<legend><h1>Hvilket ledelsesniveau er du på\?<\/h1><\/legend>/);
    expect(level).toContain('<label for="niveau-leder">Leder</label>');

    await p.post("/niveau", { niveau: "leder", handling: "naeste" });
    const first = await (await p.get("/side/1")).text();
    expect(first).toContain("Side 1 af 3");
    expect(first).toContain("<legend>Første udsagn</legend>");
    expect(first).toContain('<label for="i1-ved_ikke">Ved ikke</label>');
    expect(first).toMatch(/value="naeste" class="primary">Næste<\/button>[\s\S]*value="tilbage" class="secondary">Tilbage<\/button>/);

    for (const [i, fields] of LEDER_PAGES.entries()) {
      const res = await p.post(`/side/${i + 1}`, { ...fields, handling: i === 2 ? "indsend" : "naeste" });
      expect(res.status).toBe(303);
    }
    const result = await p.get("/resultat");
    const html = await result.text();
    // By hand (SPEC §4): e1 = (100 + 75 + 75) / 3 = 83.33 → Høj; e2 only "ved ikke" → missing; e3 = (50 + 0) / 2 = 25 → Lav;
    // total = (83.33 + 25) / 2 = 54.17 → Middel.
    expect(html).toMatch(/<td>Element 1<\/td>\s*<td class="num">83<\/td>\s*<td>Høj<meter min="0" max="100" value="83"/);
    expect(html).toMatch(/<td>Element 2<\/td>\s*<td class="num">–<\/td>/);
    expect(html).toMatch(/<td>Element 3<\/td>\s*<td class="num">25<\/td>\s*<td>Lav<meter/);
    expect(html).toMatch(/<th scope="row">Samlet<\/th>\s*<td class="num">54<\/td>\s*<td>Middel<meter/);

    const rows = dataRows(dir);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/^w-[0-9a-f]{16},mini,2,leder,Testdag,2026-03-02,5,4,2,ved_ikke,,3,1,,Klare mål,,$/);
    // After submitting, the Indsend again neither appends nor changes anything.
    await p.post("/side/3", { i6: "5", handling: "indsend" });
    expect(dataRows(dir)).toEqual(rows);
    expect((await p.get("/")).headers.get("location")).toBe(`/${ACCESS.join}/resultat`);
  });

  it("Tilbage keeps the page's answers and returns to the page before; a changed answer is what is saved", async () => {
    const { dir, w } = await newWorkshop();
    const { app } = await testApp(w);
    const p = new Participant(app);
    await p.post("/start", {});
    await p.post("/niveau", { niveau: "leder" });
    await p.post("/side/1", { i1: "2", handling: "naeste" });
    const back = await p.post("/side/2", { i4: "4", handling: "tilbage" });
    expect(back.headers.get("location")).toBe(`/${ACCESS.join}/side/1`);
    expect(await (await p.get("/side/1")).text()).toMatch(/id="i1-2" name="i1" value="2" checked>/);
    await p.post("/side/1", { i1: "3", handling: "naeste" });
    expect(await (await p.get("/side/2")).text()).toMatch(/id="i4-4" name="i4" value="4" checked>/);
    await p.post("/side/2", { i4: "4", handling: "naeste" });
    await p.post("/side/3", { handling: "indsend" });
    expect(dataRows(dir)[0]).toMatch(/,leder,Testdag,[^,]+,3,,,4,,,,,,,$/);
  });

  it("resumes where the participant was after closing the page (the cookie is all it takes)", async () => {
    const { w } = await newWorkshop();
    const { app } = await testApp(w);
    const p = new Participant(app);
    await p.post("/start", {});
    await p.post("/niveau", { niveau: "medarbejder" });
    await p.post("/side/1", { i1: "1", handling: "naeste" });
    const again = await p.get("/");
    expect(again.status).toBe(303);
    expect(again.headers.get("location")).toBe(`/${ACCESS.join}/side/2`);
    expect(await (await p.get("/side/2")).text()).toContain("Kun for medarbejdere");
  });

  it("no level chosen: the level page again, saying what is wrong", async () => {
    const { w } = await newWorkshop();
    const { app } = await testApp(w);
    const p = new Participant(app);
    await p.post("/start", {});
    const res = await p.post("/niveau", { handling: "naeste" });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('role="alert"');
    expect(page).toContain("Vælg dit ledelsesniveau for at fortsætte.");
    expect(page).toContain('<label for="niveau-leder">Leder</label>');
  });

  it("changing level drops the answers the new level is not asked, and keeps the rest", async () => {
    const { dir, w } = await newWorkshop();
    const { app } = await testApp(w);
    const p = new Participant(app);
    await p.post("/start", {});
    await p.post("/niveau", { niveau: "leder" });
    await p.post("/side/1", { i1: "4", handling: "naeste" });
    await p.post("/side/2", { i4: "5", handling: "tilbage" });
    expect((await p.post("/side/1", { i1: "4", handling: "tilbage" })).headers.get("location")).toBe(`/${ACCESS.join}/niveau`);
    await p.post("/niveau", { niveau: "medarbejder" });
    const saved = JSON.parse(readFileSync(join(dir, "fremdrift", readdirSync(join(dir, "fremdrift"))[0]!), "utf8"));
    expect(saved).toMatchObject({ level: "medarbejder", answers: { i1: 4 } });
    expect(saved.answers.i4).toBeUndefined();
  });

  it("the facilitator page says how many answered and are under way, per level only in steps of k, never a figure", async () => {
    const { w } = await newWorkshop();
    const { app } = await testApp(w);
    await new Participant(app).answerAll("leder", LEDER_PAGES);
    const half = new Participant(app);
    await half.post("/start", {});
    await half.post("/niveau", { niveau: "medarbejder" });
    await new Participant(app).post("/start", {});
    const page = await (await app.request(`/f/${ACCESS.secret}`)).text();
    // One finished, one under way (the one who never got past the welcome page is no session).
    expect(page).toMatch(/<strong>1<\/strong> har svaret/);
    expect(page).toMatch(/<strong>1<\/strong> i gang/);
    // Per level the counts have not moved yet: fewer than k (3) have answered, so the level of the one answer is not told.
    expect(page).toMatch(/<li>Leder: <strong>0<\/strong><\/li>/);
    expect(page).toContain("Alle med adressen kan svare — også mere end én gang");
    // (a word boundary: the sessions' random handles are hex and may hold "83")
    expect(page).not.toMatch(/Klare mål|\b83\b/);
  });
});

describe("one participant, one row", () => {
  it("two Indsend at once (a double tap) append one row", async () => {
    const { dir, w } = await newWorkshop();
    const { app } = await testApp(w);
    const p = new Participant(app);
    await p.post("/start", {});
    await p.post("/niveau", { niveau: "leder" });
    await p.post("/side/1", { i1: "5", handling: "naeste" });
    await p.post("/side/2", { handling: "naeste" });
    const both = await Promise.all([p.post("/side/3", { i6: "2", handling: "indsend" }), p.post("/side/3", { i6: "2", handling: "indsend" })]);
    expect(both.map((r) => r.status)).toEqual([303, 303]);
    expect(dataRows(dir)).toHaveLength(1);
  });

  it("a crash between the append and the progress update does not append the row again", async () => {
    const { dir, w } = await newWorkshop();
    const { app } = await testApp(w);
    const p = new Participant(app);
    await p.post("/start", {});
    await p.post("/niveau", { niveau: "leder" });
    await p.post("/side/1", { i1: "5", handling: "naeste" });
    await p.post("/side/2", { handling: "naeste" });
    const file = join(dir, "fremdrift", readdirSync(join(dir, "fremdrift"))[0]!);
    const before = readFileSync(file, "utf8");
    await p.post("/side/3", { i6: "2", handling: "indsend" });
    // As if the server died right after appending: the progress file still says unfinished.
    writeFileSync(file, before);
    await p.post("/side/3", { i6: "2", handling: "indsend" });
    expect(dataRows(dir)).toHaveLength(1);
    expect(JSON.parse(readFileSync(file, "utf8")).submitted_at).toBeDefined();
  });
});

describe("security (SPEC §6)", () => {
  it.each([
    ["a wrong join code", "/abcde23457/"],
    ["no join code", "/"],
    ["the join code's start", "/abcde/"],
    ["the facilitator page without its secret", "/f/"],
    ["a wrong facilitator secret", `/f/${"T".repeat(32)}`],
    ["a path out of the server's files", `/${ACCESS.join}/../workshop.yaml`],
    ["an encoded path out", `/${ACCESS.join}/%2e%2e/adgang.json`],
    ["an encoded slash", `/${ACCESS.join}/style.css%2f..%2f..%2fadgang.json`],
    ["a folder file by name", "/workshop.yaml"],
    ["the access file", "/adgang.json"],
    ["the responses", `/${ACCESS.join}/besvarelser.csv`],
  ])("%s → a plain 404 and nothing else", async (_name, path) => {
    const { w } = await newWorkshop();
    const { app } = await testApp(w);
    const res = await app.request(path);
    expect(res.status).toBe(404);
    expect(await res.text()).toBe("Not Found");
  });

  it("a guessed cookie, or another participant's pseudonym as cookie, reaches nobody's answers", async () => {
    const { dir, w } = await newWorkshop();
    const { app } = await testApp(w);
    const owner = new Participant(app);
    await owner.post("/start", {});
    await owner.post("/niveau", { niveau: "leder" });
    await owner.post("/side/1", { i1: "5", i2: "1", kommentar: "hemmelig kommentar", handling: "naeste" });
    const pseudonym = readdirSync(join(dir, "fremdrift"))[0]!.replace(/\.json$/, "");
    for (const cookie of [`deltager=${"A".repeat(22)}`, `deltager=${pseudonym}`, "deltager=../fremdrift/x", `deltager=${owner.cookie.slice(9, 30)}x`]) {
      const guesser = new Participant(app);
      guesser.cookie = cookie;
      for (const path of ["/side/1", "/resultat", "/niveau"]) {
        const res = await guesser.get(path);
        // A cookie of the right shape is a new, empty session (it starts at the level page); any other is none.
        if (res.status === 303) expect([`/${ACCESS.join}`, `/${ACCESS.join}/niveau`]).toContain(res.headers.get("location"));
        else expect(res.status).toBe(200);
        expect(await res.text()).not.toContain("hemmelig");
      }
      expect(await (await guesser.get("/")).text()).not.toContain("hemmelig");
    }
  });

  it("a 10 MB body is refused with 413 and nothing is stored", async () => {
    const { dir, w } = await newWorkshop();
    const { app } = await testApp(w);
    const p = new Participant(app);
    await p.post("/start", {});
    await p.post("/niveau", { niveau: "leder" });
    const res = await p.post("/side/1", { i1: "5", kommentar: "x".repeat(10 * 1024 * 1024), handling: "naeste" });
    expect(res.status).toBe(413);
    const saved = JSON.parse(readFileSync(join(dir, "fremdrift", readdirSync(join(dir, "fremdrift"))[0]!), "utf8"));
    expect(saved.answers).toEqual({});
  });

  it("a post from another site (no or a foreign Origin) is refused", async () => {
    const { dir, w } = await newWorkshop();
    const { app } = await testApp(w);
    const p = new Participant(app);
    expect((await p.post("/start", {}, { Origin: "http://evil.example" })).status).toBe(403);
    expect((await p.post("/start", {}, {})).status).toBe(403);
    expect(readdirSync(join(dir, "fremdrift"))).toEqual([]);
    expect((await p.post("/start", {}, { Origin: ORIGIN })).status).toBe(303);
  });

  it("a value off the scale is refused and not stored", async () => {
    const { dir, w } = await newWorkshop();
    const { app } = await testApp(w);
    const p = new Participant(app);
    await p.post("/start", {});
    await p.post("/niveau", { niveau: "leder" });
    for (const bad of ["6", "0", "1.5", "<script>", "ved_ikke2"]) {
      expect((await p.post("/side/1", { i1: bad, handling: "naeste" })).status).toBe(400);
    }
    expect((await p.post("/niveau", { niveau: "direktør" })).status).toBe(400);
    expect((await p.get("/side/9")).status).toBe(404);
    expect((await p.post("/side/0", { handling: "naeste" })).status).toBe(404);
    const saved = JSON.parse(readFileSync(join(dir, "fremdrift", readdirSync(join(dir, "fremdrift"))[0]!), "utf8"));
    expect(saved).toMatchObject({ answers: {}, level: "leder", page: 1 });
  });

  it("a full workshop says so on a clear page, and lets those already in carry on", async () => {
    const { w } = await newWorkshop(["2"]);
    const { app } = await testApp(w);
    const a = new Participant(app);
    await a.post("/start", {});
    await a.post("/niveau", { niveau: "leder" });
    const b = new Participant(app);
    await b.post("/start", {});
    await b.post("/niveau", { niveau: "leder" });
    const c = new Participant(app);
    // Start is never refused (it keeps nothing); the level choice is, once two sessions are under way.
    expect((await c.post("/start", {})).status).toBe(303);
    const third = await c.post("/niveau", { niveau: "leder" });
    expect(third.status).toBe(503);
    expect(await third.text()).toContain("<h1>Workshoppen er fuld</h1>");
    expect((await a.post("/niveau", { niveau: "medarbejder" })).status).toBe(303);
  });

  it("a <script> in a comment or the title is escaped on every page and defused in the CSV", async () => {
    const attack = `=HYPERLINK("http://x")<script>alert(1)</script>"'&`;
    const { dir, w } = await newWorkshop([], `<script>alert("titel")</script>`);
    const { app } = await testApp(w);
    const p = new Participant(app);
    const pages: string[] = [await (await p.get("/")).text()];
    await p.post("/start", {});
    pages.push(await (await p.get("/niveau")).text());
    await p.post("/niveau", { niveau: "leder" });
    await p.post("/side/1", { i1: "4", kommentar: attack, handling: "naeste" });
    await p.post("/side/2", { handling: "tilbage" });
    pages.push(await (await p.get("/side/1")).text());
    await p.post("/side/1", { i1: "4", kommentar: attack, handling: "naeste" });
    await p.post("/side/2", { handling: "naeste" });
    await p.post("/side/3", { handling: "indsend" });
    pages.push(await (await p.get("/resultat")).text(), await (await app.request(`/f/${ACCESS.secret}`)).text());
    for (const page of pages) {
      expect(page).not.toContain("<script>");
      expect(page).toContain("&lt;script&gt;alert(&quot;titel&quot;)&lt;/script&gt;");
    }
    expect(pages[2]).toContain("=HYPERLINK(&quot;http://x&quot;)&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;</textarea>");
    // The CSV cell: quoted (it holds quotes), with the apostrophe that stops a spreadsheet formula.
    expect(csvOf(dir)).toContain(`"'=HYPERLINK(""http://x"")<script>alert(1)</script>""'&"`);
    expect(existsSync(join(dir, "besvarelser.csv.lock"))).toBe(false);
  });
});
