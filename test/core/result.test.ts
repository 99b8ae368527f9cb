import { describe, expect, it } from "vitest";
import { buildRespondentResult } from "../../src/core/conduct/result.ts";
import { elementItems } from "../../src/core/questionnaire/levels.ts";
import { fagligLedelse } from "../helpers/responses.ts";

const q = fagligLedelse();
const ids = q.areas.flatMap((a) => a.elements.map((e) => e.id));
const all = (score: number) => Object.fromEntries(ids.map((id) => [id, score]));

describe("the respondent's result: ties and what a score rests on", () => {
  it("all elements equal: no strongest, no weakest, no advice", () => {
    const r = buildRespondentResult(q, "teamleder", all(75), "da");
    expect(r.allEqual).toBe(true);
    expect(r.strongest).toEqual([]);
    expect(r.weakest).toEqual([]);
    expect(r.advice).toEqual([]);
  });

  it("ties by the score as shown (rounded): 74.6 and 75 are both the strongest", () => {
    const scores = { ...all(50), [ids[0]!]: 75, [ids[1]!]: 74.6, [ids[2]!]: 10 };
    const r = buildRespondentResult(q, "teamleder", scores, "da");
    expect(r.strongest.map((d) => d.id)).toEqual([ids[1], ids[0]]);
    // The lowest score (10) and the second lowest (50, shared by five elements): all of them, none of the strongest.
    expect(r.weakest.map((d) => d.id).sort()).toEqual([ids[2], ...ids.slice(3)].sort());
  });

  it("counts the answers each element rests on, Ved ikke and empty not counted", () => {
    const identification = q.areas.flatMap((a) => a.elements).find((e) => e.id === "identifikation")!;
    const asked = elementItems(identification, "teamleder");
    // Issue 20's case was the team leader's Identifikation resting on one statement; since 2.1 it has two, and a
    // score resting on one answer of them is still the case the result must name.
    expect(asked).toHaveLength(2);
    const r = buildRespondentResult(q, "teamleder", all(50), "da", undefined, { [asked[0]!.id]: 1, [asked[1]!.id]: "ved_ikke" });
    expect(r.elements.find((e) => e.id === "identifikation")!.basis).toEqual({ answered: 1, asked: 2 });
    const other = r.elements.find((e) => e.id === ids[0])!;
    expect(other.basis!.answered).toBe(0);
    expect(r.mirror).toBe(false);
    expect(buildRespondentResult(q, "medarbejder", all(50), "da").mirror).toBe(true);
  });
});
