import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GroupFold } from "../../src/core/scoring/group-fold.ts";
import { GroupSummary } from "../../src/core/scoring/group-summary.ts";
import { levelGrouping } from "../../src/core/scoring/level-groups.ts";
import { compileScoring } from "../../src/core/scoring/scoring.ts";
import { fagligLedelse } from "../helpers/responses.ts";
import { Histogram } from "../../src/core/scoring/stats.ts";

// A worker thread folds each range of rows into histograms, writes them into one array, clears them
// for the next range, and the main thread merges the arrays in file order: the result must be that
// of one histogram of every row — the same counts, and the same first exact value of each key.
const score = fc.oneof(fc.integer({ min: 0, max: 20 }).map((k) => (k * 100) / 20), fc.double({ min: 0, max: 100, noNaN: true }), fc.constantFrom(100 / 3, 200 / 3, 33.333333333333336));

describe("histograms merged range by range", () => {
  it("equal one histogram of every value, with the histograms of the ranges cleared and used again", () => {
    fc.assert(fc.property(fc.array(fc.array(score, { maxLength: 40 }), { maxLength: 8 }), (ranges) => {
      const whole = new Histogram();
      for (const range of ranges) for (const v of range) whole.add(v);
      const merged = new Histogram();
      const worker = new Histogram();
      for (const range of ranges) {
        for (const v of range) worker.add(v);
        const written: number[] = [];
        worker.writePartial(written);
        worker.clear();
        expect(merged.mergeWritten(Float64Array.from(written), 0)).toBe(written.length);
      }
      expect(merged.partial()).toEqual(whole.partial());
      expect(merged.summary()).toEqual(whole.summary());
    }));
  });

  it("stays correct over hundreds of ranges of ever new values (a cleared table is empty, not full of old places)", () => {
    const worker = new Histogram();
    const merged = new Histogram();
    const whole = new Histogram();
    for (let range = 0; range < 300; range++) {
      for (let i = 0; i < 20; i++) {
        const v = (range * 20 + i) / 100;
        worker.add(v);
        whole.add(v);
      }
      const written: number[] = [];
      worker.writePartial(written);
      worker.clear();
      merged.mergeWritten(written, 0);
    }
    expect(merged.summary()).toEqual(whole.summary());
    expect(merged.n).toBe(6000);
  });

  it("a GroupSummary's partials, taken range by range with clear, merge into the summary of all rows", () => {
    const row = fc.record({ group: fc.constantFrom("a", "b", "c", "d"), population: fc.constantFrom("ledere", "medarbejder"), scores: fc.tuple(score, score, fc.constant(NaN)) });
    fc.assert(fc.property(fc.array(fc.array(row, { maxLength: 30 }), { maxLength: 6 }), (ranges) => {
      const dims = ["e1", "e2", "total"];
      const whole = new GroupSummary(["group"], dims);
      const merged = new GroupSummary(["group"], dims);
      const worker = new GroupSummary(["group"], dims);
      for (const range of ranges) {
        for (const r of range) {
          whole.add([r.group], r.scores, r.population);
          worker.add([r.group], r.scores, r.population);
        }
        merged.mergePartial(worker.partial());
        worker.clear();
      }
      const order = (a: string[], b: string[]) => a[0]!.localeCompare(b[0]!);
      expect(merged.rows(1, order)).toEqual(whole.rows(1, order));
    }));
  });
});

describe("a fold of many small groups sends its rows", () => {
  it("after a first range whose summary outweighs its rows' scores; merged in order, the figures of one thread", () => {
    const q = fagligLedelse();
    const model = compileScoring(q);
    const fold = new GroupFold({ kind: "groups", byColumns: ["kommune"], merges: [] }, q, model, ["kommune"]);
    const levels = q.levels.map((l) => l.id);
    const dims = model.dimensions.length;
    const whole = new GroupSummary(["kommune"], model.dimensions);
    const merged = new GroupSummary(["kommune"], model.dimensions);
    const grouping = levelGrouping(q, []);
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    const kinds: string[] = [];
    for (const size of [300, 250, 40, 300]) {
      for (let r = 0; r < size; r++) {
        const level = levels[Math.floor(next() * levels.length)]!;
        const scores = Float64Array.from({ length: dims }, () => (next() < 0.1 ? NaN : Math.round(next() * 16) * 6.25));
        const row = { level, group: "g", metaValues: [`kommune-${Math.floor(next() * 150)}`] };
        fold.add(row, scores);
        whole.add([row.metaValues[0]!], scores, grouping.populationOf(level));
      }
      const partial = fold.take();
      kinds.push(partial.rows ? "rows" : "counts");
      merged.mergePartial(structuredClone(partial));
    }
    expect(kinds).toEqual(["counts", "rows", "rows", "rows"]);
    const order = (a: string[], b: string[]) => a[0]!.localeCompare(b[0]!);
    expect(merged.rows(5, order)).toEqual(whole.rows(5, order));
  });

  it("keeps sending summaries when its groups are few (score --by level)", () => {
    const q = fagligLedelse();
    const model = compileScoring(q);
    const fold = new GroupFold({ kind: "groups", byColumns: ["level"], merges: [] }, q, model, []);
    const scores = new Float64Array(model.dimensions.length).fill(50);
    for (let range = 0; range < 3; range++) {
      for (let r = 0; r < 400; r++) fold.add({ level: q.levels[r % q.levels.length]!.id, group: "g", metaValues: [] }, scores);
      expect(fold.take().rows).toBeUndefined();
    }
  });
});
