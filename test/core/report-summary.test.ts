import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TOTAL_KEY, type Cell, type Report } from "../../src/core/report/report.ts";
import { groupGaps, heatmap, itemExtremes, keyMessages } from "../../src/core/report/report-summary.ts";
import { everythingHidden } from "../../src/core/report/report-messages.ts";
import { buildReportView, itemScore, shares, shownScore, type ReportView } from "../../src/core/report/report-view.ts";
import { loadValid } from "../helpers/load.ts";
import { ROOT } from "../helpers/paths.ts";

const BANDS = [{ min: 0, label: "Begyndende" }, { min: 40, label: "Under udvikling" }, { min: 60, label: "Etableret" }, { min: 80, label: "Forankret" }];
const VIEW = { bands: BANDS, threshold: 20, scale: { min: 1, span: 4 }, populations: {}, mirror: [], wordings: {} } as unknown as ReportView;
const shown = (score: number, n = 10): Cell => ({ score, band: null, n, suppressed: false, why: undefined });
const hidden = (why: "small" | "complement", score: number | null = null): Cell => ({ score, band: null, n: 2, suppressed: true, why });
const group = (key: string, suppressed = false) => ({ key, label: key, by: { group: key }, population: "ledere", respondents: suppressed ? 2 : 10, suppressed, why: suppressed ? ("small" as const) : undefined });

/**
 * A hand-made model: A and B are shown, C is hidden — and its cells carry a score of 99 on purpose,
 * so a summary that peeked at a hidden cell would show it.
 */
function model(): Report {
  const cells: Record<string, Record<string, Cell>> = {
    A: { e1: shown(80.4), e2: shown(50), total: shown(65) },
    B: { e1: shown(55.4), e2: shown(45), total: shown(50) },
    C: { e1: hidden("small", 99), e2: hidden("small", 99), total: hidden("small", 99) },
    [TOTAL_KEY]: { e1: shown(39.6), e2: shown(47.5), total: shown(43) },
  };
  // The published rows the gaps module reads (GroupRow), matching the cells.
  const rows = ["A", "B", "C"].flatMap((g) => ["e1", "e2"].map((d) => {
    const c = cells[g]![d]!;
    return { by: { group: g }, population: "ledere", dimension: d, n: c.n, mean: c.suppressed ? null : c.score, suppressed: c.suppressed, total: false };
  }));
  return {
    rows,
    minGroupSize: 5,
    lang: "da",
    labels: { all: "Alle" },
    byColumns: ["group"],
    groups: [group("A"), group("B"), group("C", true)],
    total: { ...group(TOTAL_KEY), label: "Alle", respondents: 22 },
    dimensions: [{ id: "e1", label: "Sætte retningen", kind: "element" }, { id: "e2", label: "Følge op", kind: "element" }, { id: "total", label: "I alt", kind: "total" }],
    cells,
    elements: [{ id: "e1", items: [{ id: "i1", text: "Jeg ved, hvad der forventes", levels: [], distributions: [{ group: TOTAL_KEY, label: "Alle", population: "ledere", suppressed: false, counts: [0, 0, 1, 1, 1, 1, 4] }] }] }],
  } as unknown as Report;
}

