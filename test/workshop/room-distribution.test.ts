import { describe, expect, it } from "vitest";
import { roomView } from "../../src/core/workshop/room.ts";
import { loadValid } from "../helpers/load.ts";
import { fixture } from "../helpers/paths.ts";
import { respondent } from "./respondent.ts";

// mirror.yaml, scale 1-5: e2 = t3 (reverse-keyed, chef/afdelingsleder/teamleder) and t4 (teamleder only).
const q = loadValid(fixture("questionnaires", "valid", "mirror.yaml"));
const settings = { k: 3, merges: [], gapThreshold: 20, spread: { range: 3, sd: 1 } };

describe("the element's distribution on the screen (issue 18): a sum of the shown statement counts", () => {
  it("sums two statements, the reverse-keyed one turned, 'ved ikke' apart (by hand)", () => {
    const data = [
      respondent(q, "teamleder", { t3: 1, t4: 3 }),
      respondent(q, "teamleder", { t3: 2, t4: 4 }),
      respondent(q, "teamleder", { t3: 2, t4: 4 }),
      respondent(q, "teamleder", { t3: "ved_ikke", t4: 5 }),
    ];
    const e2 = roomView(q, settings, data, "da").elements.find((e) => e.id === "e2")!;
    // t3 answers 1, 2, 2 turned to 5, 4, 4 → value 4: 2, value 5: 1; one "ved ikke".
    // t4 answers 3, 4, 4, 5 → value 3: 1, value 4: 2, value 5: 1.
    // Sum over values 1..5: [0, 0, 1, 4, 2], "ved ikke" 1, 7 answers on the scale.
    expect(e2.distribution).toEqual({ counts: [0, 0, 1, 4, 2], dontKnow: 1, n: 7, reversed: true });
  });

  it("leaves the distribution out (null) when one statement's counts are hidden", () => {
    const data = [
      respondent(q, "teamleder", { t3: 1, t4: 3 }),
      respondent(q, "teamleder", { t3: 2, t4: 4 }),
      respondent(q, "teamleder", { t3: 2 }),
    ];
    const e2 = roomView(q, settings, data, "da").elements.find((e) => e.id === "e2")!;
    // t3 has 3 answers and is shown; t4 has 2 (< k = 3) and is hidden — so no sum, else t4's counts would follow by subtraction.
    expect(e2.items.find((i) => i.itemId === "t3")!.counts).toEqual([1, 2, 0, 0, 0, 0]);
    expect(e2.items.find((i) => i.itemId === "t4")!.counts).toBeNull();
    expect(e2.distribution).toBeNull();
  });

  it("a statement that is not turned leaves the note out", () => {
    const data = [1, 2, 3].map((v) => respondent(q, "afdelingsleder", { t1: v, t2: 5 }));
    const e1 = roomView(q, settings, data, "da").elements.find((e) => e.id === "e1")!;
    // t1: 1, 2, 3; t2: 5, 5, 5 → [1, 1, 1, 0, 3]
    expect(e1.distribution).toEqual({ counts: [1, 1, 1, 0, 3], dontKnow: 0, n: 6, reversed: false });
  });
});
