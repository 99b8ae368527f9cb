import type { Report, ReportElement } from "../../core/report/report.ts";
import { LEADERS } from "../../core/questionnaire/levels.ts";
import { orderedGroups } from "../../core/report/report-summary.ts";
import { groupName, itemScore, shownScore, type ReportView } from "../../core/report/report-view.ts";
import type { ReportWords } from "../../core/report/report-words.ts";
import { itemBlock, itemLeadHeight, scaleKey, type ItemText } from "./items.ts";
import { hiddenText } from "./sections.ts";
import { CONTENT_WIDTH, MUTED } from "./style.ts";
import { table, type Cell } from "./table.ts";
import type { Writer } from "./writer.ts";

export function elementSection(w: Writer, report: Report, view: ReportView, words: ReportWords, element: ReportElement): void {
  const L = report.labels;
  w.open("Sect");
  w.heading(3, element.label, 120);
  if (element.definition) w.para(element.definition);
  const cited = element.source ? view.citations[element.source] : undefined;
  if (cited) w.para(`${words.source}: ${cited}`, { size: 7.5, color: MUTED });
  const groups = orderedGroups(report, view);
  const rows: Cell[][] = groups.map((g) => {
    const cell = report.cells[g.key]![element.id]!;
    const asked = view.dimensionAskedBy[element.id]?.includes(g.population) ?? true;
    if (cell.suppressed) return [{ text: groupName(report, view, g), bold: false }, { text: "–", color: MUTED }, { text: hiddenText(report, asked ? cell.why : "not_applicable"), color: MUTED, size: 7.5 }, { text: "" }];
    const shown = shownScore(cell.score, view.bands);
    return [{ text: groupName(report, view, g), bold: g === report.total }, { text: shown.text, bold: true }, { text: shown.band ?? "" }, { text: String(cell.n), color: MUTED }];
  });
  table(w, [{ header: words.group, width: 230 }, { header: L.score, width: 50, align: "right" }, { header: L.band, width: 160 }, { header: "n", width: CONTENT_WIDTH - 440, align: "right" }], rows, { size: 8.5, rowHeader: true });

  const text: ItemText = {
    hidden: (why) => hiddenText(report, why),
    topTwo: words.topTwo,
    score: words.scoreWord,
    dontKnow: words.dontKnow,
    onlyDontKnow: words.onlyDontKnow,
    reversed: words.reversed,
    continued: words.continued,
  };
  // The heading and the scale key stay on the page of the first item.
  const first = element.items[0];
  w.heading(4, L.items, 40 + (first ? itemLeadHeight(w, report, view, first, text) : 0));
  scaleKey(w, report, text);
  for (const item of element.items) itemBlock(w, report, view, item, text);

  const big = element.items.flatMap((item) => {
    // Between the leaders' groups, as `gaps` compares within a population; totals take no part.
    const shown = item.distributions.filter((d) => d.population === LEADERS && !report.groups.every((g) => g.key !== d.group) && !d.suppressed && d.mean !== null).map((d) => ({ label: d.label, score: Math.round(itemScore(d.mean, item.reverse, view.scale)!) }));
    if (shown.length < 2) return [];
    const hi = shown.reduce((a, b) => (b.score > a.score ? b : a));
    const lo = shown.reduce((a, b) => (b.score < a.score ? b : a));
    return hi.score - lo.score >= view.threshold ? [{ id: item.id, text: item.text, hi, lo, diff: hi.score - lo.score }] : [];
  }).sort((a, b) => b.diff - a.diff);
  // Each heading keeps its first paragraph with it, measured, so it never ends a page.
  const firstDifference = big[0] ? `${big[0].id} ${big[0].text}\n${big[0].hi.label} ${big[0].hi.score} – ${big[0].lo.label} ${big[0].lo.score} = ${big[0].diff} ${words.points}` : words.noDifferencesAbove(view.threshold);
  w.heading(4, words.differencesAbove(view.threshold), w.height(firstDifference, { size: 9 }) + 8);
  if (big.length === 0) w.para(words.noDifferencesAbove(view.threshold), { size: 9, color: MUTED });
  for (const d of big) w.para(`${d.id} ${d.text}\n${d.hi.label} ${d.hi.score} – ${d.lo.label} ${d.lo.score} = ${d.diff} ${words.points}`, { size: 8.5 });
  for (const advice of element.advice) {
    w.heading(4, `${L.goodPractice} · ${advice.label}`, w.height(advice.text, {}) + 8);
    w.para(advice.text);
    if (view.citations[advice.source]) w.para(`${words.source}: ${view.citations[advice.source]}`, { size: 7.5, color: MUTED });
  }
  w.close();
}

