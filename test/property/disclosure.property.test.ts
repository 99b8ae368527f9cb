import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gaps } from "../../src/cli/commands/gaps.ts";
import { report } from "../../src/cli/commands/report.ts";
import { score } from "../../src/cli/commands/score.ts";
import { memoryIo } from "../../src/cli/io.ts";
import { captureStream } from "../helpers/capture.ts";
import { tmpDir } from "../helpers/paths.ts";
import { derivableSmallSets } from "../helpers/span.ts";

/**
 * SPEC §4 rule 5 as a property: for random response sets, every aggregated output of one breakdown
 * (score --by as CSV and JSON, --item-stats, report --csv, gaps) is read back, each published
 * figure is tied to the respondents it sums over (worked out here, from the data), and no set of
 * fewer than k respondents may be a combination of those sets (test/helpers/span.ts, exact).
 */
const LEVELS = ["direktion", "chef", "teamleder", "medarbejder"];
const ITEMS: Record<string, { element: string; levels: string[]; mirrorOf?: string }> = {
  a: { element: "e1", levels: ["direktion", "chef", "teamleder"] },
  b: { element: "e1", levels: ["direktion"] },
  c: { element: "e1", levels: ["chef", "teamleder"] },
  ma: { element: "e1", levels: ["medarbejder"], mirrorOf: "c" },
  d: { element: "e2", levels: ["direktion", "chef", "teamleder"] },
  e: { element: "e2", levels: ["teamleder"] },
  me: { element: "e2", levels: ["medarbejder"], mirrorOf: "e" },
};
const ITEM_IDS = Object.keys(ITEMS);
const population = (level: string) => (level === "medarbejder" ? "medarbejder" : "ledere");

function questionnaire(k: number): string {
  const item = (id: string) => {
    const it = ITEMS[id]!;
    return `          - { id: ${id}, text: Udsagn ${id}, levels: [${it.levels.join(", ")}]${it.mirrorOf ? `, mirror_of: ${it.mirrorOf}` : ""} }`;
  };
  const element = (id: string) => `      - id: ${id}\n        label: Element ${id}\n        items:\n${ITEM_IDS.filter((i) => ITEMS[i]!.element === id).map(item).join("\n")}`;
  return [
    "id: prop", 'version: "1"', "title: Egenskab",
    "scale: { min: 1, max: 5, labels: { 1: Slet ikke, 5: I meget høj grad }, dont_know: Ved ikke }",
    "levels:", ...LEVELS.map((l) => `  - { id: ${l}, label: ${l}${l === "medarbejder" ? ", rates: teamleder" : ""} }`),
    "areas:", "  - id: a1", "    label: Område", "    elements:", element("e1"), element("e2"),
    `anonymity: { min_group_size: ${k} }`, "",
  ].join("\n");
}

type Respondent = { level: string; group: string; answers: Record<string, string> };

const answer = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 5 }).map(String) }, { weight: 1, arbitrary: fc.constant("ved_ikke") }, { weight: 1, arbitrary: fc.constant("") });
const respondent = fc.record({
  level: fc.constantFrom(...LEVELS),
  group: fc.constantFrom("G1", "G2", "G3"),
  answers: fc.record(Object.fromEntries(ITEM_IDS.map((id) => [id, answer]))),
}).map((r): Respondent => ({ ...r, answers: Object.fromEntries(ITEM_IDS.map((id) => [id, ITEMS[id]!.levels.includes(r.level) ? r.answers[id]! : ""])) }));

function csvOf(data: Respondent[]): string {
  const header = ["respondent_id", "questionnaire_id", "questionnaire_version", "level", "group", "submitted_at", ...ITEM_IDS].join(",");
  return [header, ...data.map((r, i) => [`r${i}`, "prop", "1", r.level, r.group, "2026-01-01T00:00:00+00:00", ...ITEM_IDS.map((id) => r.answers[id])].join(","))].join("\n") + "\n";
}

/** SPEC §4 rules 5-7, only as far as whether a dimension score exists. */
function hasScore(r: Respondent, dimension: string): boolean {
  const element = (e: string) => {
    const items = ITEM_IDS.filter((id) => ITEMS[id]!.element === e && ITEMS[id]!.levels.includes(r.level));
    const answered = items.filter((id) => /^[1-5]$/.test(r.answers[id]!)).length;
    return items.length > 0 ? answered >= Math.max(1, Math.ceil(0.5 * items.length)) : undefined;
  };
  if (dimension === "e1" || dimension === "e2") return element(dimension) === true;
  const applying = ["e1", "e2"].map(element).filter((x) => x !== undefined);
  return applying.filter(Boolean).length >= Math.max(1, Math.ceil(0.5 * applying.length)) && applying.length > 0;
}

type Published = Map<string, number[][]>;
const publish = (into: Published, family: string, set: number[]) => {
  if (set.length === 0) return;
  const list = into.get(family) ?? [];
  if (!list.some((s) => s.join() === set.join())) list.push(set);
  into.set(family, list);
};

function parseCsv(text: string): Record<string, string>[] {
  const [head, ...rows] = text.trimEnd().split(/\r?\n/);
  const names = head!.split(",");
  return rows.map((line) => Object.fromEntries(line.split(",").map((v, i) => [names[i]!, v])));
}

