import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { CsvScanner, type CsvSink } from "../../src/adapters/csv/csv-scan.ts";
import { csvLine } from "../../src/adapters/csv/csv-write.ts";
import { CsvTable, EXCEL, formatNumber, STANDARD, StagedOutput } from "../../src/adapters/csv/table-writer.ts";

// What every CSV line we write must be (SPEC §3), written here without the writer's shortcuts: a cell a
// spreadsheet would run as a formula gets an apostrophe unless it is a plain number; a cell holding the
// delimiter, a quote or a line break is quoted with its quotes doubled; cells are joined, CRLF ends the line.
const defused = (cell: string) => (/^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+(?:[.,]\d+)?$/.test(cell) ? `'${cell}` : cell);
const quoted = (cell: string, d: string) => (cell.includes(d) || /["\r\n]/.test(cell) ? `"${cell.split('"').join('""')}"` : cell);
const expectedLine = (cells: string[], d: string) => `${cells.map((c) => quoted(defused(c), d)).join(d)}\r\n`;

/** Cells built from the characters that matter to quoting and defusing, and some that do not. */
const cell = fc.array(fc.constantFrom("a", "æ", "1", ",", ";", "\t", '"', "\n", "\r", "=", "+", "-", "@", "'", " ", ".", "€"), { maxLength: 8 }).map((cs) => cs.join(""));
const cells = fc.array(cell, { minLength: 1, maxLength: 6 });
const delimiter = fc.constantFrom(",", ";", "\t");

/** The cells of one line as our own scanner reads them back. */
function readBack(line: string, d: string): string[] {
  const out: string[] = [];
  const sink: CsvSink = {
    field: (col, buf, start, end) => (out[col] = buf.slice(start, end)),
    quoted: (col, value) => (out[col] = value),
    record: () => undefined,
  };
  new CsvScanner(d.charCodeAt(0), sink).scanText(line, true);
  return out;
}

describe("csvLine", () => {
  it("defuses, quotes and joins every cell as the rule says, for any cells and delimiter", () => {
    fc.assert(fc.property(cells, delimiter, (cs, d) => {
      expect(csvLine(cs, d)).toBe(expectedLine(cs, d));
    }), { numRuns: 5000 });
  });

  it("reads back, with our scanner, as the defused cells", () => {
    fc.assert(fc.property(cells, delimiter, (cs, d) => {
      expect(readBack(csvLine(cs, d), d)).toEqual(cs.map(defused));
    }), { numRuns: 2000 });
  });
});

describe("CsvTable.rowWith", () => {
  const dir = mkdtempSync(join(tmpdir(), "csv-write-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes the same bytes as row() with the segment's cells appended, in both dialects", async () => {
    const pairs = fc.sample(fc.tuple(fc.array(cell, { maxLength: 4 }), fc.array(cell, { maxLength: 4 })), 300);
    for (const dialect of [STANDARD, EXCEL]) {
      const [a, b] = [join(dir, `row-${dialect.delimiter}.csv`), join(dir, `with-${dialect.delimiter}.csv`)];
      const [rows, withs] = [new StagedOutput(a, dir), new StagedOutput(b, dir)];
      const [byRow, byWith] = [new CsvTable(rows, dialect), new CsvTable(withs, dialect)];
      for (const [head, tail] of pairs) {
        if (head.length + tail.length === 0) continue;
        byRow.row([...head, ...tail]);
        byWith.rowWith(head, byWith.segment(tail));
      }
      await rows.commit(process.stdout);
      await withs.commit(process.stdout);
      expect(readFileSync(b, "utf8")).toBe(readFileSync(a, "utf8"));
    }
  });
});

describe("formatNumber", () => {
  it("writes float noise around zero as 0, never NaN (a gap between two equal means, 5e-7, was once written NaN)", () => {
    for (const noise of [5e-7, -3e-8, 1e-10, 4e-11, 9.99e-7]) {
      expect(formatNumber(noise, STANDARD)).toBe("0");
      expect(formatNumber(noise, EXCEL)).toBe("0");
    }
    expect(formatNumber(-0.125, EXCEL)).toBe("-0,13");
    expect(formatNumber(null, STANDARD)).toBe("");
  });
});
