import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadAccess } from "../../src/adapters/workshop-store/workshop-folder.ts";
import { newAccess, validAccess } from "../../src/adapters/web/security.ts";
import { ACCESS, newWorkshop, ORIGIN, Participant, testApp } from "./helpers.ts";

const S = `/s/${ACCESS.screen}`;
const F = `/f/${ACCESS.secret}`;
// e1 per respondent (mini.yaml): leder 4, 4, 2 (reverse → 4) → 4.0; medarbejder 2, 2, 4 (→ 2) → 2.0 (by hand).
const LEDER: Record<string, string>[] = [{ i1: "4", i2: "4", i3: "2" }, { i4: "3" }, { i6: "3" }];
const MEDARBEJDER: Record<string, string>[] = [{ i1: "2", i2: "2", i3: "4" }, { i5: "3" }, { i6: "3" }];

type App = Awaited<ReturnType<typeof testApp>>["app"];
const post = (app: App, path: string, fields: Record<string, string> = {}) =>
  app.request(path, { method: "POST", body: new URLSearchParams(fields), headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN } });
/** The counts in the room's distribution, in order (scale values, then "ved ikke"). */
const distribution = (page: string) => [...(page.match(/<figure class="edist[^"]*">[\s\S]*?<\/figure>/)?.[0] ?? "").matchAll(/<span class="fig">(\d+)<\/span>/g)].map((m) => m[1]);
const text = async (app: App, path: string) => (await app.request(path)).text();

async function room() {
  const made = await newWorkshop();
  const { app } = await testApp(made.w);
  for (let i = 0; i < 3; i++) await new Participant(app).answerAll("leder", LEDER);
  for (let i = 0; i < 3; i++) await new Participant(app).answerAll("medarbejder", MEDARBEJDER);
  return { ...made, app };
}

describe("the screen's routes (SPEC §6.1)", () => {
  it("answers only at its own token: a wrong or the facilitator's token is a 404, and nothing under it takes a POST", async () => {
    const { app } = await room();
    expect((await app.request(S)).status).toBe(200);
    expect((await app.request(`${S}/indhold`)).status).toBe(200);
    for (const wrong of [`/s/${"W".repeat(32)}`, `/s/${ACCESS.secret}`, `/s/${ACCESS.join}`, `/s/${ACCESS.screen.slice(1)}`, `/s/${ACCESS.screen}x`, "/s/", "/s"]) {
      expect((await app.request(wrong)).status, wrong).toBe(404);
    }
    for (const path of [S, `${S}/indhold`, `${S}/vis`, `${S}/e/e1/vis`, `${S}/skaerm`]) {
      const res = await post(app, path, { element: "e1" });
      expect(res.status, path).toBe(404);
    }
    // the POSTs changed nothing: e1 is still hidden
    expect(await text(app, S)).not.toContain("Gennemsnit pr. niveau");
  });

  it("before a reveal: title, join address, its QR code named by the address, how many answered — no form, no secret", async () => {
    const { app } = await room();
    const res = await app.request(S);
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain("<h1>Testdag</h1>");
    expect(html).toContain(`<p class="join-url">http://127.0.0.1/${ACCESS.join}/</p>`);
    expect(html).toMatch(new RegExp(`<svg class="qr" role="img" aria-label="http://127.0.0.1/${ACCESS.join}/" focusable="false" [^>]*><title>http://127.0.0.1/${ACCESS.join}/</title>`));
    expect(html).toMatch(/<span class="fig">6<\/span> har svaret/);
    expect(html).not.toMatch(/<form|<input|<button|<textarea/);
    expect(html).not.toContain(ACCESS.secret);
    expect(html).not.toContain("/f/");
  });

  it("follows the facilitator: a reveal puts the element on the screen with the same frozen figures; the facilitator can put the join page back", async () => {
    const { app } = await room();
    expect(await text(app, `${S}/indhold`)).toContain('class="join-url"');
    expect((await post(app, `${F}/e/e1/vis`)).status).toBe(303);
    const shown = await text(app, `${S}/indhold`);
    expect(shown).toContain("<h1>Element 1</h1>");
    expect(shown).toMatch(/<th scope="row">Leder<\/th><td class="num n">3<\/td><td class="num"><span class="fig">4,0<\/span>/);
    expect(shown).toMatch(/<th scope="row">Medarbejder<\/th><td class="num n">3<\/td><td class="num"><span class="fig">2,0<\/span>/);
    expect(shown).toContain("<strong>⚑ Stor spredning:</strong>");
    expect(shown).toContain("leder vurderer højere end medarbejder");
    // The room's distribution (both levels are the leaders' room in mini.yaml): leder i1, i2 = 4 and i3 = 2 turned to 4 → nine 4s;
    // medarbejder i1, i2 = 2 and i3 = 4 turned to 2 → nine 2s (by hand).
    expect(distribution(shown)).toEqual(["0", "9", "0", "9", "0", "0"]);
    expect(shown).toContain("(omvendte udsagn er vendt)");
    expect(shown).not.toMatch(/<form|<button/);
    // The facilitator's page names what is on the screen and gives its address, never the other way round.
    const f = await text(app, F);
    expect(f).toContain(`http://127.0.0.1/s/${ACCESS.screen}`);
    expect(f).toMatch(/På skærmen nu: <strong>Element 1<\/strong>/);
    // A straggler after the reveal: the screen keeps the frozen figures (the same snapshot as the facilitator's page).
    await new Participant(app).answerAll("leder", [{ i1: "1", i2: "1", i3: "5" }, { i4: "1" }, { i6: "1" }]);
    const frozen = await text(app, `${S}/indhold`);
    expect(distribution(frozen)).toEqual(["0", "9", "0", "9", "0", "0"]);
    expect(distribution(await text(app, `${F}/e/e1`))).toEqual(["0", "9", "0", "9", "0", "0"]);
    expect(frozen).toMatch(/<th scope="row">Leder<\/th><td class="num n">3<\/td><td class="num"><span class="fig">4,0<\/span>/);
    expect(await text(app, `${F}/e/e1`)).toMatch(/<th scope="row">Leder<\/th><td class="num n">3<\/td><td class="num"><span class="fig">4,0<\/span>/);
    // The join page back on the screen; e2 (not revealed) cannot be put on it.
    expect((await post(app, `${F}/skaerm`, { element: "" })).status).toBe(303);
    expect(await text(app, `${S}/indhold`)).toContain('class="join-url"');
    await post(app, `${F}/skaerm`, { element: "e2" });
    expect(await text(app, `${S}/indhold`)).toContain('class="join-url"');
    expect((await post(app, `${F}/skaerm`, { element: "nope" })).status).toBe(404);
    await post(app, `${F}/skaerm`, { element: "e1" });
    expect(await text(app, `${S}/indhold`)).toContain("<h1>Element 1</h1>");
    // A second round hides the element again: the screen asks the room to answer again.
    await post(app, `${F}/e/e1/runde`);
    const again = await text(app, `${S}/indhold`);
    expect(again).toContain("Runde 2: svar igen på Element 1");
    expect(again).not.toContain("Gennemsnit pr. niveau");
  });

  it("keeps its token across restarts and adds one to an access file from before the screen", async () => {
    const { w, dir } = await newWorkshop();
    const first = await loadAccess(w, newAccess, validAccess);
    expect(first.screen).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(first.screen).not.toBe(first.secret);
    expect(await loadAccess(w, newAccess, validAccess)).toEqual(first);
    const file = join(dir, "adgang.json");
    writeFileSync(file, JSON.stringify({ join: first.join, secret: first.secret }));
    const upgraded = await loadAccess(w, newAccess, validAccess);
    expect(upgraded).toMatchObject({ join: first.join, secret: first.secret });
    expect(JSON.parse(readFileSync(file, "utf8")).screen).toBe(upgraded.screen);
    expect(await loadAccess(w, newAccess, validAccess)).toEqual(upgraded);
    // A screen token equal to the secret would show the secret to the room: refused.
    writeFileSync(file, JSON.stringify({ ...first, screen: first.secret }));
    await expect(loadAccess(w, newAccess, validAccess)).rejects.toThrow(/adgang\.json/);
  });
});
