import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { report } from "../../src/cli/commands/report.ts";
import { memoryIo } from "../../src/cli/io.ts";
import { loadValid } from "../helpers/load.ts";
import { ROOT, tmpDir } from "../helpers/paths.ts";
import { layoutFaults, taggedTexts, wordBoxes, type PageBoxes } from "../helpers/pdf-layout.ts";
import { FORVALTNINGER, reportData, type Cohort } from "../helpers/report-data.ts";
import { missing } from "../helpers/system.ts";

const QUESTIONNAIRE = join(ROOT, "questionnaires", "faglig-ledelse.yaml");
const q = loadValid(QUESTIONNAIRE);
const levels = ["direktion", "chef", "afdelingsleder", "teamleder", "medarbejder"];
/** DejaVu Sans: a word box spans ascent + descent = 1.164 em, so a box's height over 1.164 is the type size. */
const EM_BOX = 0.928 + 0.236;

const groups = (n: number) => Array.from({ length: n }, (_, i) => (i < FORVALTNINGER.length ? FORVALTNINGER[i]! : `Forvaltning nr. ${i + 1} for Børn og Unge`));
const cohorts = (n: number): Cohort[] => groups(n).flatMap((group, g) => levels.map((level, l) => ({ level, group, count: [1, 3, 6, 8, 12][l]!, lean: ((g % 5) - 2) * 0.25 })));
const CASES = { "ten groups": { n: 10, by: "group" }, "twenty groups": { n: 20, by: "group" }, "a kommune by level": { n: 1, by: "level" } } as const;

const pages: Record<string, PageBoxes[]> = {};
const tagged: Record<string, { role: string; text: string }[][]> = {};
const raw: Record<string, string> = {};

beforeAll(async () => {
  if (missing("pdftotext")) return;
  const dir = tmpDir();
  for (const [name, c] of Object.entries(CASES)) {
    const file = `${c.n}-${c.by}.csv`;
    writeFileSync(join(dir, file), reportData(q, cohorts(c.n), 5));
    const { io } = memoryIo(dir, "da", { SOURCE_DATE_EPOCH: "1767225600" });
    await report({ files: [file], questionnaire: QUESTIONNAIRE, by: c.by, out: `${file}.pdf`, slides: true }, io);
    pages[name] = wordBoxes(join(dir, `${file}.pdf`));
    tagged[name] = await taggedTexts(join(dir, `${file}.pdf`));
    raw[name] = readFileSync(join(dir, `${file}.pdf`)).toString("latin1");
  }
}, 180_000);

describe.skipIf(missing("pdftotext"))("slides with any number of groups", () => {
  for (const name of Object.keys(CASES)) {
    it(`${name}: no word overlaps another or leaves the 960 × 540 page`, () => {
      expect(pages[name]!.length).toBeGreaterThan(3);
      for (const p of pages[name]!) expect([p.width, p.height]).toEqual([960, 540]);
      expect(layoutFaults(pages[name]!)).toEqual([]);
    });

    it(`${name}: all text is at least 18 pt, measured from the word boxes`, () => {
      const small = pages[name]!.flatMap((p) => p.words.filter((b) => (b.y1 - b.y0) / EM_BOX < 17.9).map((b) => `p${p.page} "${b.word}" ${((b.y1 - b.y0) / EM_BOX).toFixed(1)} pt`));
      expect(small).toEqual([]);
    });

    it(`${name}: every slide has a title and more than its title (no orphan slide)`, () => {
      tagged[name]!.forEach((texts, i) => {
        expect(texts.some((t) => /^H[12]$/.test(t.role)), `slide ${i + 1} has a title`).toBe(true);
        expect(texts.filter((t) => !/^H[12]$/.test(t.role)).length, `slide ${i + 1} has content`).toBeGreaterThan(i === 0 ? 0 : 2);
      });
    });

    it(`${name}: every group's name is on a slide, and figure boxes lie on the page`, () => {
      const words = pages[name]!.flatMap((p) => p.words.map((w) => w.word)).join(" ");
      if (CASES[name as keyof typeof CASES].by === "group") for (const g of groups(CASES[name as keyof typeof CASES].n)) for (const word of g.split(" ")) expect(words).toContain(word);
      const boxes = [...raw[name]!.matchAll(/\/BBox \[([\d.\s-]+)\]/g)].map((m) => m[1]!.trim().split(/\s+/).map(Number));
      for (const [x0, y0, x1, y1] of boxes) {
        expect(x0).toBeGreaterThanOrEqual(0);
        expect(y0).toBeGreaterThanOrEqual(0);
        expect(x1).toBeLessThanOrEqual(960);
        expect(y1).toBeLessThanOrEqual(540);
      }
    });
  }

  it("the projector version's title says what it is", () => {
    expect(raw["ten groups"]).not.toMatch(/\/Title \((?:[^)]*)Rapport\)/);
  });
});
