/**
 * The three data sets the report is read on (a team of four, a 60-person kommune by level, 5 000
 * respondents in ten forvaltninger), written with their reports and slides to a folder to look at:
 * `npx tsx bench/report-samples.ts OUT_DIR`. Generated each time, never committed.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { report } from "../src/cli/commands/report.ts";
import { memoryIo } from "../src/cli/io.ts";
import { loadValid } from "../test/helpers/load.ts";
import { FORVALTNINGER, reportData, type Cohort } from "../test/helpers/report-data.ts";

const out = process.argv[2] ?? "/tmp/report-samples";
mkdirSync(out, { recursive: true });
const QUESTIONNAIRE = join(import.meta.dirname, "..", "questionnaires", "faglig-ledelse.yaml");
const q = loadValid(QUESTIONNAIRE);
const leaders = ["direktion", "chef", "afdelingsleder", "teamleder"];

export const SETS: Record<string, { cohorts: Cohort[]; by?: string }> = {
  team: { cohorts: [{ level: "teamleder", group: "Team Nord", count: 1 }, { level: "medarbejder", group: "Team Nord", count: 3, lean: -0.5 }], by: "level" },
  kommune: {
    by: "level",
    cohorts: [
      { level: "direktion", group: "", count: 3, lean: 0.9 }, { level: "chef", group: "", count: 4, lean: 0.7 },
      { level: "afdelingsleder", group: "", count: 10, lean: 0.1 }, { level: "teamleder", group: "", count: 19, lean: -0.4 },
      { level: "medarbejder", group: "", count: 24, lean: -0.7 },
    ],
  },
  forvaltninger: {
    by: "group",
    cohorts: FORVALTNINGER.flatMap((group, g) => [...leaders, "medarbejder"].map((level, l) => ({ level, group, count: [4, 16, 60, 120, 300][l]!, lean: ((g % 5) - 2) * 0.25 }))),
  },
};

for (const [name, set] of Object.entries(SETS)) {
  writeFileSync(join(out, `${name}.csv`), reportData(q, set.cohorts, 11));
  const { io } = memoryIo(out, "da", { SOURCE_DATE_EPOCH: "1767225600" });
  await report({ files: [`${name}.csv`], questionnaire: QUESTIONNAIRE, by: set.by, out: `${name}.pdf`, csv: `${name}-tal.csv`, force: true }, io);
  await report({ files: [`${name}.csv`], questionnaire: QUESTIONNAIRE, by: set.by, out: `${name}-slides.pdf`, slides: true, force: true }, io);
}
console.log(`written to ${out}`);
