import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvScanner, CsvSyntaxError, type CsvSink } from "../../src/adapters/csv/csv-scan.ts";
import { scanPieces } from "../../src/adapters/csv/scan-pieces.ts";

// Scanning in pieces (each read into a small string) against scanning the bytes whole, as the
// readers did before: the same fields, records with the same place in the whole, line numbers,
// errors and unfinished tail, whatever the piece size — records across pieces, records longer
// than a piece, a CR or a quote at a piece's end.

type Run = { events: string[]; tail: number | string };

function run(bytes: Buffer, final: boolean, delimiter: number, pieceBytes?: number): Run {
  const events: string[] = [];
  let fields = new Map<number, string>();
  let base = 0;
  const sink: CsvSink = {
    field: (col, buf, start, end, wide) => void fields.set(col, `f${col}:${buf.slice(start, end)}:${wide}`),
    quoted: (col, value) => void fields.set(col, `q${col}:${value}`),
    // A record's place in the whole: where the sink is told its piece begins, plus its place in the piece.
    record: (count, line, buf, start, end) => {
      events.push(...[...fields.keys()].sort((a, b) => a - b).map((c) => fields.get(c)!), `r${count}@${line}[${base + start},${base + end}):${JSON.stringify(buf.slice(start, end))}`);
      fields = new Map();
    },
  };
  const scanner = new CsvScanner(delimiter, sink);
  try {
    const tail = pieceBytes === undefined ? scanner.scan(bytes, bytes.toString("latin1"), final) : scanPieces(scanner, bytes, final, (offset) => (base = offset), pieceBytes);
    return { events, tail };
  } catch (err) {
    if (!(err instanceof CsvSyntaxError)) throw err;
    return { events, tail: `error ${err.code} ${err.line} ${err.col}` };
  }
}

const bytes = fc
  .array(fc.constantFrom("a", "17", "ab", ",", ";", '"', '""', "\n", "\r\n", "\r", "\u00e5", " ", "\u00d8,", '"x\ny"'), { maxLength: 80 })
  .map((parts) => Buffer.from(parts.join(""), "latin1"));

describe("scanning in pieces", () => {
  it("hands on what one scan of the whole bytes does, for any piece size, final or not", () => {
    fc.assert(
      fc.property(bytes, fc.integer({ min: 1, max: 12 }), fc.boolean(), fc.constantFrom(",", ";"), (b, piece, final, d) => {
        const code = d.charCodeAt(0);
        expect(run(b, final, code, piece)).toEqual(run(b, final, code));
      }),
      { numRuns: 3000 },
    );
  });

  it("reads a record many times longer than a piece, across pieces of a realistic size", () => {
    const long = `"${"x".repeat(300_000)}\n${"y".repeat(10)}"`;
    const text = `id,svar\n${Array.from({ length: 20_000 }, (_, i) => `r${i},${i % 5}`).join("\n")}\nr-long,${long}\r\nr-last,4\n`;
    const b = Buffer.from(text, "latin1");
    const whole = run(b, true, 44);
    expect(whole.events.length).toBeGreaterThan(20_000 * 3);
    expect(run(b, true, 44, 1 << 16)).toEqual(whole);
    expect(run(b, false, 44, 1 << 16)).toEqual(run(b, false, 44));
  });
});
