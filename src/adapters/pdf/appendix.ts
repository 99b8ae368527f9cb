import type { Report } from "../../core/report/report.ts";
import type { ReportView } from "../../core/report/report-view.ts";
import type { ReportWords } from "../../core/report/report-words.ts";
import { itemBlock, itemLeadHeight, scaleKey, type ItemText } from "./items.ts";
import { hiddenText } from "./sections.ts";
import { MUTED } from "./style.ts";
import type { Writer } from "./writer.ts";

/**
 * Every statement's answers per group, after the report's main part: per element, the statements
 * with at least one shown figure. A statement no shown group was asked (or whose every figure is
 * hidden) has nothing to show and is left out rather than printed as "fewer than k".
 */
export function appendix(w: Writer, report: Report, view: ReportView, words: ReportWords): void {
  const text: ItemText = {
    hidden: (why) => hiddenText(report, why),
    groups: words.groupsCount,
    topTwo: words.topTwo,
    score: words.scoreWord,
    dontKnow: words.dontKnow,
    onlyDontKnow: words.onlyDontKnow,
    reversed: words.reversed,
    continued: words.continued,
    favourable: words.favourable,
  };
  const elements = report.elements
    .map((e) => ({ e, items: e.items.filter((item) => item.distributions.some((d) => !d.suppressed && (view.askedBy[item.id]?.includes(d.population) ?? true))) }))
    .filter((x) => x.items.length > 0);
  if (elements.length === 0) return;
  w.newPage();
  w.open("Sect");
  w.heading(2, words.appendixTitle, 120);
  w.para(words.appendixIntro(report.minGroupSize), { size: 8.5, color: MUTED });
  for (const { e, items } of elements) {
    w.open("Sect");
    w.heading(3, e.label, 60 + itemLeadHeight(w, report, view, items[0]!, text));
    scaleKey(w, report, text);
    for (const item of items) itemBlock(w, report, view, item, text);
    w.close();
  }
  w.close();
}
