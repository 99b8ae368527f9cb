import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import { report } from "../../src/cli/commands/report.ts";
import { memoryIo } from "../../src/cli/io.ts";
import { fixture, tmpDir } from "../helpers/paths.ts";

/**
 * A questionnaire whose items are worded per level (w1: "afdelingens møder" for afdelingsledere,
 * "teammøderne" for teamledere), with a mirror pair and a reverse-worded item (r1): every wording
 * printed beside a figure must be the one its respondents were asked, and r1 must be read the right
 * way round. Expected figures are computed below from the answers, not taken from our output.
 */
const WORDED = fixture("questionnaires", "valid", "worded.yaml");
const HEADER = "respondent_id,questionnaire_id,questionnaire_version,level,group,submitted_at,w1,w2,m1,r1,w3,mr";
const ANSWERS: Record<string, Record<string, number | "">> = {
  afdelingsleder: { w1: 5, w2: 3, m1: "", r1: 1, w3: 3, mr: "" },
  teamleder: { w1: 2, w2: 3, m1: "", r1: 2, w3: 3, mr: "" },
  medarbejder: { w1: "", w2: "", m1: 1, r1: "", w3: "", mr: 5 },
};
const rows: string[] = [HEADER];
for (const group of ["G1", "G2"]) {
  for (const level of Object.keys(ANSWERS)) {
    for (let i = 1; i <= 3; i++) {
      const a = ANSWERS[level]!;
      rows.push(`${group}-${level}-${i},ordlyd,1,${level},${group},2026-03-02T09:00:00+01:00,${["w1", "w2", "m1", "r1", "w3", "mr"].map((id) => a[id]).join(",")}`);
    }
  }
}

/** Independently: an item's score and favourable share (top two of the turned scale) for raw answers on 1-5. */
function expected(raw: number[], reverse: boolean): { score: number; favourable: number } {
  const turned = raw.map((v) => (reverse ? 1 + 5 - v : v));
  const mean = turned.reduce((a, b) => a + b, 0) / turned.length;
  return { score: Math.round(((mean - 1) / 4) * 100), favourable: Math.round((100 * turned.filter((v) => v >= 4).length) / turned.length) };
}

let byLevel: string;
let byGroup: string;
let groupCsv: Record<string, string>[];

const flat = async (path: string) => (await extractText(await getDocumentProxy(new Uint8Array(readFileSync(path))), { mergePages: true })).text.replace(/\s+/g, " ");
const between = (text: string, from: string, to: string) => {
  const start = text.indexOf(from);
  expect(start, from).toBeGreaterThanOrEqual(0);
  const end = text.indexOf(to, start + from.length);
  return text.slice(start, end < 0 ? undefined : end);
};

beforeAll(async () => {
  const dir = tmpDir();
  writeFileSync(join(dir, "d.csv"), rows.join("\n"));
  const { io } = memoryIo(dir, "da", { SOURCE_DATE_EPOCH: "1767225600" });
  await report({ files: ["d.csv"], questionnaire: WORDED, by: "level", out: "level.pdf" }, io);
  await report({ files: ["d.csv"], questionnaire: WORDED, by: "group", out: "group.pdf", csv: "group.csv" }, io);
  byLevel = await flat(join(dir, "level.pdf"));
  byGroup = await flat(join(dir, "group.pdf"));
  const [head, ...lines] = readFileSync(join(dir, "group.csv"), "utf8").trimEnd().split("\r\n");
  groupCsv = lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [head!.split(",")[i]!, v])));
});

describe("report: the words beside every figure are the words its respondents were asked", () => {
  it("the mirror table shows the rated level's wording and the employees' own", () => {
    const mirror = between(byLevel, "Sådan ser medarbejderne deres leder", "Scorer på 0–100 for de parrede");
    expect(mirror).toContain("Jeg følger op på teammøderne");
    expect(mirror).toContain("Medarbejderne blev spurgt: Min leder følger op på teammøderne");
    expect(mirror).not.toContain("afdelingens møder");
    // Teamledere answered 2 on w1 → 25; their employees 1 on m1 → 0.
    expect(mirror).toMatch(/Jeg følger op på teammøderne Medarbejderne blev spurgt: Min leder følger op på teammøderne 25 0 \+25/);
  });

  it("a breakdown by group shows each wording with its own figures, never one wording over pooled answers", () => {
    const afd = expected([5, 5, 5], false);
    const team = expected([2, 2, 2], false);
    const appendix = byGroup.slice(byGroup.indexOf("Bilag"));
    const afdBlock = between(appendix, "Afdelingsleder: Jeg følger op på afdelingens møder", "Teamleder: Jeg følger op på teammøderne");
    expect(afdBlock.match(new RegExp(`${afd.favourable} % · ${afd.score} · n 3`, "g"))).toHaveLength(2); // G1 and G2
    expect(afdBlock).toContain(`${afd.favourable} % · ${afd.score} · n 6`); // their total
    const teamBlock = between(appendix, "Teamleder: Jeg følger op på teammøderne", "Et fælles udsagn");
    expect(teamBlock.match(new RegExp(`${team.favourable} % · ${team.score} · n 3`, "g"))).toHaveLength(2);
    expect(teamBlock).not.toContain(`· ${afd.score} ·`);
    // The pooled figure (six 5s and six 2s: 63) is printed nowhere.
    expect(byGroup).not.toMatch(/· 63 · n 12/);
  });

  it("the CSV names the levels whose wording each row answers", () => {
    const w1 = groupCsv.filter((r) => r.item_id === "w1");
    expect(w1.filter((r) => r.levels === "afdelingsleder").map((r) => [r.group, r.count_5, r.n])).toEqual([["G1", "3", "3"], ["G2", "3", "3"], ["", "6", "6"]]);
    expect(w1.filter((r) => r.levels === "teamleder").map((r) => [r.group, r.count_2, r.n])).toEqual([["G1", "3", "3"], ["G2", "3", "3"], ["", "6", "6"]]);
    expect(w1.filter((r) => r.levels === "")).toEqual([]);
  });
});

describe("report: reverse-worded statements the right way round", () => {
  it("prints the favourable share and score of the turned scale (independently computed)", () => {
    const appendix = byLevel.slice(byLevel.indexOf("Bilag"));
    const block = between(appendix, "Mine medarbejdere er i tvivl om, hvad der forventes", "Jeg siger tydeligt");
    expect(block).toContain("Omvendt formuleret");
    const afd = expected([1, 1, 1, 1, 1, 1], true);
    const team = expected([2, 2, 2, 2, 2, 2], true);
    expect(afd).toEqual({ score: 100, favourable: 100 });
    expect(block).toMatch(new RegExp(`Afdelingsleder 100 ${afd.favourable} % · ${afd.score} · n 6`));
    expect(block).toMatch(new RegExp(`Teamleder 100 ${team.favourable} % · ${team.score} · n 6`));
  });

  it("ranks it on the turned scale: the strongest statement of its element, not the weakest", () => {
    // Alle: six 1s and six 2s on r1, turned 5 and 4 → 87.5; w3 all 3 → 50. Raw, r1 would be 12.5 and the weakest.
    const all = expected([1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2], true);
    expect(byLevel).toMatch(new RegExp(`Højest Mine medarbejdere er i tvivl om, hvad der forventes \\(omvendt formuleret\\) Alle ${all.score} 12`));
    expect(byLevel).toMatch(/Lavest Jeg siger tydeligt, hvad jeg forventer Alle 50 12/);
  });
});
