import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { getDocumentProxy } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import { report } from "../../src/cli/commands/report.ts";
import { memoryIo } from "../../src/cli/io.ts";
import { fixture, tmpDir } from "../helpers/paths.ts";

const MIRROR = fixture("questionnaires", "valid", "mirror.yaml");
const HEADER = "respondent_id,questionnaire_id,questionnaire_version,level,group,submitted_at,t1,t2,m1,t3,t4,m2";
const three = (level: string, cells: string, from: string) => [1, 2, 3].map((i) => `${level[0]}${i},spejl,1,${level},,${from},${cells}`);

/**
 * Three of each level (k = 3), every answer fixed so the figures can be worked out by hand (1-5 → 0-100):
 *   chef:           t1 5 → e1 100;             t3 1 (reverse) → e2 100
 *   afdelingsleder: t1 3, t2 3 → e1 50;         t3 3 → e2 50
 *   teamleder:      t1 5, t2 5 → e1 100;        t3 5 (reverse → 0), t4 4 (75) → e2 37.5
 *   medarbejder:    m1 2 → 25 (rates t2: 100),  m2 3 → 50 (rates t4: 75)
 * Element gaps (leaders): e2 chef 100 − teamleder 37.5 = 62.5; e1 chef 100 − afdelingsleder 50 = 50.
 * Mirror: t2 100 − 25 = +75, t4 75 − 50 = +25; both at or above the threshold of 20.
 */
const DATA = [
  HEADER,
  ...three("chef", "5,,,1,,", "2026-03-02T09:00:00+01:00"),
  ...three("afdelingsleder", "3,3,,3,,", "2026-03-05T09:00:00+01:00"),
  ...three("teamleder", "5,5,,5,4,", "2026-03-09T09:00:00+01:00"),
  ...three("medarbejder", ",,2,,,3", "2026-03-11T09:00:00+01:00"),
].join("\n");

let alts: string[];
let text: string;

beforeAll(async () => {
  const dir = tmpDir();
  writeFileSync(join(dir, "d.csv"), DATA);
  const { io } = memoryIo(dir, "da", { SOURCE_DATE_EPOCH: "1767225600" });
  await report({ files: ["d.csv"], questionnaire: MIRROR, by: "level", out: "r.pdf" }, io);
  const doc = await getDocumentProxy(new Uint8Array(readFileSync(join(dir, "r.pdf"))));
  alts = [];
  const walk = (n: { role?: string; alt?: string; children?: unknown[] } | null) => {
    if (!n) return;
    if (n.role === "Figure" && n.alt) alts.push(n.alt);
    n.children?.forEach((c) => walk(c as typeof n));
  };
  const pages: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    walk((await page.getStructTree()) as never);
    pages.push((await page.getTextContent()).items.map((i) => ("str" in i ? i.str : "")).join(" "));
  }
  text = pages.join("\n").replace(/\s+/g, " ");
});

describe("report: do the levels see leadership differently?", () => {
  it("puts one dot per level on 0-100 per element, the largest gap first, marked at the gaps threshold", () => {
    const chart = alts.find((a) => a.startsWith("Ser niveauerne ledelse forskelligt?"));
    expect(chart).toBeDefined();
    expect(chart).toContain("Element 2: Chef 100, Afdelingsleder 50, Teamleder 38; største forskel 63 point (Chef – Teamleder), på eller over tærsklen på 20 point");
    expect(chart).toContain("Element 1: Chef 100, Afdelingsleder 50, Teamleder 100; største forskel 50 point (Chef – Afdelingsleder)");
    expect(chart!.indexOf("Element 2:")).toBeLessThan(chart!.indexOf("Element 1:"));
  });

  it("sets the employees' view beside their leaders' own on the paired items", () => {
    expect(text).toContain("Teamleder om sig selv og Medarbejder om deres leder");
    // Each statement in the teamledere's words, with the employees' own wording under it.
    expect(text).toMatch(/Sådan ser medarbejderne deres leder .*Anden praksis Medarbejderne blev spurgt: Min leder har anden praksis 100 25 \+75/);
    expect(text).toMatch(/Fjerde praksis Medarbejderne blev spurgt: Min leder har fjerde praksis 75 50 \+25/);
  });

  it("prints the collection period on page 1", () => {
    expect(text).toContain("12 besvarelser · indsamlet 2026-03-02 – 2026-03-11");
  });

  it("counts every response on the cover only when no population's total is hidden", async () => {
    const dir = tmpDir();
    // Two medarbejdere (k = 3): their total is hidden, so the cover may not show 9 + 2 = 11.
    writeFileSync(join(dir, "d.csv"), DATA.split("\n").filter((l) => !/^m3,/.test(l)).join("\n"));
    const { io } = memoryIo(dir, "da", { SOURCE_DATE_EPOCH: "1767225600" });
    await report({ files: ["d.csv"], questionnaire: MIRROR, by: "level", out: "r.pdf" }, io);
    const doc = await getDocumentProxy(new Uint8Array(readFileSync(join(dir, "r.pdf"))));
    const first = (await (await doc.getPage(1)).getTextContent()).items.map((i) => ("str" in i ? i.str : "")).join(" ").replace(/\s+/g, " ");
    expect(first).toMatch(/^Rapport Spejl 9 besvarelser · /);
    expect(first).not.toContain("11 besvarelser");
  });
});
