import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { questionnairePath } from "../../src/adapters/files/bundled.ts";
import { score } from "../../src/cli/commands/score.ts";
import { UserError } from "../../src/cli/errors.ts";
import { memoryIo } from "../../src/cli/io.ts";
import { wideCells, wideColumns } from "../../src/core/responses/responses.ts";
import { captureStream } from "../helpers/capture.ts";
import { tmpDir } from "../helpers/paths.ts";
import { fagligLedelse, response, type Person } from "../helpers/responses.ts";

/**
 * What Excel does to a response file (SPEC §5): each quirk applied to one clean file must give
 * exit 0, one notice naming the rows, and exactly the clean file's scores.
 */
const q = fagligLedelse();
const META = ["kommune"];
const PEOPLE: Person[] = [
  { id: "t1", level: "teamleder", value: 4, meta: { kommune: "Aby" } },
  { id: "t2", level: "teamleder", value: 2, meta: { kommune: "Aby" } },
  { id: "c1", level: "chef", value: 5, meta: { kommune: "Bby" } },
  { id: "a1", level: "afdelingsleder", value: 3, meta: { kommune: "Bby" } },
  { id: "m1", level: "medarbejder", value: 1, meta: { kommune: "Aby" } },
];
const COLUMNS = wideColumns(q, META);
const col = (name: string) => COLUMNS.indexOf(name);
// The first two items put to the team leader get "ved_ikke" in the clean file, so the spelled-out forms have something to replace.
const teamItems = q.areas.flatMap((a) => a.elements.flatMap((e) => e.items)).filter((i) => !i.levels || i.levels.includes("teamleder")).map((i) => i.id);
const cleanRows = (): string[][] =>
  PEOPLE.map((p) => {
    const cells = wideCells(q, response(q, p), META);
    if (p.id === "t1") for (const id of teamItems.slice(0, 2)) cells[col(id)] = "ved_ikke";
    return cells;
  });

const quote = (cell: string, delimiter: string) => (cell.includes(delimiter) || cell.includes('"') ? `"${cell.replaceAll('"', '""')}"` : cell);
const csv = (rows: string[][], delimiter = ",", header = COLUMNS) =>
  [header, ...rows].map((cells) => cells.map((c) => quote(c, delimiter)).join(delimiter)).join("\r\n") + "\r\n";

async function scoreText(text: string, extra: { questionnaire?: string } = {}) {
  const dir = tmpDir();
  writeFileSync(join(dir, "data.csv"), text);
  const { io, stderr } = memoryIo(dir);
  const out = captureStream();
  const code = await score({ files: ["data.csv"], ...extra }, io, out.stream);
  return { code, stdout: out.text(), stderr: stderr() };
}

const clean = await scoreText(csv(cleanRows()));

