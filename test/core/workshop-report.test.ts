import { describe, expect, it } from "vitest";
import type { GroupRow } from "../../src/core/scoring/group-summary.ts";
import { levelGrouping } from "../../src/core/scoring/level-groups.ts";
import type { Consensus } from "../../src/core/workshop/consensus.ts";
import type { ElementView, RoomView } from "../../src/core/workshop/room.ts";
import { buildWorkshopReport, tenths } from "../../src/core/workshop/workshop-report.ts";
import { loadValid } from "../helpers/load.ts";
import { MINI } from "../helpers/paths.ts";

const q = loadValid(MINI); // scale 1-5, k = 3

describe("tenths: one rounding, halves away from zero", () => {
  it.each([
    [4.05, 41], // a true half rounds up
    [1 + 0.7625 * 4, 41], // 4.05 computed as 4.0499999… still rounds up
    [4.047, 40], // never via two decimals (4.05 → 4.1)
    [4.0449, 40],
    [-0.05, -1],
    [-0.04, 0],
    [0, 0],
  ])("%s → %s", (x, expected) => expect(tenths(x)).toBe(expected));
});

const row = (over: Partial<GroupRow>): GroupRow => ({ by: {}, population: "ledere", dimension: "e1", total: true, n: 19, mean: null, sd: null, median: null, min: null, max: null, suppressed: false, why: undefined, ...over });
const element = (room: GroupRow, levels: ElementView["levels"] = []): ElementView => ({ id: "e1", label: "Element 1", room, levels, spread: null, items: [], disagreement: [], gaps: [], nothingShown: false, distribution: null });
const side = (view: RoomView, consensus: Consensus) => ({ title: "Dag", date: "2026-03-02", view, consensus, grouping: levelGrouping(q, []) });
const meta = { hash: "h", k: 3, date: "2026-03-02", spread: { range: 3, sd: 1 } };
const viewOf = (elements: ElementView[]): RoomView => ({ k: 3, participation: [], respondents: 19, allBelowK: false, elements });

describe("the workshop report model", () => {
  // The room's mean 4.047 on the 1-5 scale is 76.175 on 0-100: (4.047 − 1) / 4 · 100. konsensus.yaml keeps it as 4.05.
  const room = row({ mean: 76.175, sd: 20 });
  const agreed = { score: 4, rationale: "R", strengths: [], improvements: [], actions: [], rounds: [{ round: 1, n: 19, mean: 4.05, sd: 0.8 }, { round: 2, n: 12, mean: 3.45, sd: null }] };

  it("prints a round that is the room's figure from the room's exact value: 4,0 both times, never 4,0 and 4,1", () => {
    const r = buildWorkshopReport(q, side(viewOf([element(room)]), { elements: { e1: agreed } }), "da", meta);
    const e = r.elements[0]!;
    expect(e.room.tenths).toBe(40);
    expect(e.rounds[0]).toEqual({ round: 1, n: 19, mean: 40, sd: 8 });
    // Another round (other n) has only its two decimals: 3.45 → 3,5.
    expect(e.rounds[1]).toEqual({ round: 2, n: 12, mean: 35, sd: null });
  });

  it("computes each baseline change from the tenths it prints: 3.84 → 3.66 is 3,8 → 3,7 = −0,1 (not round(−0.18) = −0,2)", () => {
    const at = (x: number) => ((x - 1) / 4) * 100;
    const level = (mean: number) => [{ key: "leder", label: "Leder", population: "ledere", row: row({ total: false, by: { level: "leder" }, mean: at(mean), n: 5 }) }];
    const then = side(viewOf([element(row({ mean: at(2.64) }), level(3.84))]), { elements: {} });
    const now = side(viewOf([element(row({ mean: at(3.05) }), level(3.66))]), { elements: {} });
    const r = buildWorkshopReport(q, now, "da", meta, then);
    const e1 = r.baseline!.rows.find((x) => x.id === "e1")!;
    // Room: 2.64 → 2,6 and 3.05 → 3,1 (by hand): +0,5, where the unrounded difference 0.41 would print 0,4.
    expect([e1.then!.tenths, e1.now!.tenths, e1.change]).toEqual([26, 31, 5]);
    expect(e1.levels).toEqual([{ label: "Leder", then: 38, now: 37, change: -1 }]);
  });

  it("takes comments only from level groups the engine shows (not hidden, n ≥ k), cleaned and sorted", () => {
    const levels = [
      { key: "leder", label: "Leder", population: "ledere", row: row({ total: false, n: 4, mean: 50 }) },
      { key: "medarbejder", label: "Medarbejder", population: "ledere", row: row({ total: false, n: 2, mean: null, suppressed: true, why: "small" }) },
    ];
    const comments = new Map([["leder", new Map([["e1", ["b\u202eomvendt", "a  to"]]])], ["medarbejder", new Map([["e1", ["hemmelig"]]])]]);
    const r = buildWorkshopReport(q, { ...side(viewOf([element(room, levels)]), { elements: {} }), comments }, "da", meta);
    expect(r.elements[0]!.comments).toEqual([{ label: "Leder", n: 4, texts: ["a to", "bomvendt"] }]);
  });
});
