import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli } from "../helpers/spawn.ts";
import { MINI, tmpDir } from "../helpers/paths.ts";
import { launchChromium, seriousViolations } from "../helpers/browser.ts";
import { missing } from "../helpers/system.ts";
import { exited, serveBuilt, type Served } from "./server.ts";

const SHOTS = "/tmp/wt11-shots";



let browser: Browser;
let served: Served | undefined;

describe.skipIf(missing("chromium"))("a participant in a real browser (chromium, 390 × 844)", () => {
  beforeAll(async () => {
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    served?.child.kill("SIGKILL");
  });

  it("picks a level, answers by mouse and keyboard, goes back and changes an answer, closes the tab, resumes and finishes", async () => {
    const dir = join(tmpDir(), "ws");
    expect(cli(["workshop", "new", dir, MINI, "--title", "Browsertest"]).code).toBe(0);
    served = await serveBuilt(dir);
    // axe is added as a script tag, which the strict CSP would refuse; only this context bypasses it.
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    let page = await context.newPage();
    const checked: string[] = [];
    const check = async (name: string) => {
      expect(await seriousViolations(page), name).toEqual([]);
      checked.push(name);
    };

    await page.goto(served.participants[0]!);
    await check("welcome");
    await page.getByRole("button", { name: "Start" }).click();
    await page.getByLabel("Leder", { exact: true }).check();
    await check("level");
    await page.getByRole("button", { name: "Næste" }).click();

    // Page 1 by mouse.
    await expect.poll(() => page.textContent("body")).toContain("Side 1 af 3");
    await check("page 1");
    await page.getByRole("group", { name: "Første udsagn" }).getByLabel("I meget høj grad").check();
    await page.getByRole("group", { name: "Andet udsagn" }).getByLabel("I mindre grad").check();
    await page.getByRole("group", { name: "Tredje udsagn (omvendt)" }).getByLabel("Ved ikke").check();
    await page.getByLabel("Kommentar til Element 1 (valgfri)").fill("Skrevet med musen");
    await page.getByRole("button", { name: "Næste" }).click();

    // Page 2 by keyboard only: Tab into the radio group, Space picks the first, arrows move on.
    await expect.poll(() => page.textContent("body")).toContain("Side 2 af 3");
    await check("page 2");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Space");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown"); // 3 = I nogen grad
    await page.keyboard.press("Tab");
    await page.keyboard.type("Skrevet med tastaturet");
    await page.keyboard.press("Tab"); // Næste
    await page.keyboard.press("Tab"); // Tilbage
    await page.keyboard.press("Enter");

    // Back on page 1: the answers are there; change one.
    await expect.poll(() => page.textContent("body")).toContain("Side 1 af 3");
    expect(await page.getByRole("group", { name: "Andet udsagn" }).getByLabel("I mindre grad").isChecked()).toBe(true);
    await page.getByRole("group", { name: "Andet udsagn" }).getByLabel("I høj grad", { exact: true }).check();
    await page.getByRole("button", { name: "Næste" }).click();
    await expect.poll(() => page.textContent("body")).toContain("Side 2 af 3");
    expect(await page.getByLabel("I nogen grad").isChecked()).toBe(true);
    await page.getByRole("button", { name: "Næste" }).click();
    await expect.poll(() => page.textContent("body")).toContain("Side 3 af 3");

    // Halfway through page 3 the tab is closed; the answers on it were never sent, those before are kept.
    await page.getByRole("group", { name: "Sjette udsagn" }).getByLabel("Slet ikke").check();
    await page.close();
    page = await context.newPage();
    await page.goto(served.participants[0]!);
    await expect.poll(() => page.textContent("body")).toContain("Side 3 af 3");
    await check("page 3");
    expect(await page.getByRole("group", { name: "Sjette udsagn" }).getByLabel("Slet ikke").isChecked()).toBe(false);
    await page.getByRole("group", { name: "Sjette udsagn" }).getByLabel("I høj grad", { exact: true }).check();
    await page.getByRole("group", { name: "Syvende udsagn" }).getByLabel("Slet ikke").check();
    await page.getByRole("group", { name: "Ottende udsagn" }).getByLabel("I nogen grad").check();
    await page.getByRole("button", { name: "Indsend" }).click();
    await expect.poll(() => page.textContent("body")).toContain("Dit resultat");
    await check("result");
    // By hand: e1 = (100 + 75) / 2 = 87.5 → 88 (i3 "ved ikke"); e3 = (75 + 0 + 50) / 3 = 41.67 → 42.
    expect(await page.textContent("body")).toMatch(/Element 1\s*88\s*Høj/);
    expect(await page.textContent("body")).toMatch(/Element 3\s*42\s*Lav/);
    expect(checked).toEqual(["welcome", "level", "page 1", "page 2", "page 3", "result"]);

    const rows = readFileSync(join(dir, "besvarelser.csv"), "utf8").trimEnd().split("\r\n");
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatch(/^w-[0-9a-f]{16},mini,2,leder,Browsertest,[^,]+,5,4,ved_ikke,3,,4,1,3,Skrevet med musen,Skrevet med tastaturet,$/);
    served.child.kill("SIGINT");
    expect(await exited(served.child)).toBe(130);
    served = undefined;
  }, 90_000);

  it("under the real Content-Security-Policy the pages are styled, work, and the browser refuses nothing", async () => {
    const dir = join(tmpDir(), "ws");
    expect(cli(["workshop", "new", dir, MINI, "--title", "CSP"]).code).toBe(0);
    served = await serveBuilt(dir);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const complaints: string[] = [];
    page.on("console", (m) => void (m.type() === "error" || m.type() === "warning" ? complaints.push(m.text()) : undefined));
    const requests: string[] = [];
    page.on("request", (r) => void requests.push(new URL(r.url()).host));
    await page.goto(served.participants[0]!);
    // The stylesheet from our own server applies: GOV.UK-green Start button.
    expect(await page.getByRole("button", { name: "Start" }).evaluate((b) => (globalThis as unknown as { getComputedStyle: (e: unknown) => { backgroundColor: string } }).getComputedStyle(b).backgroundColor)).toBe("rgb(0, 112, 60)");
    await page.getByRole("button", { name: "Start" }).click();
    await page.getByLabel("Medarbejder", { exact: true }).check();
    await page.getByRole("button", { name: "Næste" }).click();
    await expect.poll(() => page.textContent("body")).toContain("Side 1 af 3");
    expect(complaints).toEqual([]);
    expect(new Set(requests)).toEqual(new Set([new URL(served.participants[0]!).host]));
    await context.close();
    served.child.kill("SIGINT");
    expect(await exited(served.child)).toBe(130);
    served = undefined;
  }, 90_000);

  it("every page of the default questionnaire passes axe, in Danish and English; screenshots at 390 px", async () => {
    for (const lang of ["da", "en"] as const) {
      const dir = join(tmpDir(), "ws");
      expect(cli(["workshop", "new", dir, "--title", "Ledelseskæden i Børn og Familie", "--lang", lang]).code).toBe(0);
      served = await serveBuilt(dir);
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
      const page = await context.newPage();
      const shot = async (name: string) => {
        expect(await seriousViolations(page), `${lang} ${name}`).toEqual([]);
        // Nothing wider than the phone: no sideways scrolling.
        expect(await page.evaluate("document.documentElement.scrollWidth"), `${lang} ${name}`).toBeLessThanOrEqual(390);
        await page.screenshot({ path: join(SHOTS, `${lang}-${name}.png`), fullPage: true });
      };
      const next = lang === "da" ? "Næste" : "Next";
      await page.goto(served.participants[0]!);
      await shot("1-welcome");
      await page.getByRole("button", { name: "Start" }).click();
      await page.getByRole("button", { name: next }).click(); // no level chosen
      await expect.poll(() => page.getByRole("alert").count()).toBe(1);
      await shot("2-level-error");
      await page.getByLabel(lang === "da" ? "Team-/gruppeleder" : "Team leader", { exact: true }).check();
      await shot("2-level");
      await page.getByRole("button", { name: next }).click();
      for (let n = 1; ; n++) {
        const groups = page.getByRole("group");
        for (let g = 0; g < (await groups.count()); g++) await groups.nth(g).getByRole("radio").nth((n + g) % 6).check();
        await shot(`3-page-${n}`);
        const submit = page.getByRole("button", { name: lang === "da" ? "Indsend" : "Submit" });
        if (await submit.count()) {
          await submit.click();
          break;
        }
        await page.getByRole("button", { name: next }).click();
      }
      await expect.poll(() => page.textContent("h1")).toMatch(/Dit resultat|Your result/);
      await shot("4-result");
      await page.goto(served.facilitator);
      await shot("5-facilitator");
      // One answer in: the total says so; per level nothing moves before k have answered (SPEC §6.1).
      expect(await page.textContent("body")).toMatch(/1\s*har svaret|1\s*have answered/);
      expect(await page.textContent("body")).toMatch(/Team-\/gruppeleder: 0|Team leader: 0/);
      await context.close();
      served.child.kill("SIGINT");
      expect(await exited(served.child)).toBe(130);
      served = undefined;
    }
  }, 180_000);
});
