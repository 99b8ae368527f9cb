import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { report } from "../../src/cli/commands/report.ts";
import { memoryIo } from "../../src/cli/io.ts";
import { loadValid } from "../helpers/load.ts";
import { ROOT, tmpDir } from "../helpers/paths.ts";
import { lastRoles, layoutFaults, wordBoxes, type PageBoxes } from "../helpers/pdf-layout.ts";
import { FORVALTNINGER, LONG_GROUPS, reportData, type Cohort } from "../helpers/report-data.ts";
import { missing } from "../helpers/system.ts";

const QUESTIONNAIRE = join(ROOT, "questionnaires", "faglig-ledelse.yaml");
const q = loadValid(QUESTIONNAIRE);
const levels = q.levels.map((l) => l.id);

/** Hostile data: 12 groups with 60-character names with æøå, crossed with every level; one respondent per group; every answer "ved ikke". */
const CASES: Record<string, { cohorts: Cohort[]; by: string; names?: string[] }> = {
  "ten forvaltninger with long one-word names, by group": { cohorts: FORVALTNINGER.map((group, g) => ({ level: levels[g % levels.length]!, group, count: 6, lean: (g % 3) * 0.3 })), by: "group", names: FORVALTNINGER },
  "12 long groups × every level, by level,group": { cohorts: LONG_GROUPS.flatMap((group, g) => levels.map((level) => ({ level, group, count: 6, lean: (g % 4) * 0.3 }))), by: "level,group" },
  "12 long groups, by group": { cohorts: LONG_GROUPS.map((group, g) => ({ level: levels[g % levels.length]!, group, count: 8 })), by: "group" },
  "one respondent per group": { cohorts: LONG_GROUPS.map((group, g) => ({ level: levels[g % levels.length]!, group, count: 1 })), by: "level,group" },
  "every answer ved ikke": { cohorts: LONG_GROUPS.map((group, g) => ({ level: levels[g % levels.length]!, group, count: 6, answers: "dont_know" as const })), by: "group" },
};

const pages: Record<string, PageBoxes[]> = {};
const endings: Record<string, string[]> = {};

beforeAll(async () => {
  if (missing("pdftotext")) return;
  const dir = tmpDir();
  let i = 0;
  for (const [name, c] of Object.entries(CASES)) {
    const file = `d${i}.csv`;
    writeFileSync(join(dir, file), reportData(q, c.cohorts, 7 + i));
    const { io } = memoryIo(dir, "da", { SOURCE_DATE_EPOCH: "1767225600" });
    await report({ files: [file], questionnaire: QUESTIONNAIRE, by: c.by, out: `r${i}.pdf` }, io);
    pages[name] = wordBoxes(join(dir, `r${i}.pdf`));
    endings[name] = await lastRoles(join(dir, `r${i}.pdf`));
    i++;
  }
}, 120_000);

describe.skipIf(missing("pdftotext"))("report layout on hostile data", () => {
  for (const name of Object.keys(CASES)) {
    it(`${name}: no two words overlap and none leaves the page`, () => {
      // Where every answer is "ved ikke", nothing may be shown: the report is the one page that says so.
      expect(pages[name]!.length).toBeGreaterThan(name === "every answer ved ikke" ? 0 : 3);
      expect(layoutFaults(pages[name]!)).toEqual([]);
    });

    it(`${name}: no page ends with a heading`, () => {
      expect(endings[name]!.length).toBe(pages[name]!.length);
      expect(endings[name]!.map((role, i) => `p${i + 1} ${role}`).filter((x) => /\bH\d$/.test(x))).toEqual([]);
    });

    it(`${name}: group names break only between words, never cut`, () => {
      const words = new Set(pages[name]!.flatMap((p) => p.words.map((w) => w.word)));
      const labelWords = new Set((CASES[name]!.names ?? LONG_GROUPS).flatMap((g) => g.split(" ")));
      // Every word of every name is printed whole somewhere (a cut name would lose its last words)…
      for (const word of labelWords) expect(words.has(word), word).toBe(true);
      // …and no printed word is a piece of a longer name word ("Ungeforvaltnin", "…").
      // A break splits a word in two, and in a word of 12 letters or more one piece has at least 6: those are checked
      // (shorter pieces such as "ingen" are often real words of their own).
      const fragments = [...words].filter((w) => w.length >= 6 && !labelWords.has(w) && [...labelWords].some((lw) => lw !== w && lw.length > w.length && (lw.startsWith(w) || lw.endsWith(w))));
      expect(fragments).toEqual([]);
      expect([...words].filter((w) => w.includes("…"))).toEqual([]);
    });
  }
});
