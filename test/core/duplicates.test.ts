import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OneRowPerRespondent, type RowContent } from "../../src/core/responses/duplicates.ts";
import { AnswerKind } from "../../src/core/scoring/item-stats.ts";

/** A row of three items from cells as a file holds them: a digit, "v" for ved_ikke, "" for empty. */
function row(cells: string[], extra: Partial<RowContent> = {}): RowContent {
  const values = new Float64Array(cells.length).fill(NaN);
  const kinds = new Uint8Array(cells.length);
  cells.forEach((c, i) => {
    if (c === "v") kinds[i] = AnswerKind.DontKnow;
    else if (c !== "") {
      kinds[i] = AnswerKind.Value;
      values[i] = Number(c);
    }
  });
  return { level: "chef", group: "G", metaNames: [], metaValues: [], values, kinds, ...extra };
}

const verdict = (first: RowContent, second: RowContent) => {
  const once = new OneRowPerRespondent();
  expect(once.check("r1", once.fingerprint(first), 0, 2)).toEqual({ kind: "first" });
  return once.check("r1", once.fingerprint(second), 1, 7);
};

describe("OneRowPerRespondent", () => {
  it("given a row's place instead of its fingerprint, reads the row again only when the respondent comes back, once", () => {
    // The file as the reader would read it again: rows by their bytes [start, end).
    const rows = new Map([[100, row(["1", "2", "v"])], [200, row(["4", "", ""])], [300, row(["5", "5", "5"])]]);
    const readAgain: [number, number, number, number][] = [];
    const once: OneRowPerRespondent = new OneRowPerRespondent((file, start, end, line) => {
      readAgain.push([file, start, end, line]);
      return once.fingerprint(rows.get(start)!);
    });
    let asked = 0;
    const lazily = (content: RowContent) => () => (asked++, once.fingerprint(content));
    expect(once.check("r1", lazily(rows.get(100)!), 0, 2, { start: 100, end: 150 })).toEqual({ kind: "first" });
    expect(once.check("r2", lazily(rows.get(200)!), 0, 3, { start: 200, end: 250 })).toEqual({ kind: "first" });
    expect(once.check("r3", lazily(rows.get(300)!), 0, 4, { start: 300, end: 350 })).toEqual({ kind: "first" });
    expect([asked, readAgain]).toEqual([0, []]);
    expect(once.check("r2", lazily(row(["4", "", ""])), 1, 9)).toEqual({ kind: "same", first: { file: 0, line: 3 } });
    expect(once.check("r2", lazily(row(["4", "1", ""])), 2, 5)).toEqual({ kind: "conflict", first: { file: 0, line: 3 } });
    expect(once.check("r1", once.fingerprint(row(["1", "2", ""])), 2, 6)).toEqual({ kind: "conflict", first: { file: 0, line: 2 } });
    expect(readAgain).toEqual([[0, 200, 250, 3], [0, 100, 150, 2]]);
    expect(asked).toBe(2);
  });

  it("keeps every first place when room is made ahead in the middle of a file", () => {
    const once = new OneRowPerRespondent();
    const content = row(["1", "2", "v"]);
    for (let i = 0; i < 3000; i++) expect(once.check(`r${i}`, once.fingerprint(content), i % 2, i + 2)).toEqual({ kind: "first" });
    once.reserve(100_000);
    for (let i = 3000; i < 6000; i++) expect(once.check(`r${i}`, once.fingerprint(content), i % 2, i + 2)).toEqual({ kind: "first" });
    for (const i of [0, 1, 1023, 1024, 2999, 3000, 5999]) {
      expect(once.check(`r${i}`, once.fingerprint(content), 2, 1)).toEqual({ kind: "same", first: { file: i % 2, line: i + 2 } });
    }
  });

  it("tells a repeated identical row from a differing one, and remembers where the first was", () => {
    expect(verdict(row(["1", "2", "v"]), row(["1", "2", "v"]))).toEqual({ kind: "same", first: { file: 0, line: 2 } });
    expect(verdict(row(["1", "2", "v"]), row(["1", "3", "v"]))).toEqual({ kind: "conflict", first: { file: 0, line: 2 } });
  });

  it.each([
    ["ved_ikke against empty", row(["1", "2", "v"]), row(["1", "2", ""])],
    ["an answer moved to another item", row(["1", "", "2"]), row(["1", "2", ""])],
    ["another level", row(["1"]), row(["1"], { level: "direktion" })],
    ["another group", row(["1"]), row(["1"], { group: "H" })],
    ["a metadata value", row(["1"], { metaNames: ["kommune"], metaValues: ["Aarhus"] }), row(["1"], { metaNames: ["kommune"], metaValues: ["Aalborg"] })],
    ["text split differently across fields", row(["1"], { level: "ab", group: "c" }), row(["1"], { level: "a", group: "bc" })],
  ])("counts %s as a conflict", (_, a, b) => {
    expect(verdict(a, b).kind).toBe("conflict");
  });

  it("compares metadata by name: column order does not matter, and a missing column is an empty one", () => {
    const a = row(["4"], { metaNames: ["kommune", "runde", "note"], metaValues: ["Aarhus", "1", ""] });
    const b = row(["4"], { metaNames: ["runde", "kommune"], metaValues: ["1", "Aarhus"] });
    expect(verdict(a, b).kind).toBe("same");
  });

  it("keeps respondents apart by id", () => {
    const once = new OneRowPerRespondent();
    expect(once.check("r1", once.fingerprint(row(["1"])), 0, 2).kind).toBe("first");
    expect(once.check("r2", once.fingerprint(row(["2"])), 0, 3).kind).toBe("first");
    expect(once.check("r2", once.fingerprint(row(["2"])), 0, 9)).toEqual({ kind: "same", first: { file: 0, line: 3 } });
  });
});

describe("OneRowPerRespondent against a reference that keeps whole rows", () => {
  // Small alphabets, so repeated ids with identical and with slightly different rows are frequent.
  const cellArb = fc.constantFrom("", "v", "3");
  const rowArb = fc.record({
    id: fc.constantFrom("r1", "r2", "r3", "r4"),
    level: fc.constantFrom("chef", "leder"),
    group: fc.constantFrom("A", "AB"),
    cells: fc.array(cellArb, { minLength: 2, maxLength: 2 }),
    kommune: fc.constantFrom("", "Aarhus", "Aalborg"),
    metaFirst: fc.boolean(),
  });

  it("gives the verdict a comparison of whole rows gives, whatever the metadata column order", () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 30 }), (rows) => {
        const once = new OneRowPerRespondent();
        const reference = new Map<string, { key: string; line: number }>();
        rows.forEach((r, line) => {
          // The same metadata in two column orders (and with an extra empty column) must not matter.
          const meta = r.metaFirst
            ? { metaNames: ["kommune", "note"], metaValues: [r.kommune, ""] }
            : { metaNames: ["note", "kommune"], metaValues: ["", r.kommune] };
          const got = once.check(r.id, once.fingerprint(row(r.cells, { level: r.level, group: r.group, ...meta })), 0, line);
          const key = JSON.stringify([r.level, r.group, r.cells, r.kommune]);
          const first = reference.get(r.id);
          if (!first) {
            reference.set(r.id, { key, line });
            expect(got).toEqual({ kind: "first" });
          } else {
            expect(got).toEqual({ kind: first.key === key ? "same" : "conflict", first: { file: 0, line: first.line } });
          }
        });
      }),
      { numRuns: 500 },
    );
  });
});