async function outputs(dir: string, by: readonly string[], data: Respondent[]): Promise<Published> {
  const { io } = memoryIo(dir);
  const files = ["data.csv"];
  const q = "q.yaml";
  const members = (pop: string, cell: Record<string, string>, isTotal: boolean) =>
    data.flatMap((r, i) => (population(r.level) === pop && (isTotal || by.every((c) => (c === "level" ? r.level : r.group) === cell[c])) ? [i] : []));
  const published: Published = new Map();
  const itemSets = (pop: string, cell: Record<string, string>, isTotal: boolean, item: string, withDontKnow: boolean) =>
    members(pop, cell, isTotal).filter((i) => (withDontKnow ? data[i]!.answers[item] !== "" : /^[1-5]$/.test(data[i]!.answers[item]!)));

  const scoreCsv = captureStream();
  await score({ files, questionnaire: q, by: by.join(",") }, io, scoreCsv.stream);
  const scoreRows = parseCsv(scoreCsv.text());
  for (const row of scoreRows) {
    if (row.suppressed === "false") publish(published, `${row.population}|${row.dimension}`, members(row.population!, row, row.total === "true").filter((i) => hasScore(data[i]!, row.dimension!)));
  }
  const scoreJson = captureStream();
  await score({ files, questionnaire: q, by: by.join(","), format: "json" }, io, scoreJson.stream);
  for (const g of JSON.parse(scoreJson.text()).groups) {
    if (!g.suppressed) publish(published, `${g.population}|${g.dimension}`, members(g.population, g.by, g.total).filter((i) => hasScore(data[i]!, g.dimension)));
  }
  await report({ files, questionnaire: q, by: by.join(","), out: "r.pdf", csv: "r.csv", force: true }, io);
  const reportRows = parseCsv(readFileSync(join(dir, "r.csv"), "utf8"));
  for (const row of reportRows) {
    if (row.suppressed !== "false") continue;
    const isTotal = row.total === "true";
    if (row.item_id === "") publish(published, `${row.population}|${row.dimension}`, members(row.population!, row, isTotal).filter((i) => hasScore(data[i]!, row.dimension!)));
    else {
      publish(published, `${row.population}|${row.item_id}|valid`, itemSets(row.population!, row, isTotal, row.item_id!, false));
      publish(published, `${row.population}|${row.item_id}|answered`, itemSets(row.population!, row, isTotal, row.item_id!, true));
    }
  }
  // The same cells hidden in score --by and in the report's CSV (rule 5 across outputs).
  const hiddenIn = (rows: Record<string, string>[]) => rows.filter((r) => !r.item_id).map((r) => `${by.map((c) => r[c]).join("/")}|${r.population}|${r.dimension}|${r.suppressed}`).sort();
  expect(hiddenIn(reportRows)).toEqual(hiddenIn(scoreRows));

  if (by.length === 1) {
    const gapJson = captureStream();
    await gaps({ files, questionnaire: q, between: by[0]!, format: "json" }, io, gapJson.stream);
    for (const g of JSON.parse(gapJson.text()).gaps) {
      if (g.suppressed) continue;
      const cell = (value: string) => ({ [by[0]!]: value });
      if (g.kind === "element") {
        for (const value of [g.group_a, g.group_b]) publish(published, `${g.population}|${g.dimension}`, members(g.population, cell(value), false).filter((i) => hasScore(data[i]!, g.dimension)));
      } else if (g.kind === "item") {
        for (const value of [g.group_a, g.group_b]) publish(published, `${g.population}|${g.dimension}|valid`, itemSets(g.population, cell(value), false, g.dimension, false));
      } else {
        const mirror = ITEM_IDS.find((id) => ITEMS[id]!.mirrorOf === g.dimension)!;
        publish(published, `ledere|${g.dimension}|valid`, itemSets("ledere", cell(g.group_a), false, g.dimension, false));
        publish(published, `medarbejder|${mirror}|valid`, itemSets("medarbejder", cell(g.group_b), false, mirror, false));
      }
    }
    if (by[0] === "level") {
      const stats = captureStream();
      await score({ files, questionnaire: q, itemStats: true, format: "json" }, io, stats.stream);
      for (const s of JSON.parse(stats.text()).items) {
        if (s.suppressed) continue;
        const cell = { level: s.level };
        publish(published, `${s.population}|${s.item_id}|valid`, itemSets(s.population, cell, s.total, s.item_id, false));
        publish(published, `${s.population}|${s.item_id}|answered`, itemSets(s.population, cell, s.total, s.item_id, true));
      }
    }
  }
  return published;
}

describe("the disclosure guarantee (SPEC §4 rule 5) as a property", () => {
  it("leaves no set of fewer than k respondents derivable from any output of one breakdown", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(respondent, { minLength: 1, maxLength: 40 }), fc.integer({ min: 2, max: 6 }), fc.constantFrom(["level"], ["group"], ["level", "group"]), async (data, k, by) => {
        const dir = tmpDir("ledelsestjek-prop-");
        writeFileSync(join(dir, "q.yaml"), questionnaire(k));
        writeFileSync(join(dir, "data.csv"), csvOf(data));
        const published = await outputs(dir, by, data);
        for (const [family, sets] of published) {
          const leaks = derivableSmallSets(data.length, sets, k);
          expect(leaks.map((set) => `${family}: {${set.map((i) => `r${i}`).join(", ")}}`)).toEqual([]);
        }
      }),
      { numRuns: 40 },
    );
  }, 300_000);
});
