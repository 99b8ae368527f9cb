import { describe, expect, it } from "vitest";
import { parseQuestionnaire } from "../../src/adapters/files/yaml-source.ts";
import { elementFigures } from "../../src/adapters/web/pages/room-figures.ts";
import { disagreements } from "../../src/adapters/web/pages/screen-figures.ts";
import type { Questionnaire } from "../../src/core/questionnaire/questionnaire.ts";
import { levelGrouping } from "../../src/core/scoring/level-groups.ts";
import { roomView } from "../../src/core/workshop/room.ts";
import { buildWorkshopReport } from "../../src/core/workshop/workshop-report.ts";
import { respondent } from "./respondent.ts";

// Issue 18 (user trial): a statement worded per level must carry, beside each figure, only the wording the
// people behind that figure were asked. The wordings are unique marker strings, so a leak is a substring.
const YAML = `
id: ordlyd
version: "1"
title: Ordlyd
scope: Testdata
scale: { min: 1, max: 5, labels: { 1: Slet ikke, 5: I meget høj grad }, dont_know: Ved ikke }
levels:
  - { id: afdelingsleder, label: Afdelingsleder }
  - { id: teamleder, label: Teamleder }
  - { id: medarbejder, label: Medarbejder, rates: teamleder }
areas:
  - id: a1
    label: Område
    elements:
      - id: e1
        label: Element 1
        items:
          - { id: k1, text: { afdelingsleder: AFD-ORDLYD-K1, teamleder: TEAM-ORDLYD-K1 }, levels: [afdelingsleder, teamleder] }
          - { id: at1, text: { afdelingsleder: AFD-ORDLYD-AT1, teamleder: TEAM-ORDLYD-AT1 }, levels: [teamleder] }
          - { id: m1, text: MEDARB-ORDLYD-M1, levels: [medarbejder], mirror_of: at1 }
scoring: { min_answered: 0.5 }
anonymity: { min_group_size: 3 }
`;
const parsed = parseQuestionnaire(YAML, "ordlyd.yaml");
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const q: Questionnaire = parsed.questionnaire;
const settings = { k: 3, merges: [], gapThreshold: 20, spread: { range: 3, sd: 1 } };
const grouping = levelGrouping(q, []);
const WORDINGS = { afdelingsleder: ["AFD-ORDLYD-K1", "AFD-ORDLYD-AT1"], teamleder: ["TEAM-ORDLYD-K1", "TEAM-ORDLYD-AT1"] };
const meta = { hash: "h", k: 3, date: "2026-03-02", spread: { range: 3, sd: 1 } };
const consensus = { elements: {} };
const rendered = (respondents: ReturnType<typeof respondent>[]) => {
  const view = roomView(q, settings, respondents, "da");
  const e = view.elements[0]!;
  const page = String(elementFigures({ q, lang: "da", k: 3 }, view, e, (key) => grouping.labelOf(key, "da")));
  const screen = String(disagreements({ q, lang: "da", k: 3, labelOfKey: (key) => grouping.labelOf(key, "da") }, e, 3));
  const report = buildWorkshopReport(q, { title: "Dag", date: "2026-03-02", view, consensus, grouping }, "da", meta);
  return { e, page, screen, report };
};

describe("the wording beside a figure is the wording its respondents were asked", () => {
  it("only teamledere answered: no afdelingsleder wording anywhere — room page, screen, workshop report", () => {
    const { page, screen, report } = rendered([
      ...[1, 3, 5].map((v) => respondent(q, "teamleder", { k1: v, at1: v })),
      ...[1, 1, 2].map((v) => respondent(q, "medarbejder", { m1: v })),
    ]);
    for (const text of [page, screen, JSON.stringify(report)]) for (const w of WORDINGS.afdelingsleder) expect(text).not.toContain(w);
    expect(page).toContain("TEAM-ORDLYD-K1");
    expect(page).toContain("TEAM-ORDLYD-AT1");
    expect(screen).toContain("TEAM-ORDLYD-K1");
    expect(report.elements[0]!.items.map((i) => [i.id, i.text])).toEqual([["k1", "TEAM-ORDLYD-K1"], ["at1", "TEAM-ORDLYD-AT1"]]);
    // The mirror difference (teamledere 3 vs medarbejdere 4/3 on the 1-5 scale: 1.67 points ≥ the 20-point threshold's 0.8) names both sides' words.
    expect(report.gaps).toHaveLength(1);
    expect(report.gaps[0]!.item).toBe("Teamleder: »TEAM-ORDLYD-AT1«\nMedarbejder: »MEDARB-ORDLYD-M1«");
  });

  it("both levels answered k1: the page labels each level's wording; the screen shows the wording most saw, noting it varies", () => {
    const { page, screen, report } = rendered([
      ...[1, 3, 5].map((v) => respondent(q, "teamleder", { k1: v, at1: v })),
      ...[2, 2, 4, 4].map((v) => respondent(q, "afdelingsleder", { k1: v })),
    ]);
    expect(page).toContain("Afdelingsleder: »AFD-ORDLYD-K1«");
    expect(page).toContain("Teamleder: »TEAM-ORDLYD-K1«");
    // at1 was put to teamledere only: their words alone, though afdelingsledere are in the room.
    expect(page).not.toContain("AFD-ORDLYD-AT1");
    expect(screen).not.toContain("AFD-ORDLYD-AT1");
    // k1's pooled counts rest on 4 afdelingsledere and 3 teamledere: the 4's wording, marked as varying.
    expect(screen).toContain("AFD-ORDLYD-K1 (ordlyden varierer efter niveau)");
    expect(report.elements[0]!.items.find((i) => i.id === "k1")!.text).toBe("Afdelingsleder: »AFD-ORDLYD-K1«\nTeamleder: »TEAM-ORDLYD-K1«");
    expect(JSON.stringify(report)).not.toContain("AFD-ORDLYD-AT1");
  });
});