describe("report summary", () => {
  it("prints the score rounded and the band of that rounded figure, so 39.6 reads 40 (Under udvikling)", () => {
    expect(shownScore(39.6, BANDS)).toEqual({ text: "40", band: "Under udvikling", index: 1 });
    expect(shownScore(39.4, BANDS)).toEqual({ text: "39", band: "Begyndende", index: 0 });
    expect(shownScore(null, BANDS).text).toBe("–");
  });

  it("puts item means on 0-100, turned for reverse-keyed items", () => {
    expect(itemScore(4.2, false, { min: 1, span: 4 })).toBeCloseTo(80, 10); // (4.2 − 1) / 4 × 100
    expect(itemScore(1.8, true, { min: 1, span: 4 })).toBeCloseTo(80, 10); // 100 − 20
  });

  it("computes answer shares with 'ved ikke' apart", () => {
    // Valid answers 1, 2, 3, 0, 4 (n = 10) and 2 × ved ikke: 10/20/30/0/40 %, top two (0 + 4) / 10, ved ikke 2 / 12.
    const s = shares([1, 2, 3, 0, 4, 2]);
    expect(s.valid).toEqual([10, 20, 30, 0, 40]);
    expect(s.topTwo).toBe(40);
    expect(s.dontKnow).toBeCloseTo(16.667, 3);
    expect(s.n).toBe(10);
  });

  it("builds the heatmap from the model's cells: hidden cells carry no figure, only why", () => {
    const map = heatmap(model(), VIEW);
    expect(map.rows.map((r) => r.label)).toEqual(["A", "B", "C", "Alle"]);
    expect(map.rows[0]!.cells.map((c) => c.text)).toEqual(["80", "50", "65"]);
    expect(map.rows[0]!.cells.map((c) => c.band)).toEqual([3, 1, 2]);
    expect(map.rows[2]!.cells).toEqual([1, 2, 3].map(() => ({ text: "", band: -1, hidden: "small" })));
    // Its count is shown (SPEC §4 rule 1), as every group's is: then no hidden count follows from the total.
    expect(map.rows[2]!.respondents).toBe("2");
    expect(map.rows[3]!.cells[0]).toEqual({ text: "40", band: 1, hidden: undefined });
  });

  it("labels a hidden cell 'not asked' where the group's population has no item in the dimension", () => {
    const m = model();
    m.groups.push({ ...group("S"), population: "medarbejder" });
    m.cells.S = { e1: hidden("small"), e2: shown(40), total: shown(40) };
    const view = { ...VIEW, dimensionAskedBy: { e1: ["ledere"], e2: ["ledere", "medarbejder"], total: ["ledere", "medarbejder"] } } as ReportView;
    const row = heatmap(m, view).rows.find((r) => r.key === "S")!;
    expect(row.cells.map((c) => c.hidden ?? c.text)).toEqual(["not_applicable", "40", "40"]);
    // A leaders' group, asked, stays "too few".
    expect(heatmap(m, view).rows.find((r) => r.key === "C")!.cells[0]!.hidden).toBe("small");
  });

  it("finds the largest gap between shown groups only, on the printed (rounded) figures", () => {
    // e1: A 80 − B 55 = 25; e2: A 50 − B 45 = 5. C (hidden, 99) takes no part.
    expect(groupGaps(model()).map((g) => [g.element, g.high.label, g.high.score, g.low.label, g.low.score, g.diff])).toEqual([
      ["Sætte retningen", "A", 80, "B", 55, 25],
      ["Følge op", "A", 50, "B", 45, 5],
    ]);
  });

  it("names elements tied by the score as printed together, never one of them", () => {
    const m = model();
    // A third element at 40.3 prints as 40, the same as e1's 39.6: both are the weakest.
    m.dimensions.splice(2, 0, { id: "e3", label: "Understøtte arbejdet", kind: "element" });
    m.cells[TOTAL_KEY]!.e3 = shown(40.3);
    const messages = keyMessages(m, VIEW).map((x) => x.da);
    expect(messages).toContain("Stærkest står «Følge op» (48, Under udvikling); svagest «Understøtte arbejdet» og «Sætte retningen» (40, Under udvikling).");
  });

  it("writes key messages from the figures, never from a hidden cell", () => {
    const messages = keyMessages(model(), VIEW).map((m) => m.da);
    expect(messages[0]).toBe("Ledernes samlede score er 43 (Under udvikling), ud fra 10 besvarelser.");
    expect(messages[1]).toBe("Stærkest står «Følge op» (48, Under udvikling); svagest «Sætte retningen» (40, Under udvikling).");
    // e1: A 80.4 − B 55.4 = 25 ≥ 20; e2: 50 − 45 = 5. Two groups compared (C is hidden).
    expect(messages[2]).toBe("Størst forskel: «Sætte retningen», A 80 mod B 55 (25 point) (2 grupper sammenlignet).");
    // 4 "ved ikke" of 4 valid + 4 = 50 %, named by its statement, not its id.
    expect(messages.join(" ")).toContain("«Ved ikke» er svaret af 15 % eller flere ved 1 udsagn; mest ved «Jeg ved, hvad der forventes» (Alle: 50 %)");
    expect(messages.join(" ")).toContain("1 af 3 grupper vises uden tal");
    expect(messages.join(" ")).not.toContain("99");
    expect(messages.join(" ")).not.toMatch(/\bi1\b/);
  });

  it("counts hidden and compared groups as an independent count does, and says 'could not be compared' when nothing could", () => {
    const m = model();
    // B is hidden too, by the complement rule: 10 respondents, but not one figure shown.
    m.cells.B = { e1: hidden("complement", 55), e2: hidden("complement", 45), total: hidden("complement", 50) };
    m.rows = m.rows.map((r) => (r.by.group === "B" ? { ...r, mean: null, suppressed: true } : r));
    const independent = ["A", "B", "C"].filter((g) => Object.values(m.cells[g]!).every((c) => c.suppressed)).length;
    expect(independent).toBe(2);
    const text = keyMessages(m, VIEW).map((x) => x.da).join(" ");
    expect(text).toContain(`${independent} af 3 grupper vises uden tal`);
    expect(text).toContain("Grupperne kunne ikke sammenlignes: kun 1 af 3 ledergrupper har tal, der må vises.");
    expect(text).not.toContain("Ingen af de");
    expect(text).not.toContain("Størst forskel");
  });

  it("makes no claim about differences when everything is hidden", () => {
    const m = model();
    for (const key of Object.keys(m.cells)) m.cells[key] = { e1: hidden("small"), e2: hidden("small"), total: hidden("small") };
    m.rows = m.rows.map((r) => ({ ...r, mean: null, suppressed: true }));
    (m.elements[0]!.items[0]!.distributions[0] as { suppressed: boolean }).suppressed = true;
    expect(everythingHidden(m)).toBe(true);
    expect(everythingHidden(model())).toBe(false);
    const text = keyMessages(m, VIEW).map((x) => x.da).join(" ");
    expect(text).not.toMatch(/Størst forskel|Ingen af de|adskiller sig|Stærkest/);
    expect(text).toContain("kunne ikke sammenlignes");
  });

  it("says when the top levels are hidden and how --merge-levels shows them together", () => {
    const m = model();
    const level = (id: string, label: string, respondents: number, shownScore: number | null) => {
      m.cells[id] = shownScore === null ? { e1: hidden("small"), e2: hidden("small"), total: hidden("small") } : { e1: shown(shownScore), e2: shown(shownScore), total: shown(shownScore) };
      return { key: id, label, by: { level: id }, population: "ledere", respondents, suppressed: shownScore === null, why: undefined };
    };
    m.byColumns = ["level"];
    m.groups = [level("direktion", "Direktion", 3, null), level("chef", "Chefniveau", 4, null), level("teamleder", "Teamleder", 20, 40)];
    m.rows = [];
    const text = keyMessages(m, VIEW).map((x) => x.da).join(" ");
    // 3 + 4 = 7 ≥ 5 together: the two top levels merged are enough.
    expect(text).toContain("Direktion og Chefniveau vises ikke, fordi der er for få besvarelser. Kør rapporten med --merge-levels direktion+chef=Topledelse");
    m.groups[1] = level("chef", "Chefniveau", 9, 60);
    // Only the direktion hidden: merged with the chefs, the next level down.
    expect(keyMessages(m, VIEW).map((x) => x.da).join(" ")).toContain("--merge-levels direktion+chef=Topledelse");
  });

  it("finds each shown group's highest and lowest item on 0-100, reverse keys turned, hidden distributions left out", () => {
    const m = model();
    const dist = (group: string, mean: number, suppressed = false) => ({ group, suppressed, counts: suppressed ? null : [1], mean: suppressed ? null : mean });
    // A: i2 (4.2 → 80), i3 reverse (1.4 → 100 − 10 = 90), i4 (2 → 25). C is hidden. B has one item only: no row.
    m.elements = [{ id: "e1", items: [
      { id: "i2", text: "To", reverse: false, distributions: [dist("A", 4.2), dist("B", 3), dist("C", 5, true)] },
      { id: "i3", text: "Tre", reverse: true, distributions: [dist("A", 1.4), dist("C", 1, true)] },
      { id: "i4", text: "Fire", reverse: false, distributions: [dist("A", 2)] },
    ] }] as unknown as Report["elements"];
    const rows = itemExtremes(m, VIEW);
    expect(rows.map((r) => [r.label, r.top.id, Math.round(r.top.score), r.bottom.id, Math.round(r.bottom.score)])).toEqual([["A", "i3", 90, "i4", 25]]);
  });

  it("says so when no gap reaches the threshold", () => {
    const m = model();
    m.cells.A!.e1 = shown(60);
    m.cells.A!.e2 = shown(46);
    m.rows = m.rows.map((r) => (r.by.group === "A" && r.dimension !== "total" ? { ...r, mean: m.cells.A![r.dimension]!.score } : r));
    expect(keyMessages(m, VIEW).map((x) => x.da)).toContain("Ingen af de 2 sammenlignede grupper adskiller sig med 20 point eller mere på et element.");
  });
});

