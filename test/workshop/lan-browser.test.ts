import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli } from "../helpers/spawn.ts";
import { MINI, tmpDir } from "../helpers/paths.ts";
import { missing } from "../helpers/system.ts";
import { serveBuilt, type Served } from "./server.ts";

/**
 * SPEC §6.1 "On a real network": the pages opened under a host name that is not loopback, as a phone
 * on the room's Wi-Fi opens them. Chromium then sends no Sec-Fetch-Site (plain http to a name that is
 * not "potentially trustworthy"), so the cross-site check must work from the Origin alone.
 */
const ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
  "--host-resolver-rules=MAP ws-laptop.test 127.0.0.1, MAP evil.test 127.0.0.1"];

let browser: Browser;
let served: Served | undefined;
let evil: Server | undefined;

describe.skipIf(missing("chromium"))("a phone on the room's network (chromium, http://ws-laptop.test)", () => {
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    served?.child.kill("SIGKILL");
    evil?.close();
  });

  it("answers every page and the row holds its answers; a post from another site is still refused", async () => {
    const dir = join(tmpDir(), "ws");
    expect(cli(["workshop", "new", dir, MINI, "--title", "Wifi"]).code).toBe(0);
    served = await serveBuilt(dir);
    const local = new URL(served.participants[0]!);
    const lan = `http://ws-laptop.test:${local.port}${local.pathname}`;
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const statuses: number[] = [];
    page.on("response", (r) => (r.request().method() === "POST" ? statuses.push(r.status()) : undefined));
    await page.goto(lan);
    await page.getByRole("button", { name: "Start" }).click();
    await page.getByLabel("Leder", { exact: true }).check();
    await page.getByRole("button", { name: "Næste" }).click();
    await expect.poll(() => page.textContent("body")).toContain("Side 1 af 3");
    await page.getByRole("group", { name: "Første udsagn" }).getByLabel("I meget høj grad").check();
    await page.getByRole("group", { name: "Andet udsagn" }).getByLabel("I mindre grad").check();
    await page.getByLabel("Kommentar til Element 1 (valgfri)").fill("Fra telefonen");
    // A person who leaves statements unanswered is asked once and goes on ("Fortsæt alligevel"): answering is optional.
    const press = async (name: string) => {
      await page.getByRole("button", { name }).click();
      if ((await page.getByRole("button", { name: "Fortsæt alligevel" }).count()) > 0) await page.getByRole("button", { name: "Fortsæt alligevel" }).click();
    };
    await press("Næste");
    await expect.poll(() => page.textContent("body")).toContain("Side 2 af 3");
    await press("Næste");
    await expect.poll(() => page.textContent("body")).toContain("Side 3 af 3");
    await press("Indsend");
    await expect.poll(() => page.url()).toMatch(/\/resultat$/);
    // Every post was taken — 303, or 200 for the page that asks about unanswered statements — none refused.
    expect(statuses.filter((s) => s !== 303 && s !== 200)).toEqual([]);
    expect(statuses.length).toBeGreaterThanOrEqual(5);
    const rows = readFileSync(join(dir, "besvarelser.csv"), "utf8").trimEnd().split("\r\n");
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatch(/^w-[0-9a-f]{16},mini,2,leder,Wifi,\d{4}-\d{2}-\d{2},5,2,,/);
    expect(rows[1]).toContain("Fra telefonen");

    // Another site's page that posts to the workshop: refused, nothing stored.
    evil = createServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html" });
      res.end(`<!doctype html><form method="post" action="${lan}start"><button>Vind en pris</button></form>`);
    });
    await new Promise<void>((resolve) => evil!.listen(0, "127.0.0.1", resolve));
    const port = (evil.address() as { port: number }).port;
    const attack = await context.newPage();
    await attack.goto(`http://evil.test:${port}/`);
    const [response] = await Promise.all([attack.waitForResponse((r) => r.request().method() === "POST"), attack.getByRole("button", { name: "Vind en pris" }).click()]);
    expect(response.status()).toBe(403);
    expect(await response.text()).toBe("Forbidden");
    await context.close();
  }, 120_000);
});
