import { writeFileSync } from "node:fs";
import { it } from "vitest";
import { chromium } from "playwright-core";
import { screenContent } from "../../src/adapters/web/pages/screen.ts";
import { SCREEN_STYLE } from "../../src/adapters/web/pages/screen-style.ts";
import { roomView } from "../../src/core/workshop/room.ts";
import { itemsForLevel } from "../../src/core/questionnaire/levels.ts";
import { levelGrouping } from "../../src/core/scoring/level-groups.ts";
import { loadValid } from "../../test/helpers/load.ts";
import { respondent } from "../../test/workshop/respondent.ts";
it("long", async () => {
  const q = loadValid("/work/wt-18b/questionnaires/faglig-ledelse.yaml");
  const data = [];
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (const l of q.levels) for (let i = 0; i < 4; i++) data.push(respondent(q, l.id, Object.fromEntries(itemsForLevel(q, l.id).map((it) => [it.id, 1 + Math.floor(rnd() * 5)]))));
  const view = roomView(q, { k: 3, merges: [], gapThreshold: 20, spread: { range: 3, sd: 1 } }, data, "da");
  const g = levelGrouping(q);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--headless"] });
  for (const [w, h] of [[1920, 1080], [1280, 720]]) {
    const page = await browser.newPage({ viewport: { width: w, height: h } });
    const el = view.elements[1]!;
    const body = String(screenContent({ q, lang: "da", k: 3, labelOfKey: (k) => g.labelOf(k, "da"), base: "/s/x", title: "Ledelsesdag", participantUrl: "http://192.168.1.23:8080/v9h1ktrxq2/", qr: "" }, view, { revealed: [el.id], rounds: {}, screen: el.id }));
    await page.setContent(`<!doctype html><html class="screen"><head><style>${SCREEN_STYLE}</style></head><body><header class="top">ledelsestjek</header><main class="screen-page"><div id="skaerm">${body}</div></main></body></html>`);
    const m = await page.evaluate(`({ sh: document.scrollingElement.scrollHeight, ih: innerHeight })`);
    console.log(w, h, JSON.stringify(m));
    await page.screenshot({ path: `/tmp/screen-shots/long-${w}.png` });
  }
  await browser.close();
}, 60000);
