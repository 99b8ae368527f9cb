import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvScanner, CsvSyntaxError, type CsvSink } from "../../src/adapters/csv/csv-scan.ts";
import { ReferenceScanner, ReferenceSyntaxError } from "../reference/csv-scan-reference.ts";

// The flat-loop scanner against the scanner it replaced (test/reference): for any text, cut into
// any chunks, the same fields, records, line numbers and errors. With `reportsEmpty` off, the
// same less the empty unquoted fields.

type Event = string;

/** The scanner fed decoded text, as the tests here give it (the readers give it bytes and their Latin-1 text). */
const textScanner = (delimiter: number, sink: CsvSink) => {
  const scanner = new CsvScanner(delimiter, sink);
  return { scan: (buf: string, final: boolean) => scanner.scanText(buf, final) };
};

/**
 * Records what a scanner hands on, record by record; the text's chunks are fed as a stream reader
 * does. A record cut by a chunk's end is scanned again from its start, so the fields it handed on
 * before are handed on again: each field counts as last handed on before its record ends.
 */
/** A sink that records what it is handed, record by record; `pending` is the current record's fields so far. */
function recorder(out: Event[], reportsEmpty = true, wideOf?: (s: string) => boolean): { sink: CsvSink; pending(): Event[] } {
  let fields = new Map<number, Event>();
  const sink: CsvSink = {
    reportsEmpty,
    field: (col, buf, start, end, wide) => {
      fields.set(col, `f${col}:${buf.slice(start, end)}`);
      // The scanner's `wide` says whether the field holds a character over 127.
      if (wideOf && wide !== wideOf(buf.slice(start, end))) out.push(`WRONG wide at ${col}`);
    },
    quoted: (col, value) => fields.set(col, `q${col}:${value}`),
    record: (count, line, buf, start, end) => {
      out.push(...[...fields.keys()].sort((a, b) => a - b).map((col) => fields.get(col)!), `r${count}@${line}:${JSON.stringify(buf.slice(start, end))}`);
      fields = new Map();
    },
  };
  return { sink, pending: () => [...fields.values()] };
}

function events(make: (sink: CsvSink) => { scan(buf: string, final: boolean): number }, text: string, cuts: number[], reportsEmpty = true, wideOf?: (s: string) => boolean): Event[] {
  const out: Event[] = [];
  const { sink, pending } = recorder(out, reportsEmpty, wideOf);
  const scanner = make(sink);
  let buffer = "";
  let from = 0;
  try {
    for (const at of [...cuts.filter((c) => c < text.length).sort((a, b) => a - b), text.length]) {
      buffer += text.slice(from, at);
      from = at;
      buffer = buffer.slice(scanner.scan(buffer, false));
    }
    scanner.scan(buffer, true);
  } catch (err) {
    if (err instanceof CsvSyntaxError || err instanceof ReferenceSyntaxError) out.push(...pending(), `error ${err.code} ${err.line} ${err.col}`);
    else throw err;
  }
  return out;
}

const text = fc.array(fc.constantFrom("a", "1", "ab", ",", ";", '"', '""', "\n", "\r\n", "\r", "å", " ", "Ø,"), { maxLength: 60 }).map((parts) => parts.join(""));
const cuts = fc.array(fc.nat(80), { maxLength: 6 });
const delimiter = fc.constantFrom(",", ";", "\t");