describe("what Excel does to a response file is read, with one notice naming the rows", () => {
  it("the clean file scores without notices (the baseline every quirk is compared with)", () => {
    expect(clean.code).toBe(0);
    expect(clean.stderr).toBe("");
    expect(clean.stdout.split("\r\n").length).toBe(PEOPLE.length + 2);
  });

  it("skips rows that hold only separators, between the rows and at the end, in a semicolon file", async () => {
    const rows = cleanRows().map((r) => r.join(";"));
    const empty = ";".repeat(COLUMNS.length - 1);
    const text = [COLUMNS.join(";"), rows[0], rows[1], empty, empty, rows[2], rows[3], rows[4], empty, ";;;", ""].join("\r\n");
    const quirky = await scoreText(text);
    expect(quirky.code).toBe(0);
    // Header is line 1: the blank rows are lines 4-5, 9 and 10.
    expect(quirky.stderr.trim()).toBe("data.csv: Linje 4–5, 9–10 indeholder kun skilletegn og er sprunget over.");
    expect(quirky.stdout).toBe(clean.stdout);
  });

  it("skips separator-only rows in the long format too", async () => {
    const { convert } = await import("../../src/cli/commands/convert.ts");
    const dir = tmpDir();
    writeFileSync(join(dir, "wide.csv"), csv(cleanRows()));
    const { io } = memoryIo(dir);
    const long = captureStream();
    await convert({ files: ["wide.csv"], to: "long" }, io, long.stream);
    const lines = long.text().split("\r\n");
    const blank = ",".repeat(lines[0]!.split(",").length - 1);
    const quirky = await scoreText([...lines.slice(0, 3), blank, ...lines.slice(3, -1), blank, ""].join("\r\n"));
    expect(quirky.code).toBe(0);
    // The header and two answer rows, a blank at line 4, the other rows, a blank at the end.
    expect(quirky.stderr.trim()).toBe(`data.csv: Linje 4, ${lines.length + 1} indeholder kun skilletegn og er sprunget over.`);
    expect(quirky.stdout).toBe(clean.stdout);
  });

  it("reads a questionnaire_version that Danish Excel turned into the number 2,1 as 2.1", async () => {
    expect(q.version).toBe("2.1");
    const rows = cleanRows();
    rows[1]![col("questionnaire_version")] = "2,1";
    rows[3]![col("questionnaire_version")] = "2,1";
    rows[4]![col("questionnaire_version")] = "2,10";
    const quirky = await scoreText(csv(rows, ";"));
    expect(quirky.code).toBe(0);
    expect(quirky.stderr.trim()).toBe("data.csv: Linje 3, 5–6: questionnaire_version er skrevet som et tal (fx af Excel) og er læst som version 2.1.");
    expect(quirky.stdout).toBe(clean.stdout);
  });

  it("finds the questionnaire from a first row whose version reads 2,1 (no --questionnaire needed)", async () => {
    const rows = cleanRows().map((r) => r.with(col("questionnaire_version"), "2,1"));
    const quirky = await scoreText(csv(rows));
    expect(quirky.code).toBe(0);
    expect(quirky.stdout).toBe(clean.stdout);
  });

  it("accepts id@version for the current version as well as for the kept one", async () => {
    expect((await scoreText(csv(cleanRows()), { questionnaire: "faglig-ledelse@2.1" })).stdout).toBe(clean.stdout);
    // The kept 2.0 answers to its id@version also as Excel abbreviates it.
    expect(questionnairePath("faglig-ledelse@2", ".")).toMatch(/versions[\\/]faglig-ledelse-2\.0\.yaml$/);
    expect(questionnairePath("faglig-ledelse@2.0", ".")).toMatch(/versions[\\/]faglig-ledelse-2\.0\.yaml$/);
  });

  it("reads submitted_at in Danish date formats", async () => {
    const rows = cleanRows();
    rows[0]![col("submitted_at")] = "28-02-2026 10:21";
    rows[1]![col("submitted_at")] = "28.02.2026";
    rows[2]![col("submitted_at")] = "28-02-2026";
    const quirky = await scoreText(csv(rows, ";"));
    expect(quirky.code).toBe(0);
    expect(quirky.stderr.trim()).toBe("data.csv: Linje 2–4: submitted_at står i dansk datoformat og er læst som dansk dato og tid (uden tidszone).");
    expect(quirky.stdout).toBe(clean.stdout);
  });

  it('reads "Ved ikke" in any case', async () => {
    const rows = cleanRows();
    rows[0]![col(teamItems[0]!)] = "Ved ikke";
    rows[0]![col(teamItems[1]!)] = "VED IKKE";
    const quirky = await scoreText(csv(rows));
    expect(quirky.code).toBe(0);
    expect(quirky.stderr.trim()).toBe('data.csv: Linje 2: "Ved ikke" er stavet anderledes end ved_ikke og er læst som "Ved ikke".');
    expect(quirky.stdout).toBe(clean.stdout);
  });

  it("reads level ids and labels in any case", async () => {
    const rows = cleanRows();
    rows[0]![col("level")] = "Teamleder";
    rows[1]![col("level")] = "Team-/gruppeleder";
    rows[2]![col("level")] = "CHEF";
    const quirky = await scoreText(csv(rows));
    expect(quirky.code).toBe(0);
    expect(quirky.stderr.trim()).toBe("data.csv: Linje 2–4: niveauet er skrevet med navn eller store bogstaver og er læst som niveauets id.");
    expect(quirky.stdout).toBe(clean.stdout);
  });

  it("suggests the level meant when a level is mistyped", async () => {
    const rows = cleanRows();
    rows[0]![col("level")] = "temleder";
    const err = await scoreText(csv(rows)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).text.da).toContain('ukendt niveau "temleder" — mente du teamleder?');
  });

  it("reads a metadata column that stands after the items", async () => {
    const at = col("kommune");
    const moved = (cells: string[]) => [...cells.slice(0, at), ...cells.slice(at + 1), cells[at]!];
    const quirky = await scoreText(csv(cleanRows().map(moved), ",", moved(COLUMNS)));
    expect(quirky.code).toBe(0);
    expect(quirky.stderr.trim()).toBe('data.csv: Kolonnen "kommune" står efter spørgsmålene og er læst som metadata.');
    expect(quirky.stdout).toBe(clean.stdout);
  });

  it('reads a file saved as "CSV (Macintosh)", each line ended by a CR alone: the same columns and scores', async () => {
    // Older Excel for Mac; the header must end at the first CR, or the data rows become metadata columns.
    const mac = csv(cleanRows(), ";").replaceAll("\r\n", "\r");
    expect(mac).not.toContain("\n");
    const quirky = await scoreText(mac);
    expect(quirky.code).toBe(0);
    expect(quirky.stdout).toBe(clean.stdout);
  });

  it("reads what R's write.csv writes by default: row names in an unnamed first column, NA for every missing value, text in quotes", async () => {
    // write.csv(d, "data.csv"): quote = TRUE, na = "NA", row.names = TRUE. Numbers and NA unquoted.
    const r = (cell: string) => (cell === "" ? "NA" : /^\d+$/.test(cell) ? cell : `"${cell.replaceAll('"', '""')}"`);
    const text = [["", ...COLUMNS].map((c) => `"${c}"`).join(","), ...cleanRows().map((cells, i) => [String(i + 1), ...cells.map(r)].join(","))].join("\n") + "\n";
    const quirky = await scoreText(text);
    expect(quirky.code).toBe(0);
    expect(quirky.stdout).toBe(clean.stdout);
    expect(quirky.stderr.trim().split("\n")).toEqual([
      "data.csv: Kolonne nr. 1 har intet navn og er sprunget over (fx R's rækkenavne eller et skilletegn for meget).",
      "data.csv: Linje 2–6: NA (sådan skriver R's write.csv en manglende værdi) er læst som en tom celle.",
    ]);
  });

  it("R's NA in group is no group, and in respondent_id a missing id (not a respondent called NA)", async () => {
    const rows = cleanRows();
    rows[0]![col("group")] = "NA";
    const noGroup = await scoreText(csv(rows));
    expect(noGroup.code).toBe(0);
    expect(noGroup.stdout.split("\n")[1]).toMatch(/^t1,teamleder,,/);
    rows[1]![col("respondent_id")] = "NA";
    const err = await scoreText(csv(rows)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).text.da).toContain("data.csv:3 (respondent_id): mangler respondent_id");
  });

  it("a quoted \"NA\" in a metadata column is a value, not a missing one", async () => {
    const quoted = await scoreText(csv(cleanRows()).replace(",Aby,", ',"NA",'));
    expect(quoted.stdout).toContain("t1,teamleder,");
    expect(quoted.stdout.split("\n")[1]).toMatch(/,NA\r?$/);
    expect(quoted.stderr).toBe("");
  });

  it("still refuses a column after the items that is a mistyped item id, naming the item meant", async () => {
    const header = [...COLUMNS, `${teamItems[0]}x`];
    const err = await scoreText(csv(cleanRows().map((r) => [...r, ""]), ",", header)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).text.da).toContain(`mente du ${teamItems[0]}?`);
  });
});

