import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { extractText, getDocumentProxy, getMeta } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import { report } from "../../src/cli/commands/report.ts";
import { UserError } from "../../src/cli/errors.ts";
import { memoryIo } from "../../src/cli/io.ts";
import { MINI, ROOT, tmpDir } from "../helpers/paths.ts";

const HEADER = "respondent_id,questionnaire_id,questionnaire_version,level,group,submitted_at,i1,i2,i3,i4,i5,i6,i7,i8";
const row = (id: string, group: string, v: number, level = "leder") =>
  level === "leder" ? `${id},mini,2,${level},${group},2026-01-01T00:00:00+00:00,${v},${v},${6 - v},${v},,${v},${v},${v}` : `${id},mini,2,${level},${group},2026-01-01T00:00:00+00:00,${v},${v},${6 - v},,${v},${v},,`;

/**
 * Three groups for mini (min_group_size 3): "Lille" has 2 respondents (hidden), "Mellem" 4 (hidden as
 * the complement, so Lille cannot be found from the total), "Stor" 10 (shown). Every Lille answer is 2
 * and every Mellem answer 4, so their means (2 and 4, scores 25 and 75) are figures to look for.
 */
const DATA = [
  HEADER,
  row("l1", "Lille", 2), row("l2", "Lille", 2),
  ...[1, 2, 3, 4].map((i) => row(`m${i}`, "Mellem", 4)),
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((i) => row(`s${i}`, "Stor", i <= 6 ? 5 : 3)),
].join("\n");

async function pdfText(path: string): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(path)));
  const { text } = await extractText(pdf, { mergePages: true });
  return text;
}

let dir: string;
let text: string;
const env = { SOURCE_DATE_EPOCH: "1767225600" }; // 2026-01-01

beforeAll(async () => {
  dir = tmpDir();
  writeFileSync(join(dir, "data.csv"), DATA);
  const { io } = memoryIo(dir, "da", env);
  await report({ files: ["data.csv"], questionnaire: MINI, by: "group", out: "rapport.pdf", csv: "tal.csv" }, io);
  text = await pdfText(join(dir, "rapport.pdf"));
});

