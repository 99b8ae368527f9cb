import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, seriousViolations } from "../helpers/browser.ts";
import { tmpDir } from "../helpers/paths.ts";
import { cli } from "../helpers/spawn.ts";
import { missing } from "../helpers/system.ts";
import { exited, serveBuilt, type Served } from "./server.ts";

const SHOTS = "/tmp/l18a-shots";
const PHONES = [
  { width: 360, height: 640 },
  { width: 390, height: 844 },
];

let browser: Browser;
let served: Served | undefined;

type Box = { x: number; y: number; width: number; height: number };
const box = async (page: Page, name: string): Promise<Box> => (await page.getByRole("button", { name, exact: true }).boundingBox())!;

describe.skipIf(missing("chromium"))("the phone pages of the shipped questionnaire at 360 and 390 px, without JavaScript", () => {
  beforeAll(async () => {
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    served?.child.kill("SIGKILL");
  });

  it("level page about one screen, Næste before Tilbage, the gentle prompt, the mirror's result; axe at every step", async () => {
    const dir = join(tmpDir(), "ws");
    expect(cli(["workshop", "new", dir, "--title", "Ledelseskæden i Børn og Familie"]).code).toBe(0);
    served = await serveBuilt(dir);
    for (const viewport of PHONES) {
      // JavaScript off: the prompt and the disclosures must work as plain HTML. axe needs script and its own tag,
      // so it runs in a second page with script on (and the CSP bypassed) on the same address and cookie.
      const context = await browser.newContext({ viewport, javaScriptEnabled: false });
      const axeContext = await browser.newContext({ viewport, bypassCSP: true });
      const page = await context.newPage();
      const audit = async (name: string) => {
        await axeContext.addCookies(await context.cookies());
        const mirror = await axeContext.newPage();
        await mirror.goto(page.url());
        expect(await seriousViolations(mirror), `${viewport.width} ${name}`).toEqual([]);
        await mirror.close();
        expect(await page.evaluate("document.documentElement.scrollWidth"), `${viewport.width} ${name}`).toBeLessThanOrEqual(viewport.width);
        await page.screenshot({ path: join(SHOTS, `${viewport.width}-${name}.png`), fullPage: true });
      };

      await page.goto(served.participants[0]!);
      await page.getByRole("button", { name: "Start" }).click();
      await expect.poll(() => page.textContent("h1")).toContain("Hvilket ledelsesniveau");
      // About one screen: at most 1.2 times the viewport's height, all five levels and the button included.
      const height = (await page.evaluate("document.documentElement.scrollHeight")) as number;
      expect(height, `level page at ${viewport.width}`).toBeLessThanOrEqual(1.2 * viewport.height);
      await audit("1-level");
      const mirrorLevel = page.getByLabel("Medarbejder — du vurderer din nærmeste leder", { exact: true });
      expect(await mirrorLevel.count()).toBe(1);
      // The description is there, behind a native disclosure that opens without script.
      const more = page.locator("details", { has: page.getByText("Læs mere om Medarbejder") });
      expect(await more.getByText("Spejl for rådgivere").isVisible()).toBe(false);
      await more.locator("summary").click();
      expect(await more.getByText("Spejl for rådgivere").isVisible()).toBe(true);
      await audit("1-level-open");
      await mirrorLevel.check();
      await page.getByRole("button", { name: "Næste" }).click();
      await expect.poll(() => page.textContent("body")).toContain("Side 1 af");

      // Reading order and visual order alike: Næste first in the DOM, and above (or left of) Tilbage.
      const order = await page.locator(".buttons button").allTextContents();
      expect(order).toEqual(["Næste", "Tilbage"]);
      const next = await box(page, "Næste");
      const back = await box(page, "Tilbage");
      expect(next.y + next.height <= back.y || (Math.abs(next.y - back.y) < 2 && next.x + next.width <= back.x), JSON.stringify({ next, back })).toBe(true);
      await audit("2-page-1");

      // Næste with nothing answered: the page asks once, names the statements, and lets the participant go on.
      const statements = await page.getByRole("group").count();
      await page.getByRole("group").first().getByRole("radio").first().check();
      await page.getByRole("button", { name: "Næste" }).click();
      await expect.poll(() => page.getByRole("alert").count()).toBe(1);
      expect(await page.getByRole("alert").textContent()).toContain(`Du har ikke svaret på ${statements - 1} udsagn — fortsæt alligevel?`);
      expect(await page.getByRole("alert").getByRole("link").count()).toBe(statements - 1);
      expect(await page.getByRole("group").first().getByRole("radio").first().isChecked()).toBe(true);
      await audit("3-prompt");
      await page.getByRole("button", { name: "Fortsæt alligevel" }).click();
      await expect.poll(() => page.textContent("body")).toContain("Side 2 af");

      // The rest answered in full ("Ved ikke" is an answer), then the result, framed for someone who rated their leader.
      for (;;) {
        const groups = page.getByRole("group");
        for (let g = 0; g < (await groups.count()); g++) await groups.nth(g).getByRole("radio").nth(g % 6).check();
        const submit = page.getByRole("button", { name: "Indsend" });
        if (await submit.count()) {
          await submit.click();
          break;
        }
        await page.getByRole("button", { name: "Næste" }).click();
      }
      await expect.poll(() => page.textContent("h1")).toBe("Tak! Sådan ser du din leder");
      expect(await page.title()).toBe("Sådan ser du din leder");
      await audit("4-result");
      await context.close();
      await axeContext.close();
    }
    served.child.kill("SIGINT");
    expect(await exited(served.child)).toBe(130);
    served = undefined;
  }, 240_000);
});
