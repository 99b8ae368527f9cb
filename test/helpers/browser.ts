import { readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { ROOT } from "./paths.ts";

/** Debian's chromium, headless, with no background traffic (this machine's network is closed). */
const ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });

const AXE = readFileSync(join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");
export type Violation = { id: string; impact: string | null; nodes: { target: string[] }[] };

/** axe-core in the page; returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () => (globalThis as unknown as { axe: { run: () => Promise<{ violations: Violation[] }> } }).axe.run());
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}
