import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { report } from "../../src/cli/commands/report.ts";
import { memoryIo } from "../../src/cli/io.ts";
import { loadValid } from "../helpers/load.ts";
import { ROOT, tmpDir } from "../helpers/paths.ts";
import { FORVALTNINGER, reportData, type Cohort } from "../helpers/report-data.ts";
import { missing } from "../helpers/system.ts";

/**
 * A report a director reads: page 1 carries the message, the main part stays short and the rest is
 * in the appendix. Three data sets as the issue read them: a team of four, a 60-person kommune by
 * level, 5 000 respondents in ten forvaltninger.
 */
const QUESTIONNAIRE = join(ROOT, "questionnaires", "faglig-ledelse.yaml");
const q = loadValid(QUESTIONNAIRE);
const leaders = ["direktion", "chef", "afdelingsleder", "teamleder"];
const elementLabels = q.areas.flatMap((a) => a.elements.map((e) => e.label));

const SETS: Record<string, { cohorts: Cohort[]; by: string }> = {
  team: { by: "level", cohorts: [{ level: "teamleder", group: "Team Nord", count: 1 }, { level: "medarbejder", group: "Team Nord", count: 3 }] },
  kommune: {
    by: "level",
    cohorts: [
      { level: "direktion", group: "", count: 3, lean: 0.9 }, { level: "chef", group: "", count: 4, lean: 0.7 },
      { level: "afdelingsleder", group: "", count: 10 }, { level: "teamleder", group: "", count: 19, lean: -0.4 },
      { level: "medarbejder", group: "", count: 24, lean: -0.7 },
    ],
  },
  forvaltninger: {
    by: "group",
    cohorts: FORVALTNINGER.flatMap((group, g) => [...leaders, "medarbejder"].map((level, l) => ({ level, group, count: [4, 16, 60, 120, 300][l]!, lean: ((g % 5) - 2) * 0.25 }))),
  },
};

const pages: Record<string, string[]> = {};

beforeAll(async () => {
  if (missing("pdftotext")) return;
  const dir = tmpDir();
  for (const [name, set] of Object.entries(SETS)) {
    writeFileSync(join(dir, `${name}.csv`), reportData(q, set.cohorts, 11));
    const { io } = memoryIo(dir, "da", { SOURCE_DATE_EPOCH: "1767225600" });
    await report({ files: [`${name}.csv`], questionnaire: QUESTIONNAIRE, by: set.by, out: `${name}.pdf` }, io);
    pages[name] = execFileSync("pdftotext", [join(dir, `${name}.pdf`), "-"], { encoding: "utf8", maxBuffer: 64 << 20 }).split("\f").slice(0, -1).map((p) => p.replace(/\s+/g, " "));
  }
}, 180_000);

const beforeAppendix = (name: string) => {
  const i = pages[name]!.findIndex((p) => p.includes("Bilag: svarfordelingen for hvert udsagn"));
  return i < 0 ? pages[name]!.length : i;
};

describe.skipIf(missing("pdftotext"))("report length and page 1", () => {
  it("a team of four (nothing may be shown) is at most 3 pages, says why and claims nothing", () => {
    expect(pages.team!.length).toBeLessThanOrEqual(3);
    const all = pages.team!.join(" ");
    expect(all).toContain("Ingen tal kan vises");
    expect(all).toContain("--merge-levels");
    expect(all).not.toMatch(/adskiller sig|Størst forskel|Stærkest/);
    // No submission times and no folder on a small report: the colophon names the file only.
    expect(all).not.toMatch(/2026-03-\d\d|indsamlet/);
    expect(all).toContain("team.csv");
    expect(all).not.toContain("/tmp");
  });

  it("a 60-person kommune by level: at most 12 pages before the appendix", () => {
    expect(beforeAppendix("kommune")).toBeLessThanOrEqual(12);
    expect(beforeAppendix("kommune")).toBeLessThan(pages.kommune!.length);
  });

  it("5 000 respondents in ten forvaltninger: at most 12 pages before the appendix", () => {
    expect(beforeAppendix("forvaltninger")).toBeLessThanOrEqual(12);
    expect(pages.forvaltninger!.join(" ")).toContain("5.000 besvarelser"); // thousands separated the Danish way
  });

  it("page 1 carries the message: element names with their figures, the hidden top levels and how to show them", () => {
    const first = pages.kommune![0]!;
    expect(first).toContain("Det vigtigste");
    const named = elementLabels.filter((label) => new RegExp(`«${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}» \\(\\d+`).test(first));
    expect(named.length).toBeGreaterThanOrEqual(2);
    expect(first).toContain("--merge-levels direktion+chef=Topledelse");
    expect(first).not.toMatch(/fingeraftryk|SHA-256|kommune\.csv/); // the metadata is in the colophon
    expect(pages.kommune!.at(-1)).toMatch(/Kolofon.*kommune\.csv.*SHA-256 [0-9a-f]{64}/);
  });
});
