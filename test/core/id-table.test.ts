import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hashOf, IdTable } from "../../src/core/responses/id-table.ts";

describe("IdTable", () => {
  it("numbers ids in the order first seen, exactly as a Map would, through many growths", () => {
    const table = new IdTable();
    const reference = new Map<string, number>();
    // 20 000 ids force the index (1 024 buckets), the per-id arrays and the character pool to grow several times.
    const ids = Array.from({ length: 20_000 }, (_, i) => (i % 3 === 0 ? `r-${i}` : i % 3 === 1 ? `Ærø/${i}` : `${i}`));
    for (const id of [...ids, ...ids.slice().reverse()]) {
      const expected = reference.get(id) ?? reference.size;
      const isNew = !reference.has(id);
      reference.set(id, expected);
      expect(table.numberOf(id)).toBe(expected);
      expect(table.added).toBe(isNew);
    }
    expect(table.size).toBe(20_000);
  });

  it("tells apart ids that differ only in length, case or one character, and the empty id", () => {
    const table = new IdTable();
    const ids = ["", "a", "aa", "A", "ab", "ba", "r1", "r10", "r01", "\u0000", "r1 "];
    ids.forEach((id, i) => expect(table.numberOf(id)).toBe(i));
    ids.forEach((id, i) => expect(table.numberOf(id)).toBe(i));
  });

  it("keeps two ids apart whose 32-bit hashes are equal", () => {
    // Birthday search: among 300 000 scattered ids about a dozen pairs share a hash (sequential ids happen not to).
    const seen = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let i = 0; !pair && i < 300_000; i++) {
      const id = `x${(i * 2654435761) >>> 0}`;
      const other = seen.get(hashOf(id));
      if (other !== undefined) pair = [other, id];
      else seen.set(hashOf(id), id);
    }
    expect(pair).toBeDefined();
    const [a, b] = pair!;
    expect(hashOf(a)).toBe(hashOf(b));
    const table = new IdTable();
    expect([table.numberOf(a), table.numberOf(b), table.numberOf(a), table.numberOf(b)]).toEqual([0, 1, 0, 1]);
  });

  it("agrees with a Map on any sequence of strings", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 4 }), { maxLength: 200 }), (ids) => {
        const table = new IdTable();
        const reference = new Map<string, number>();
        for (const id of ids) {
          if (!reference.has(id)) reference.set(id, reference.size);
          expect(table.numberOf(id)).toBe(reference.get(id));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("agrees with a Map when room is made ahead at any point, too little, enough or far too much", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 300 }), fc.nat(300), fc.nat(5000), fc.nat(8), (ids, at, n, chars) => {
        const table = new IdTable();
        const reference = new Map<string, number>();
        ids.forEach((id, i) => {
          if (i === at) table.reserve(n, chars);
          if (!reference.has(id)) reference.set(id, reference.size);
          expect(table.numberOf(id)).toBe(reference.get(id));
        });
        for (const [id, number] of reference) expect(table.numberOf(id)).toBe(number);
        expect(table.size).toBe(reference.size);
      }),
      { numRuns: 300 },
    );
  });
});
