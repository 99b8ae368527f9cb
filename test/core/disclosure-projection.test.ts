import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { disclose, discloseTable, smallSetDerivable, type Breakdown } from "../../src/core/disclosure/disclosure.ts";
import * as reference from "../reference/disclosure-reference.ts";

// The engine leaves atoms shown on their own out of its exact check (findViolation). That must not
// change a single decision: every case is run through the engine as it was (test/reference/) too.

const k = fc.integer({ min: 2, max: 6 });

describe("leaving atoms shown on their own out of the exact check changes no decision", () => {
  it("tables of two and three columns (score --by a,b), sizes around k, empty combinations included", () => {
    const table = fc.record({
      columns: fc.integer({ min: 2, max: 3 }),
      values: fc.integer({ min: 2, max: 4 }),
      sizes: fc.array(fc.integer({ min: 0, max: 14 }), { minLength: 4, maxLength: 64 }),
    });
    fc.assert(
      fc.property(table, k, ({ columns, values, sizes }, k) => {
        const keys = sizes.map((_, a) => Array.from({ length: columns }, (__, c) => `v${Math.floor(a / values ** c) % values}`));
        // Atoms are distinct combinations: keep the first of each key.
        const seen = new Set<string>();
        const atoms = keys.flatMap((key, a) => (seen.has(key.join("|")) ? [] : (seen.add(key.join("|")), [a])));
        const ks = atoms.map((a) => keys[a]!);
        const ss = atoms.map((a) => sizes[a]!);
        expect(discloseTable(ks, ss, k)).toEqual(reference.discloseTable(ks, ss, k));
      }),
      { numRuns: 1500 },
    );
  });

  it("any breakdown: cells of one atom (duplicated or not), unions, fixed cells, slices", () => {
    const breakdown = fc.integer({ min: 2, max: 10 }).chain((n) =>
      fc.record({
        sizes: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: n, maxLength: n }),
        cells: fc.array(
          fc.record({
            atoms: fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: n }),
            fixed: fc.option(fc.constantFrom({ hidden: false, why: undefined }, { hidden: true, why: "small" as const }), { nil: undefined }),
          }),
          { minLength: 1, maxLength: 14 },
        ),
      }),
    );
    fc.assert(
      fc.property(breakdown, k, ({ sizes, cells }, k) => {
        const b: Breakdown = { sizes, cells: cells.map((c) => (c.fixed ? { atoms: c.atoms, fixed: c.fixed } : { atoms: c.atoms })), slices: [] };
        expect(disclose(b, k)).toEqual(reference.disclose(b, k));
        expect(smallSetDerivable(sizes, cells.map((c) => c.atoms), k)).toBe(reference.smallSetDerivable(sizes, cells.map((c) => c.atoms), k));
      }),
      { numRuns: 3000 },
    );
  });
});