describe("Danish dates give the report the right collection period", () => {
  it("28-02-2026 10:21 … 02.03.2026 is collected 2026-02-28 – 2026-03-02, not reversed", async () => {
    const { report } = await import("../../src/cli/commands/report.ts");
    const { getDocumentProxy } = await import("unpdf");
    const { readFileSync } = await import("node:fs");
    const rows = cleanRows();
    rows[0]![col("submitted_at")] = "28-02-2026 10:21";
    rows[1]![col("submitted_at")] = "02.03.2026";
    rows[2]![col("submitted_at")] = "1-3-2026";
    rows[3]![col("submitted_at")] = "28.02.2026";
    rows[4]![col("submitted_at")] = "01-03-2026 08:00";
    // The period stands beside a shown total only (issue 19), so the leaders must reach k = 5: four more, same dates' span.
    const more = rows.slice(0, 4).map((r, i) => r.with(col("respondent_id"), `x${i}`).with(col("submitted_at"), "01.03.2026"));
    const dir = tmpDir();
    writeFileSync(join(dir, "data.csv"), csv([...rows, ...more], ";"));
    const { io, stderr } = memoryIo(dir, "da", { SOURCE_DATE_EPOCH: "1767225600" });
    expect(await report({ files: ["data.csv"], out: "r.pdf" }, io)).toBe(0);
    expect(stderr()).toContain("data.csv: Linje 2–10: submitted_at står i dansk datoformat");
    const doc = await getDocumentProxy(new Uint8Array(readFileSync(join(dir, "r.pdf"))));
    const first = (await (await doc.getPage(1)).getTextContent()).items.map((i) => ("str" in i ? i.str : "")).join(" ").replace(/\s+/g, " ");
    expect(first).toContain("indsamlet 2026-02-28 – 2026-03-02");
  });
});
