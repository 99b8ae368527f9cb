import { describe, expect, it } from "vitest";
import { roomView } from "../../src/core/workshop/room.ts";
import { loadValid } from "../helpers/load.ts";
import { fixture } from "../helpers/paths.ts";
import { respondent } from "./respondent.ts";

const q = loadValid(fixture("questionnaires", "valid", "mirror.yaml"));
const settings = { k: 3, merges: [], gapThreshold: 20, spread: { range: 3, sd: 1 } };

describe("roomView (expected figures worked out by hand and with Python's statistics module)", () => {
  // chef answers t1 only (1, 2, 3 → 0, 25, 50); afdelingsleder 5 everywhere (100); one teamleder 3 (50).
  const data = [
    respondent(q, "chef", { t1: 1 }), respondent(q, "chef", { t1: 2 }), respondent(q, "chef", { t1: 3 }),
    ...[1, 2, 3].map(() => respondent(q, "afdelingsleder", { t1: 5, t2: 5 })),
    respondent(q, "teamleder", { t1: 3, t2: 3 }),
  ];
  const view = roomView(q, settings, data, "da");
  const e1 = view.elements.find((e) => e.id === "e1")!;

  it("counts participation per level, counts only", () => {
    expect(view.participation.map((p) => [p.level, p.n])).toEqual([["chef", 3], ["afdelingsleder", 3], ["teamleder", 1], ["medarbejder", 0]]);
    expect(view.allBelowK).toBe(false);
  });

  it("hides the single teamleder and, by the complement rule, the smaller of the others; the room's total stays", () => {
    const byKey = Object.fromEntries(e1.levels.map((l) => [l.key, l.row]));
    expect(byKey.teamleder).toMatchObject({ n: 1, mean: null, suppressed: true, why: "small" });
    expect(byKey.chef).toMatchObject({ n: 3, mean: null, suppressed: true, why: "complement" });
    expect(byKey.afdelingsleder!.mean).toBeCloseTo(100, 9);
    expect(e1.room.mean).toBeCloseTo(425 / 7, 9);
    // no difference can be shown: only one level is visible
    expect(e1.gaps).toEqual([]);
  });

  it("measures the room's spread in scale points and flags it (range 4 ≥ 3)", () => {
    expect(e1.spread!.range).toBeCloseTo(4, 9);
    expect(e1.spread!.sd).toBeCloseTo(1.618347187425374, 9);
    expect(e1.spread!.flagged).toBe(true);
  });

  it("ranks the items the room disagrees on, from the shown totals", () => {
    expect(e1.disagreement.map((d) => d.itemId)).toEqual(["t1", "t2"]);
    expect(e1.disagreement[0]!.sd).toBeCloseTo(1.618347187425374, 9);
    expect(e1.disagreement[1]!.sd).toBeCloseTo(1, 9);
    expect(e1.items.find((i) => i.itemId === "t2")!.counts).toEqual([0, 0, 1, 0, 3, 0]);
  });

  it("shows level and mirror differences largest first when every side has k", () => {
    const full = [
      ...[1, 2, 3].map(() => respondent(q, "chef", { t1: 1 })),
      ...[1, 2, 3].map(() => respondent(q, "afdelingsleder", { t1: 5, t2: 5 })),
      ...[1, 2, 3].map(() => respondent(q, "teamleder", { t1: 3, t2: 3 })),
      ...[1, 2, 3].map(() => respondent(q, "medarbejder", { m1: 1 })),
    ];
    const e = roomView(q, settings, full, "da").elements.find((x) => x.id === "e1")!;
    expect(e.gaps.map((g) => [g.kind, g.group_a, g.group_b, g.diff])).toEqual([
      ["element", "chef", "afdelingsleder", -100],
      ["element", "chef", "teamleder", -50],
      ["element", "afdelingsleder", "teamleder", 50],
      ["mirror", "teamleder", "medarbejder", 50],
    ]);
    const merged = roomView(q, { ...settings, merges: [{ levels: ["chef", "afdelingsleder"], label: "Top" }] }, full, "da").elements.find((x) => x.id === "e1")!;
    expect(merged.levels.filter((l) => l.population === "ledere").map((l) => [l.label, l.row.n, l.row.mean])).toEqual([["Top", 6, 50], ["Teamleder", 3, 50]]);
  });

  it("with every level below k says so, and a room of two shows nothing", () => {
    const few = [respondent(q, "chef", { t1: 1 }), respondent(q, "chef", { t1: 2 })];
    const v = roomView(q, settings, few, "da");
    expect(v.allBelowK).toBe(true);
    expect(v.elements.every((e) => e.nothingShown && e.spread === null && e.room.mean === null)).toBe(true);
    expect(v.elements.flatMap((e) => e.items).every((i) => i.counts === null)).toBe(true);
  });
});
