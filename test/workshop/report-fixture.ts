import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { csvLine } from "../../src/adapters/csv/csv-write.ts";
import { openWorkshop } from "../../src/adapters/workshop-store/workshop-folder.ts";
import { workshopAgree } from "../../src/cli/commands/workshop/agree.ts";
import { workshopNew } from "../../src/cli/commands/workshop/new.ts";
import { memoryIo } from "../../src/cli/io.ts";
import { allElements } from "../../src/core/questionnaire/levels.ts";
import { reportData, type Cohort } from "../helpers/report-data.ts";
import { tmpDir } from "../helpers/paths.ts";

/** A full day with the shipped questionnaire: 27 people over five levels (two below k = 5), comments, a consensus for every element. */
export const COHORTS: Cohort[] = [
  { level: "direktion", group: "Dag", count: 3, lean: 0.6 },
  { level: "chef", group: "Dag", count: 4, lean: 0.4 },
  { level: "afdelingsleder", group: "Dag", count: 6, lean: 0.2 },
  { level: "teamleder", group: "Dag", count: 6 },
  { level: "medarbejder", group: "Dag", count: 8, lean: -0.5 },
];

const SAY = ["Vi mangler tid til sparring", "Målene er klare, men skifter", "Det går bedre end sidste år", "Teammøderne virker", "Vi taler for lidt om data"];

/**
 * A workshop folder with besvarelser.csv written as the server would (wide format, comments in the last
 * columns: every second respondent comments on every element) and konsensus.yaml through `workshop agree`.
 */
export async function fullWorkshop(title: string, seed: number, date = "2026-03-02T09:30:00+01:00", cohorts = COHORTS): Promise<string> {
  const dir = join(tmpDir("wsr-"), "ws");
  await workshopNew({ dir, title }, memoryIo(dir).io, { now: () => new Date(date) });
  const w = await openWorkshop(dir);
  const q = w.questionnaire;
  const elements = allElements(q);
  const lines = reportData(q, cohorts, seed).split("\r\n").filter(Boolean);
  const rows = lines.slice(1).map((line, r) => {
    const bare = line.slice(0, line.length - elements.length);
    const comments = elements.map((e, i) => (r % 2 === 0 ? `${SAY[(r + i) % SAY.length]} (${e.id})` : ""));
    return `${bare},${csvLine(comments).replace(/\r\n$/, "")}\r\n`;
  });
  writeFileSync(join(dir, "besvarelser.csv"), `${lines[0]}\r\n${rows.join("")}`);
  const consensus = {
    elements: Object.fromEntries(elements.map((e, i) => [e.id, {
      score: 2 + ((i + seed) % 3) + (i % 2) * 0.5,
      rationale: `Rummet var enige om, at ${e.label.toLowerCase()} fungerer i de fleste teams, men ikke i alle; især mangler en fælles praksis for opfølgning.`,
      ...(i % 2 === 0 ? { dissent: "Medarbejderne oplever det som mindre klart end lederne." } : {}),
      strengths: ["Gode faglige drøftelser", "Klare aftaler på teammøderne"].slice(0, 1 + (i % 2)),
      improvements: ["Opfølgningen på aftaler"],
      actions: i % 3 === 0 ? [{ what: `Fast opfølgning på ${e.label.toLowerCase()}`, who: "Chefgruppen", when: "2027-03-01", success: "Alle teams kan nævne målene" }] : [],
    }])),
  };
  writeFileSync(join(dir, "k.yaml"), stringify(consensus));
  await workshopAgree({ dir, consensus: "k.yaml" }, memoryIo(dir).io, { now: () => new Date(date) });
  return dir;
}