describe("report (PDF)", () => {
  it("has real, searchable text: title, every element and area, every group and its n", () => {
    for (const label of ["Mini", "Element 1", "Element 2", "Element 3", "Område 1", "Område 2", "Overblik", "Metode", "Lille", "Mellem", "Stor", "Alle"]) {
      expect(text).toContain(label);
    }
    expect(text).toMatch(/Stor\s*10/); // respondents on the cover
    expect(text).toMatch(/Alle\s*16/);
    expect(text).toMatch(/Stor\s*80\s*Høj\s*10/); // element table: score, band, n
    expect(text).toContain("2026-01-01"); // SOURCE_DATE_EPOCH is the printed date
  });

  it("shows no figure of a group below the threshold, nor of its complement", () => {
    expect(text).toContain("færre end 3 besvarelser"); // Lille
    expect(text).toContain("skjult, så tallet for en lille gruppe ikke kan regnes ud"); // Mellem, the complement
    // Counts may be shown (SPEC §4 rule 1) and are shown for every group alike, so no hidden count is left to derive.
    expect(text).toMatch(/Lille\s*2\b/);
    expect(text).not.toMatch(/· (25|75) · n [24]\b/); // Lille's and Mellem's item scores (answers 2 and 4)
    expect(text).not.toMatch(/· n [24]\b/); // item counts of the hidden groups
    expect(text).not.toMatch(/\b75\s+Høj/); // Mellem's element score and band
    // Stor is shown: its items average (6 × 5 + 4 × 3) / 10 = 4.2, on 0-100 (4.2 − 1) / 4 × 100 = 80;
    // 6 of 10 chose the top answer, so the two top answers hold 60 %.
    expect(text).toContain("60 % · 80 · n 10");
  });

  it("embeds its fonts and sets the document metadata", async () => {
    const bytes = readFileSync(join(dir, "rapport.pdf"));
    expect(bytes.toString("latin1")).toContain("/FontFile2");
    const { info } = await getMeta(new Uint8Array(bytes));
    expect(info).toMatchObject({ Title: "Mini — Rapport", Author: "ledelsestjek", Subject: expect.stringMatching(/^mini 2 \([0-9a-f]{12}\)$/) });
    expect(info.CreationDate).toMatch(/^D:20260101/);
  });

  it("writes its figures to --csv with complementary suppression", () => {
    const lines = readFileSync(join(dir, "tal.csv"), "utf8").trimEnd().split("\r\n");
    // No min and max: in a report they are single people's values (they stay in `score --by`).
    expect(lines[0]).toBe("group,population,dimension,item_id,levels,n,mean,sd,median,score,count_1,count_2,count_3,count_4,count_5,count_ved_ikke,suppressed,total");
    const blanks = ",,,,,,";
    expect(lines).toContain(`Lille,ledere,e1,,,2,,,,${blanks},true,false`);
    expect(lines).toContain(`Mellem,ledere,e1,,,4,,,,${blanks},true,false`);
    // Stor: e1 for 6 × 100 and 4 × 50 → mean 80, sd = sqrt(6·20² + 4·30²)/9 = sqrt(6000/9)
    expect(lines).toContain(`Stor,ledere,e1,,,10,80,${(Math.round(Math.sqrt(6000 / 9) * 100) / 100).toString()},100,${blanks},false,false`);
    expect(lines.filter((l) => l.startsWith(",ledere,") && l.endsWith(",true") && l.split(",")[3] === "")).toHaveLength(6);
    // e2 over all 16: 2 × 25, 4 × 75, 6 × 100, 4 × 50 → mean 71.875, sd 27.195 (Python statistics.stdev)
    expect(lines).toContain(`,ledere,e2,,,16,71.88,27.2,75,${blanks},false,true`);
    // Items: Stor's i1 = six 5s and four 3s → mean 4.2, score 80; Lille's and Mellem's are hidden
    expect(lines).toContain("Stor,ledere,e1,i1,,10,4.2,,,80,0,0,4,0,6,0,false,false");
    expect(lines).toContain("Lille,ledere,e1,i1,,2,,,,,,,,,,,true,false");
    expect(lines).toContain("Mellem,ledere,e1,i1,,4,,,,,,,,,,,true,false");
    // i3 is reverse-keyed: the score column turns it as the PDF does. Stor answers 6 − v: six 1s, four 3s → mean 1.8, (1.8 − 1) / 4 × 100 = 20, turned 80.
    expect(lines).toContain("Stor,ledere,e1,i3,,10,1.8,,,80,6,0,4,0,0,0,false,false");
  });

  it("gives identical bytes for the same input when SOURCE_DATE_EPOCH is set", async () => {
    const { io } = memoryIo(dir, "da", env);
    await report({ files: ["data.csv"], questionnaire: MINI, by: "group", out: "igen.pdf" }, io);
    const hash = (name: string) => createHash("sha256").update(readFileSync(join(dir, name))).digest("hex");
    expect(hash("igen.pdf")).toBe(hash("rapport.pdf"));
  });

  it("does not overwrite without --force, and leaves no temporary file", async () => {
    const { io } = memoryIo(dir, "da", env);
    const before = readFileSync(join(dir, "rapport.pdf"));
    const err = await report({ files: ["data.csv"], questionnaire: MINI, out: "rapport.pdf" }, io).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).text.da).toContain("findes allerede. Brug --force");
    expect(readFileSync(join(dir, "rapport.pdf")).equals(before)).toBe(true);
    await report({ files: ["data.csv"], questionnaire: MINI, out: "rapport.pdf", force: true }, io);
    expect(readFileSync(join(dir, "rapport.pdf")).equals(before)).toBe(false); // no --by: another report
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("writes nothing when the data are bad", async () => {
    const bad = tmpDir();
    writeFileSync(join(bad, "data.csv"), `${HEADER}\n${row("x", "G", 9)}\n`);
    const { io } = memoryIo(bad, "da", env);
    await expect(report({ files: ["data.csv"], questionnaire: MINI, out: "r.pdf" }, io)).rejects.toBeInstanceOf(UserError);
    expect(existsSync(join(bad, "r.pdf"))).toBe(false);
  });

  it("treats a level an element has no items for as not applicable, not as a small group to protect", async () => {
    // Default questionnaire (2.1): medarbejder has no items in "identifikation" (since the readers' review it has one in
    // "praesentation", pr-m2). Six teamledere and six medarbejdere answer 4.
    const q = JSON.parse((await import("node:child_process")).execFileSync(process.execPath, [join(ROOT, "bin", "ledelsestjek.js"), "show", "--json"], { encoding: "utf8" }));
    const items = q.areas.flatMap((a: { elements: { items: { id: string; levels: string[] }[] }[] }) => a.elements.flatMap((e) => e.items));
    const header = ["respondent_id", "questionnaire_id", "questionnaire_version", "level", "group", "submitted_at", ...items.map((i: { id: string }) => i.id)].join(",");
    const line = (id: string, level: string) => [id, "faglig-ledelse", q.version, level, "", "2026-01-01T00:00:00+00:00", ...items.map((i: { levels: string[] }) => (i.levels.includes(level) ? "4" : ""))].join(",");
    const dir2 = tmpDir();
    writeFileSync(join(dir2, "d.csv"), [header, ...[1, 2, 3, 4, 5, 6].flatMap((i) => [line(`t${i}`, "teamleder"), line(`m${i}`, "medarbejder")])].join("\n"));
    const { io } = memoryIo(dir2, "da", env);
    await report({ files: ["d.csv"], by: "level", out: "r.pdf", csv: "r.csv" }, io);
    const lines = readFileSync(join(dir2, "r.csv"), "utf8").trimEnd().split("\r\n");
    expect(lines).toContain("medarbejder,medarbejder,identifikation,,,0,,,,,,,,,,,true,false");
    expect(lines).toContain("teamleder,ledere,identifikation,,,6,75,0,75,,,,,,,,false,false"); // 4 on 1-5 → 75, for all six
    // The heatmap marks the cell "not asked" (i.r.), never "fewer than k"; the element page leaves the row out.
    const pdf = await pdfText(join(dir2, "r.pdf"));
    expect(pdf).toContain("«i.r.»: elementet stilles ikke til niveauet");
    expect(pdf).not.toMatch(/Medarbejder \(spejl\)\s*–\s*færre end/);
  });
});