describe("the CSV scanner", () => {
  it("hands on what the scanner it replaced did, for any text in any chunks", () => {
    fc.assert(
      fc.property(text, cuts, delimiter, (t, c, d) => {
        const code = d.charCodeAt(0);
        const wide = (s: string) => [...s].some((ch) => ch.charCodeAt(0) > 127);
        expect(events((sink) => textScanner(code, sink), t, c, true, wide)).toEqual(events((sink) => new ReferenceScanner(code, sink), t, c));
      }),
      { numRuns: 3000 },
    );
  });

  it("leaves out only the empty unquoted fields when the sink does not want them", () => {
    fc.assert(
      fc.property(text, cuts, (t, c) => {
        const all = events((sink) => new ReferenceScanner(44, sink), t, c);
        const lean = events((sink) => textScanner(44, sink), t, c, false);
        expect(lean).toEqual(all.filter((e) => !/^f\d+:$/.test(e)));
      }),
      { numRuns: 2000 },
    );
  });

  it("scanning a text's UTF-8 or Windows-1252 bytes in byte chunks, its cells decoded, hands on what the reference does with the text", () => {
    // What the readers do: the bytes walked, sliced as Latin-1, a cell with a byte over 127 decoded.
    // Decoded here with TextDecoder over the cell's bytes, independently of the sinks.
    const danish = fc.array(fc.constantFrom("a", "1", ",", ";", '"', '""', "\n", "\r\n", "æ", "Ø", "å,", "€", "“", "–", " "), { maxLength: 50 }).map((parts) => parts.join(""));
    const cp1252: Record<string, number> = { "€": 0x80, "“": 0x93, "–": 0x96 };
    const encodings = { "utf-8": (t: string) => Buffer.from(t, "utf8"), "windows-1252": (t: string) => Buffer.from([...t].map((ch) => cp1252[ch] ?? ch.charCodeAt(0))) };
    fc.assert(
      fc.property(danish, cuts, fc.constantFrom("utf-8", "windows-1252") as fc.Arbitrary<keyof typeof encodings>, (t, c, encoding) => {
        const bytes = encodings[encoding](t);
        // Node 20 decodes Windows-1252 as Latin-1 unless it streams (nodejs/node#60888).
        const decode = (s: string) => new TextDecoder(encoding).decode(Buffer.from(s, "latin1"), { stream: encoding === "windows-1252" });
        const scanBytes = (sink: CsvSink) => {
          const scanner = new CsvScanner(44, {
            reportsEmpty: true,
            field: (col, buf, start, end, wide) => sink.field(col, wide ? decode(buf.slice(start, end)) : buf.slice(start, end), 0, wide ? decode(buf.slice(start, end)).length : end - start, wide),
            quoted: (col, value) => sink.quoted(col, decode(value)),
            record: (count, line, buf, start, end) => sink.record(count, line, decode(buf.slice(start, end)), 0, decode(buf.slice(start, end)).length),
          });
          let rest = Buffer.alloc(0);
          let from = 0;
          for (const at of [...c.filter((x) => x < bytes.length).sort((a, b) => a - b), bytes.length]) {
            const chunk = Buffer.concat([rest, bytes.subarray(from, at)]);
            from = at;
            rest = chunk.subarray(scanner.scan(chunk, chunk.toString("latin1"), false));
          }
          scanner.scan(rest, rest.toString("latin1"), true);
        };
        const got: Event[] = [];
        const { sink, pending } = recorder(got);
        try {
          scanBytes(sink);
        } catch (err) {
          if (!(err instanceof CsvSyntaxError)) throw err;
          got.push(...pending(), `error ${err.code} ${err.line} ${err.col}`);
        }
        expect(got).toEqual(events((sink) => new ReferenceScanner(44, sink), t, []));
      }),
      { numRuns: 2000 },
    );
  });

  it("examples by hand: a quoted field over two lines, a lone CR, text after a quote", () => {
    const scan = (t: string) => events((sink) => textScanner(44, sink), t, []);
    expect(scan('a,"x\ny",b\nc')).toEqual(["f0:a", "q1:x\ny", "f2:b", 'r3@1:"a,\\"x\\ny\\",b\\n"', "f0:c", 'r1@3:"c"']);
    expect(scan("a\rb\r\n\n")).toEqual(["f0:a", 'r1@1:"a\\r"', "f0:b", 'r1@2:"b\\r\\n"', "f0:", 'r0@3:"\\n"']);
    expect(scan('a,"b"c\n')).toEqual(["f0:a", "q1:b", "error text_after_quote 1 1"]);
  });
});
