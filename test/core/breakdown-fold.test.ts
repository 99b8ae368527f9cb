import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayOrder } from "../../src/core/report/breakdown-fold.ts";
import { groupKey, GroupKeys } from "../../src/core/report/group-keys.ts";

describe("the breakdown's per-row shortcuts", () => {
  it("dayOrder orders as `<` on the first ten characters cut out", () => {
    const text = fc.oneof(
      fc.string({ maxLength: 14 }),
      fc.date({ min: new Date("2000-01-01"), max: new Date("2040-01-01"), noInvalidDate: true }).map((d) => d.toISOString()),
      fc.constantFrom("", "2026-05-04", "2026-05-04T10:00:00+02:00", "2026-05-0", "04-05-2026"),
    );
    fc.assert(
      fc.property(text, text, (a, b) => {
        const [x, y] = [a.slice(0, 10), b.slice(0, 10)];
        expect(Math.sign(dayOrder(a, b))).toBe(x < y ? -1 : x > y ? 1 : 0);
      }),
      { numRuns: 2000 },
    );
  });

  it("GroupKeys gives groupKey's key, for one --by value and several", () => {
    const keys = new GroupKeys();
    const values = fc.array(fc.string({ maxLength: 6 }), { minLength: 1, maxLength: 3 });
    fc.assert(fc.property(fc.constantFrom("ledere", "medarbejder"), values, (population, by) => {
      expect(keys.keyOf(population, by)).toBe(groupKey(population, by));
      expect(keys.keyOf(population, by)).toBe(groupKey(population, by));
    }));
  });
});
