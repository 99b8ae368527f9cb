import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { discloseGroups, discloseTable } from "../../src/core/disclosure/disclosure.ts";
import { derivableSmallSets } from "../helpers/span.ts";

/**
 * The engine against the independent checker (test/helpers/span.ts) on random two-column tables:
 * the table's shown cells, its total, and the margins that `score --by` on one column publishes
 * for the same data must together give away no set of fewer than k respondents.
 */
describe("discloseTable (SPEC §4 rule 3) against an independent exact check", () => {
  it("leaves nothing small derivable from a table, its margins and its total", () => {
    const table = fc.record({
      rows: fc.integer({ min: 2, max: 3 }),
      cols: fc.integer({ min: 2, max: 3 }),
      k: fc.integer({ min: 2, max: 6 }),
      sizes: fc.array(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 12 })), { minLength: 9, maxLength: 9 }),
    });
    fc.assert(
      fc.property(table, ({ rows, cols, k, sizes: pool }) => {
        const keys: string[][] = [];
        for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) keys.push([`r${r}`, `c${c}`]);
        const sizes = keys.map((_, i) => pool[i]!);
        // Respondents numbered atom by atom.
        const members: number[][] = [];
        let next = 0;
        for (const n of sizes) members.push(Array.from({ length: n }, () => next++));
        const decided = discloseTable(keys, sizes, k);
        const published: number[][] = [];
        keys.forEach((_, i) => {
          if (!decided.groups[i]!.hidden) published.push(members[i]!);
        });
        if (!decided.total.hidden) published.push(members.flat());
        for (const column of [0, 1]) {
          const values = [...new Set(keys.map((key) => key[column]!))];
          const margins = values.map((v) => keys.flatMap((key, i) => (key[column] === v ? members[i]! : [])));
          const shown = discloseGroups(margins.map((m) => m.length), k).groups;
          margins.forEach((m, i) => {
            if (!shown[i]!.hidden) published.push(m);
          });
        }
        const leaks = derivableSmallSets(next, published.filter((s) => s.length > 0), k);
        // A leak through the two columns' margins alone is no leak of this table: `--by level` and
        // `--by group` are other breakdowns (README: what the guarantee covers).
        expect(leaks.filter((leak) => !derivableFromMarginsOnly(leak, next, keys, members, k))).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});

function derivableFromMarginsOnly(leak: number[], n: number, keys: string[][], members: number[][], k: number): boolean {
  const published: number[][] = [members.flat()];
  for (const column of [0, 1]) {
    const values = [...new Set(keys.map((key) => key[column]!))];
    const margins = values.map((v) => keys.flatMap((key, i) => (key[column] === v ? members[i]! : [])));
    const shown = discloseGroups(margins.map((m) => m.length), k).groups;
    margins.forEach((m, i) => {
      if (!shown[i]!.hidden && m.length > 0) published.push(m);
    });
  }
  return derivableSmallSets(n, published, k).some((set) => set.join() === leak.join());
}
