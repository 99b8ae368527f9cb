import fc from "fast-check";
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cut } from "../../src/adapters/csv/parallel/ranges.ts";

// cut() against the rule computed on the whole bytes: each range ends just after the first line
// feed at or past `rangeBytes` from its start, or at the end of the file; lines longer than the
// window it reads at a time included.

const dir = mkdtempSync(join(tmpdir(), "ledelsestjek-ranges-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function expected(bytes: Buffer, start: number, rangeBytes: number): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  for (let from = start; from < bytes.length; ) {
    const lf = from + rangeBytes < bytes.length ? bytes.indexOf(10, from + rangeBytes) : -1;
    const end = lf < 0 ? bytes.length : lf + 1;
    ranges.push({ start: from, end });
    from = end;
  }
  return ranges;
}

describe("cutting a file into ranges of whole lines", () => {
  it("ends every range at the first line feed past its size, for lines of any length", () => {
    let n = 0;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 12_000 }), { minLength: 1, maxLength: 40 }), fc.boolean(), fc.integer({ min: 1, max: 20_000 }), fc.nat(50), (lengths, endsWithLf, rangeBytes, start) => {
        const text = lengths.map((l) => "x".repeat(l)).join("\n") + (endsWithLf ? "\n" : "");
        const bytes = Buffer.from(text, "latin1");
        const file = join(dir, `f${n++}.csv`);
        writeFileSync(file, bytes);
        const fd = openSync(file, "r");
        try {
          const from = Math.min(start, bytes.length);
          expect(cut(fd, bytes.length, from, rangeBytes)).toEqual(expected(bytes, from, rangeBytes));
        } finally {
          closeSync(fd);
        }
      }),
      { numRuns: 300 },
    );
  });
});
