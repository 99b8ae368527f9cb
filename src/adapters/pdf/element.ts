import type { Report, ReportElement } from "../../core/report/report.ts";
import { LEADERS } from "../../core/questionnaire/levels.ts";
import { orderedGroups, wordingFor } from "../../core/report/report-summary.ts";
import { groupName, itemScore, shownScore, type ReportView } from "../../core/report/report-view.ts";
import type { ReportWords } from "../../core/report/report-words.ts";
import { int, MINUS } from "../../core/report/report-format.ts";
import { strongestWeakest } from "./strongest.ts";
import { hiddenText } from "./sections.ts";
import { CONTENT_WIDTH, MUTED } from "./style.ts";
import { table, type Cell } from "./table.ts";
import type { Writer } from "./writer.ts";

/** Beyond this many groups (leaders', mirror and totals) the element page shows only the totals. */
const MANY_GROUPS = 8;
/** The largest item differences listed on an element page; the rest are counted, and all are in the appendix. */
const MAX_DIFFERENCES = 3;

export function elementSection(w: Writer, report: Report, view: ReportView, words: ReportWords, element: ReportElement): void {
  const L = report.labels;
  w.open("Sect");
  w.heading(3, element.label, 120);
  if (element.definition) w.para(element.definition);
  const cited = element.source ? view.citations[element.source] : undefined;
  if (cited) w.para(`${words.source}: ${cited}`, { size: 7.5, color: MUTED });
  const groups = orderedGroups(report, view);
  // Groups the element is not put to have nothing here: their rows go.
  const rows: Cell[][] = groups.filter((g) => (view.dimensionAskedBy[element.id]?.includes(g.population) ?? true) && report.cells[g.key]?.[element.id]?.why !== "not_applicable").map((g) => {
    const cell = report.cells[g.key]![element.id]!;
    if (cell.suppressed) return [{ text: groupName(report, view, g), bold: false }, { text: "–", color: MUTED }, { text: hiddenText(report, cell.why), color: MUTED, size: 7.5 }, { text: int(cell.n, report.lang), color: MUTED }];
    const shown = shownScore(cell.score, view.bands);
    return [{ text: groupName(report, view, g), bold: g === report.total }, { text: shown.text, bold: true }, { text: shown.band ?? "" }, { text: int(cell.n, report.lang), color: MUTED }];
  });
  // With many groups the overview's heatmap already holds every group's score: the element page keeps the total.
  const many = groups.length > MANY_GROUPS;
  const kept = many ? rows.filter((_, i) => groups.filter((g) => (view.dimensionAskedBy[element.id]?.includes(g.population) ?? true) && report.cells[g.key]?.[element.id]?.why !== "not_applicable")[i]!.key.startsWith("\u0000total")) : rows;
  table(w, [{ header: words.group, width: 230 }, { header: L.score, width: 50, align: "right" }, { header: L.band, width: 160 }, { header: "n", width: CONTENT_WIDTH - 440, align: "right" }], kept, { size: 8.5, rowHeader: true });
  if (many) w.para(words.perGroupInOverview, { size: 8.5, color: MUTED });

  strongestWeakest(w, report, view, words, element);

  let compared = 0;
  const big = element.items.flatMap((item) => {
    // Between the leaders' groups, as `gaps` compares within a population; totals take no part.
    const shown = item.distributions.filter((d) => d.population === LEADERS && !report.groups.every((g) => g.key !== d.group) && !d.suppressed && d.mean !== null).map((d) => ({ label: d.label, score: Math.round(itemScore(d.mean, item.reverse, view.scale)!) }));
    if (shown.length < 2) return [];
    compared++;
    const hi = shown.reduce((a, b) => (b.score > a.score ? b : a));
    const lo = shown.reduce((a, b) => (b.score < a.score ? b : a));
    // Each group's figure answers its own level's wording; where the levels' wordings differ, name them both.
    const text = [...new Set([hi.label, lo.label].map((label) => wordingFor(view, item, label)))].join(" / ");
    return hi.score - lo.score >= view.threshold ? [{ id: item.id, text, hi, lo, diff: hi.score - lo.score }] : [];
  }).sort((a, b) => b.diff - a.diff);
  // Each heading keeps its first paragraph with it, measured, so it never ends a page.
  const line = (d: (typeof big)[number]) => `${d.text}\n${d.hi.label} ${d.hi.score} ${MINUS} ${d.lo.label} ${d.lo.score} = ${d.diff} ${words.points}`;
  // Nothing compared is not "no difference": then the page says the statements could not be compared.
  const none = compared === 0 ? words.notCompared : words.noDifferencesAbove(view.threshold);
  const firstDifference = big[0] ? line(big[0]) : none;
  if (report.byColumns.length > 0) {
    w.heading(4, words.differencesAbove(view.threshold), w.height(firstDifference, { size: 9 }) + 8);
    if (big.length === 0) w.para(none, { size: 9, color: MUTED });
    for (const d of big.slice(0, MAX_DIFFERENCES)) w.para(line(d), { size: 8.5 });
    if (big.length > MAX_DIFFERENCES) w.para(words.moreDifferences(big.length - MAX_DIFFERENCES), { size: 8.5, color: MUTED });
  }
  for (const advice of element.advice) {
    w.heading(4, `${L.goodPractice} · ${advice.label}`, w.height(advice.text, {}) + 8);
    w.para(advice.text);
    if (view.citations[advice.source]) w.para(`${words.source}: ${view.citations[advice.source]}`, { size: 7.5, color: MUTED });
  }
  w.close();
}

