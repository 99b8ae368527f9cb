import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readResponses, type DataProblem, type RespondentRow } from "../../src/adapters/csv/response-reader.ts";
import { compileScoring } from "../../src/core/scoring/scoring.ts";
import { tmpDir } from "../helpers/paths.ts";
import { fagligLedelse, wideCsv, type Person } from "../helpers/responses.ts";

// The one-thread reader walks the file's bytes in pieces of about 1 MB and decodes only the cells
// that hold a byte over 127. What it must give, checked against the people the file was written
// from (not against another reader): Danish letters in UTF-8 with a BOM and in Windows-1252, a
// record longer than a piece (a long comment with line breaks), and line numbers after it.

const q = fagligLedelse();
const model = compileScoring(q);
afterEach(() => delete process.env.LEDELSESTJEK_THREADS);

/** Text as Windows-1252 bytes, for the characters used here. */
const windows1252 = (text: string): Buffer => Buffer.from([...text].map((ch) => ({ "€": 0x80, "–": 0x96, "“": 0x93, "”": 0x94 })[ch] ?? ch.charCodeAt(0)));

async function readOneThread(file: string) {
  process.env.LEDELSESTJEK_THREADS = "1";
  const rows: { id: string; line: number; group: string; comment: string; kommune: string }[] = [];
  const problems: DataProblem[] = [];
  const onRow = (row: RespondentRow) => rows.push({ id: row.respondentId, line: row.line, group: row.group, comment: row.commentValues.find((c) => c !== "") ?? "", kommune: row.metaValues[0]! });
  const summary = await readResponses(file, q, model, { onRow, onProblem: (p) => problems.push(p) });
  return { rows, problems, summary };
}

// A comment of 2.5 MB, longer than two pieces, with Danish letters, a quote and line breaks in it.
const LONG = `Vi mødes “hver uge” – også i år.\n${"Æblerne på Ærø, øen i syd. ".repeat(95_000)}\nSlut ”her”`;
const PEOPLE: Person[] = [
  { id: "r1", level: "teamleder", group: "Ærø Skole", meta: { kommune: "Århus" }, comment: "kort – €5" },
  { id: "r2", level: "teamleder", group: "Enhed", meta: { kommune: "Odense" }, comment: LONG },
  { id: "r3", level: "chef", group: "Ørbæk", meta: { kommune: "Nyborg" } },
];

describe("the one-thread reader, as bytes", () => {
  it("a UTF-8 file with a BOM, a quoted header and a record longer than a piece: every cell decoded, the line numbers the file's own", async () => {
    const dir = tmpDir();
    const file = join(dir, "utf8.csv");
    // R's write.csv quotes every name; after a BOM, the first quote must still open the first field.
    const [header, ...rest] = wideCsv(q, PEOPLE, ["kommune"]).split(/(?<=\n)/);
    const quoted = `${header!.trimEnd().split(",").map((name) => `"${name}"`).join(",")}\n`;
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(quoted + rest.join(""), "utf8")]));
    const { rows, problems, summary } = await readOneThread(file);
    expect(problems).toEqual([]);
    expect(summary.encoding).toBe("utf-8");
    expect(summary.columns[0]).toBe("respondent_id");
    // The long comment holds 2 line feeds: the row after it starts 3 lines further on.
    expect(rows).toEqual([
      { id: "r1", line: 2, group: "Ærø Skole", comment: "kort – €5", kommune: "Århus" },
      { id: "r2", line: 3, group: "Enhed", comment: LONG, kommune: "Odense" },
      { id: "r3", line: 6, group: "Ørbæk", comment: "", kommune: "Nyborg" },
    ]);
  });

  it("the same people in Windows-1252 (as older Danish Excel saves): the same cells", async () => {
    const dir = tmpDir();
    const file = join(dir, "cp1252.csv");
    writeFileSync(file, windows1252(wideCsv(q, PEOPLE, ["kommune"]).replaceAll(",", ";")));
    const { rows, problems, summary } = await readOneThread(file);
    expect(problems).toEqual([]);
    expect(summary.encoding).toBe("windows-1252");
    expect(summary.delimiter).toBe(";");
    expect(rows.map((r) => [r.group, r.kommune, r.comment.length, r.line])).toEqual([
      ["Ærø Skole", "Århus", "kort – €5".length, 2],
      ["Enhed", "Odense", LONG.replaceAll(",", ";").length, 3],
      ["Ørbæk", "Nyborg", 0, 6],
    ]);
    expect(rows[0]!.comment).toBe("kort – €5");
  });
});
