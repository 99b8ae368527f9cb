import { describe, expect, it } from "vitest";
import { elementFigures } from "../../src/adapters/web/pages/room-figures.ts";
import { levelGrouping } from "../../src/core/scoring/level-groups.ts";
import { recordAgreement, type Consensus } from "../../src/core/workshop/consensus.ts";
import { roomView } from "../../src/core/workshop/room.ts";
import { loadValid } from "../helpers/load.ts";
import { fixture } from "../helpers/paths.ts";
import { respondent } from "./respondent.ts";

const action = { what: "Tre mål", who: "Chefgruppen", when: "2027-03-01", success: "Kendt" };

describe("recordAgreement", () => {
  const first = recordAgreement({ elements: {} }, "e1", { score: 3, rationale: "r", strengths: [], improvements: [], actions: [action] }, { round: 1, n: 6, mean: 3, sd: 1.1 }, "t1");

  it("keeps the round's figures and the time; a later save of the same round replaces that round only", () => {
    expect(first.elements.e1).toMatchObject({ rounds: [{ round: 1, n: 6 }], decided_at: "t1" });
    const again = recordAgreement(first, "e1", { score: 3.5, rationale: "r2", strengths: [], improvements: [], actions: [action] }, { round: 1, n: 7, mean: 3.1, sd: 1 }, "t2");
    expect(again.elements.e1!.rounds).toEqual([{ round: 1, n: 7, mean: 3.1, sd: 1 }]);
    const second = recordAgreement(again, "e1", { score: 4, rationale: "r3", strengths: [], improvements: [], actions: [action] }, { round: 2, n: 6, mean: 3, sd: 0 }, "t3");
    expect(second.elements.e1!.rounds.map((r) => r.round)).toEqual([1, 2]);
  });

  it("keeps a follow-up's outcome when the form saves the action again without it", () => {
    const withOutcome: Consensus = { elements: { e1: { ...first.elements.e1!, actions: [{ ...action, outcome: "Gennemført" }] } } };
    const saved = recordAgreement(withOutcome, "e1", { score: 3, rationale: "r", strengths: [], improvements: [], actions: [action, { ...action, what: "Ny" }] }, undefined, "t4");
    expect(saved.elements.e1!.actions).toEqual([{ ...action, outcome: "Gennemført" }, { ...action, what: "Ny" }]);
  });
});

describe("the projector's mirror difference", () => {
  it("names the leaders' own view, the employees' view and the statement, in scale points", () => {
    const q = loadValid(fixture("questionnaires", "valid", "mirror.yaml"));
    const data = [
      ...[1, 2, 3].map(() => respondent(q, "teamleder", { t1: 3, t2: 3 })),
      ...[1, 2, 3].map(() => respondent(q, "medarbejder", { m1: 1 })),
    ];
    const view = roomView(q, { k: 3, merges: [], gapThreshold: 20, spread: { range: 3, sd: 1 } }, data, "da");
    const grouping = levelGrouping(q);
    const html = String(elementFigures({ q, lang: "da", k: 3 }, view, view.elements[0]!, (key) => grouping.labelOf(key, "da")));
    // self 3 → 50, others 1 → 0: 50 points of 100 = 2.0 scale points (4 points per 100)
    // diff = self − others = +2.0: the employees rate their leader lower than the team leaders rate themselves.
    expect(html).toContain('<span class="pair">teamleder om sig selv ↔ medarbejder om deres leder</span>: <span class="fig">2,0</span> point — medarbejder vurderer lavere end teamleder selv');
    // the wording each level was asked (mirror.yaml: t2 "Anden praksis", m1 "Min leder har anden praksis")
    expect(html).toContain("Teamleder: »Anden praksis«");
    expect(html).toContain("Medarbejder: »Min leder har anden praksis«");
    expect(html).toContain("Medarbejder om deres leder");
  });
});
