import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundledPath } from "../../src/adapters/files/bundled.ts";
import { readResponses, type RespondentRow } from "../../src/adapters/csv/response-reader.ts";
import { score } from "../../src/cli/commands/score.ts";
import { UserError } from "../../src/cli/errors.ts";
import { memoryIo } from "../../src/cli/io.ts";
import { compileScoring } from "../../src/core/scoring/scoring.ts";
import { captureStream } from "../helpers/capture.ts";
import { tmpDir } from "../helpers/paths.ts";
import { fagligLedelse, wideCsv, type Person } from "../helpers/responses.ts";

// The one-thread reader gives each row of a wide file its place in the file, and the duplicate check
// computes no fingerprint for a first row: a later row of the same respondent has the first read again
// from its place. A place that is off by a BOM, a 1 MB chunk or a 64 KB piece would read another row
// (or none), so every place is read again here, in files that have all three.

const FL = bundledPath("faglig-ledelse");
const q = fagligLedelse();
const model = compileScoring(q);
const LEVELS = q.levels.map((l) => l.id);

/** 7 000 people (1.7 MB: past the reader's first 1 MB chunk): levels in turn, Danish letters in the group, answers 1–5 from the number. */
const crowd = (): Person[] =>
  Array.from({ length: 7000 }, (_, i) => ({ id: `r${i + 1}`, level: LEVELS[i % LEVELS.length]!, group: `Ældre og sundhed ${i % 4}`, value: 1 + (i % 5), meta: { kommune: i % 2 ? "Århus" : "Køge" } }));

type Seen = { id: string; line: number; level: string; group: string; values: number[]; meta: string[]; start: number; end: number; again: NonNullable<RespondentRow["place"]>["again"] };

async function readAll(file: string): Promise<Seen[]> {
  const seen: Seen[] = [];
  const onRow = (row: RespondentRow) => {
    const place = row.place;
    if (!place) throw new Error(`line ${row.line} has no place`);
    seen.push({ id: row.respondentId, line: row.line, level: row.level, group: row.group, values: [...row.values], meta: [...row.metaValues], start: place.start, end: place.end, again: place.again });
  };
  await readResponses(file, q, model, { onRow, onProblem: (p) => void expect.fail(p.message.en), parallel: { threads: 1 } });
  return seen;
}

const files = {
  "UTF-8 with a BOM, semicolons and CRLF": (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replaceAll(",", ";"), "utf8")]),
  "Windows-1252 (older Danish Excel)": (text: string) => Buffer.from(text, "latin1"),
};

describe("a row's place in its file (the one-thread reader)", () => {
  for (const [name, bytesOf] of Object.entries(files)) {
    it(`${name}: every row read again from its place is the same row, and its bytes are its line`, async () => {
      const dir = tmpDir();
      const file = join(dir, "export.csv");
      writeFileSync(file, bytesOf(wideCsv(q, crowd(), ["kommune"])));
      const bytes = readFileSync(file);
      expect(bytes.length).toBeGreaterThan(1 << 20);
      const rows = await readAll(file);
      expect(rows).toHaveLength(7000);
      for (const row of rows) {
        // The line as it stands in the file: from the respondent id to its line break.
        const text = bytes.subarray(row.start, row.end).toString("latin1");
        expect(text.startsWith(`${row.id};`) || text.startsWith(`${row.id},`)).toBe(true);
        expect(text.endsWith("\r\n")).toBe(true);
      }
      for (const row of rows.filter((_, i) => i % 97 === 0 || i === rows.length - 1)) {
        const again = row.again(row.start, row.end, row.line);
        expect({ id: again.respondentId, line: again.line, level: again.level, group: again.group, values: [...again.values], meta: [...again.metaValues] }).toEqual({ id: row.id, line: row.line, level: row.level, group: row.group, values: row.values, meta: row.meta });
      }
      expect(rows.at(-1)!.group).toBe("Ældre og sundhed 3");
    });
  }

  it("under a header with quoted names (a comma, a line break, a quote in a name, as Excel writes them), the first row read again is the row: an identical second row counts once", async () => {
    const dir = tmpDir();
    const people = crowd().slice(0, 40);
    const csv = wideCsv(q, [...people, people[7]!], ["kommune"]);
    const [header, ...rest] = csv.split("\r\n");
    const names = header!.split(",");
    // After the items a metadata column may be named anything: three names only a quoted cell can hold.
    const quoted = [...names, '"Område\n(forvaltning)"', '"Enhed, afdeling"', '"Kaldt ""team"""'].join(",");
    const rows = rest.filter(Boolean).map((line) => `${line},Syd,A,B`);
    writeFileSync(join(dir, "a.csv"), [quoted, ...rows, ""].join("\r\n"));
    const { io, stderr } = memoryIo(dir);
    const out = captureStream();
    expect(await score({ files: ["a.csv"], questionnaire: FL, by: "level" }, io, out.stream)).toBe(0);
    // The header takes lines 1–2, so r8 is on line 10 and again on line 43.
    expect(stderr()).toContain("a.csv:43 = a.csv:10");
  });

  it.skipIf(!existsSync("/proc/self/fd"))("a file given twice: every row is read again (in blocks, the file open only while a chunk is checked), counted once, and no file is left open", async () => {
    const dir = tmpDir();
    writeFileSync(join(dir, "a.csv"), wideCsv(q, crowd(), ["kommune"]));
    const open = () => readdirSync("/proc/self/fd").length;
    const before = open();
    const { io, stderr } = memoryIo(dir);
    const out = captureStream();
    expect(await score({ files: ["a.csv", "a.csv"], questionnaire: FL, by: "level" }, io, out.stream)).toBe(0);
    expect(stderr()).toContain("a.csv er angivet mere end én gang; de 7000 respondenter i den tælles én gang");
    // The reader closes the file at its next wait; give it that turn.
    await new Promise((resolve) => setImmediate(resolve));
    expect(open()).toBe(before);
  });

  it("a second row of a respondent far into a file is judged against the first read again: identical counts once, different is a conflict naming the first line", async () => {
    const dir = tmpDir();
    const people = crowd();
    writeFileSync(join(dir, "a.csv"), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(wideCsv(q, people, ["kommune"]).replaceAll(",", ";"), "utf8")]));
    // r6001 lies past the first 1 MB chunk, on line 6002 of a.csv; r6500 on line 6501.
    writeFileSync(join(dir, "b.csv"), wideCsv(q, [people[6000]!, { id: "x1", level: "chef" }], ["kommune"]));
    const { io, stderr } = memoryIo(dir);
    const out = captureStream();
    expect(await score({ files: ["a.csv", "b.csv"], questionnaire: FL, by: "level" }, io, out.stream)).toBe(0);
    expect(stderr()).toContain("b.csv:2 = a.csv:6002");

    writeFileSync(join(dir, "c.csv"), wideCsv(q, [{ ...people[6499]!, value: 1 + ((people[6499]!.value! + 1) % 5) }], ["kommune"]));
    const failed = await score({ files: ["a.csv", "c.csv"], questionnaire: FL, by: "level" }, memoryIo(dir).io, captureStream().stream).then(() => undefined, (e: unknown) => e);
    expect(failed).toBeInstanceOf(UserError);
    expect((failed as UserError).text.da).toContain('c.csv:2 (respondent_id): respondenten "r6500" står også i a.csv:6501 med andre svar');
  });
});
