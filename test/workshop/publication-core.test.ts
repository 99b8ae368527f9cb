import { describe, expect, it } from "vitest";
import { safeAgainst, type PublishedCell } from "../../src/core/disclosure/over-time.ts";
import { decideRoomPublication, EMPTY_RECORD, recordPublication, snapshotCells } from "../../src/core/workshop/publication.ts";
import { participationShown } from "../../src/core/workshop/publication.ts";
import { fixture } from "../helpers/paths.ts";
import { loadValid } from "../helpers/load.ts";
import { respondent } from "./respondent.ts";

const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `r${from + i}`);
const cell = (key: string, members: string[]): PublishedCell => ({ quantity: "dim:e1", key, members });

describe("rule 5 over time in the engine (SPEC §6.1)", () => {
  it("one more answer in a shown cell is refused; k more are taken", () => {
    const earlier = [cell("all", ids(1, 6))];
    expect(safeAgainst(earlier, [cell("all", ids(1, 7))], 3)).toEqual({ safe: false, reason: "few-new" });
    expect(safeAgainst(earlier, [cell("all", ids(1, 9))], 3)).toEqual({ safe: true });
  });

  it("a new cell that, beside an earlier one, leaves one person over is refused by the exact check", () => {
    // Earlier {1..8}; now a cell {2..8}, safe on its own: {1..8} − {2..8} = {1}.
    expect(safeAgainst([], [cell("y", ids(2, 8))], 3)).toEqual({ safe: true });
    expect(safeAgainst([cell("t", ids(1, 8))], [cell("y", ids(2, 8))], 3)).toEqual({ safe: false, reason: "derivable" });
    // Other quantities are never combined: the same sets of another quantity are no risk.
    expect(safeAgainst([{ ...cell("t", ids(1, 8)), quantity: "dim:e2" }], [cell("y", ids(2, 8))], 3)).toEqual({ safe: true });
  });

  it("with merged levels a chef straggler changes nothing the room sees, though chef is never shown alone", () => {
    const q = loadValid(fixture("questionnaires", "valid", "mirror.yaml"));
    const settings = { k: 3, merges: [{ levels: ["chef", "afdelingsleder"], label: undefined }], gapThreshold: 20, spread: { range: 3, sd: 1 } };
    const all = [
      ...["chef", "chef", "afdelingsleder", "teamleder", "teamleder", "teamleder"].map((level, i) => ({ ...respondent(q, level, { t1: 4, t2: 3, t3: 2, t4: 5 }), id: `r${i}` })),
      ...[0, 1, 2].map((i) => ({ ...respondent(q, "medarbejder", { m1: 2, m2: 3 }), id: `m${i}` })),
    ];
    const cellsOf = (list: typeof all) => (wanted: readonly string[]) => snapshotCells(q, settings, list.filter((r) => wanted.includes(r.id)), "svar");
    const first = decideRoomPublication(EMPTY_RECORD, "svar", all.map((r) => r.id), cellsOf(all), 3);
    expect(first.kind).toBe("first");
    const record = recordPublication(EMPTY_RECORD, "svar", first, "2026-03-02");
    // The merged group (2 chefs + 1 afdelingsleder = 3) is shown in the first snapshot.
    expect(snapshotCells(q, settings, all, "svar").some((c) => c.key === "ledere|chef+afdelingsleder" && c.members.length === 3)).toBe(true);
    const more = [...all, { ...respondent(q, "chef", { t1: 1, t3: 5 }), id: "late" }];
    const next = decideRoomPublication(record, "svar", more.map((r) => r.id), cellsOf(more), 3);
    expect(next.kind).toBe("frozen");
    expect(next.waiting).toBe(1);
    expect(next.respondents).toEqual(first.respondents);
  });

  it("participation per level moves only in steps of k (or when everyone expected has answered)", () => {
    const a = participationShown(EMPTY_RECORD, { chef: 1, teamleder: 1 }, 3);
    expect(a.levels).toEqual({});
    const b = participationShown(a.next, { chef: 1, teamleder: 2 }, 3);
    expect(b.levels).toEqual({ chef: 1, teamleder: 2 });
    const c = participationShown(b.next, { chef: 2, teamleder: 2 }, 3);
    expect(c.levels).toEqual({ chef: 1, teamleder: 2 });
    expect(c.total).toBe(4);
    expect(participationShown(c.next, { chef: 2, teamleder: 2 }, 3, 4).levels).toEqual({ chef: 2, teamleder: 2 });
  });
});