describe("report view", () => {
  it("keeps each level's own wording of an item, and one wording where all levels saw the same", () => {
    const q = loadValid(join(ROOT, "questionnaires", "faglig-ledelse.yaml"));
    const report = { lang: "da", byColumns: ["level"], title: "T", minGroupSize: 5, total: { suppressed: false, respondents: 9 }, elements: [], groups: [], cells: {} } as unknown as Report;
    const view = buildReportView(q, report, { submitted: { first: "2026-03-01", last: "2026-03-28" }, title: "Favrskov" });
    expect(view.wordings["sr-dc1"]).toEqual([
      { levels: ["Direktion / topledelse"], text: "Når jeg lægger serviceniveauet frem for kommunalbestyrelsen (eller fagudvalget), viser jeg sammenhængen mellem økonomien og de indsatser, familierne får." },
      { levels: ["Chefniveau"], text: "Jeg bruger serviceniveauet som grundlag, når jeg følger op på budgettet på mit område." },
    ]);
    expect(view.wordings["ot-k1"]).toEqual([{ levels: [], text: "Rolle- og ansvarsfordelingen på mit ansvarsområde er så klart beskrevet, at der sjældent er tvivl om, hvem der gør hvad." }]);
    // A core item worded per level since the readers' review of 2.1: three levels share one wording, the teamleder has his own.
    expect(view.wordings["sr-k1"]).toEqual([
      { levels: ["Direktion / topledelse", "Chefniveau", "Afdelingsleder (myndighed)"], text: "Målene for mit ansvarsområde er formuleret så konkret, at det kan ses, om de bliver nået." },
      { levels: ["Team-/gruppeleder"], text: "Jeg oversætter målene for området til mål for teamet, der er så konkrete, at vi kan se, om de nås." },
    ]);
    expect(view).toMatchObject({ title: "Favrskov", subtitle: "T", responses: 9, period: { first: "2026-03-01", last: "2026-03-28" }, threshold: 20 });
  });
});