describe("report: anonymity across levels (SPEC §4)", () => {
  it("hides 'Alle' for an item put to a single level whose group is hidden", async () => {
    // mini: i5 is put to medarbejder only, who are 1-2 here (k = 3); its total is the same people.
    const d = tmpDir();
    const { io } = memoryIo(d, "da", env);
    await report({ files: [join(ROOT, "test", "fixtures", "responses", "mini-utf8.csv")], questionnaire: MINI, by: "level", out: "r.pdf", csv: "r.csv" }, io);
    const lines = readFileSync(join(d, "r.csv"), "utf8").trimEnd().split("\r\n");
    const i5 = lines.filter((l) => l.split(",")[3] === "i5");
    expect(i5.length).toBeGreaterThan(0);
    expect(i5.every((l) => l.endsWith("true,false") || l.endsWith("true,true"))).toBe(true);
    expect(i5.some((l) => l.endsWith(",true,true"))).toBe(true);
  });

  it("names merged levels on the cover and in the method section", async () => {
    const d = tmpDir();
    const { io } = memoryIo(d, "da", env);
    await report({ files: [join(ROOT, "test", "fixtures", "responses", "mini-utf8.csv")], questionnaire: MINI, by: "level", out: "r.pdf", mergeLevels: ["leder+medarbejder=Hele kæden"] }, io);
    const pdf = await pdfText(join(d, "r.pdf"));
    expect(pdf).toContain("Sammenlagte niveauer");
    expect(pdf).toMatch(/Hele kæden = Leder \+ Medarbejder/);
  });
});
