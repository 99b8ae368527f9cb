import type { Report } from "../../core/report/report.ts";
import { EN_DASH, int } from "../../core/report/report-format.ts";
import { hiddenGroups, keyMessages } from "../../core/report/report-messages.ts";
import type { ReportView } from "../../core/report/report-view.ts";
import type { ReportWords } from "../../core/report/report-words.ts";
import { MUTED } from "./style.ts";
import type { Writer } from "./writer.ts";

/** A bulleted list of sentences, each a list item (Lbl + LBody), at `size`. */
export function sentences(w: Writer, texts: readonly string[], size: number, indent = 16, gap = 5): void {
  w.open("L");
  for (const text of texts) {
    const h = w.height(text, { size, width: w.width - indent });
    w.ensure(h);
    const y = w.y;
    w.open("LI");
    w.tagged("Lbl", () => w.style({ size }).text("•", w.left + 2, y, { lineBreak: false }));
    w.tagged("LBody", () => w.style({ size }).text(text, w.left + indent, y, { width: w.width - indent, lineGap: 1.5 }));
    w.close();
    w.y = y + h + gap;
  }
  w.close();
}

/** The one line of facts under the title: responses, period, groups (how many without figures). */
export function factsLine(report: Report, view: ReportView, words: ReportWords): string {
  const period = view.period ? (view.period.first === view.period.last ? view.period.first : `${view.period.first} ${EN_DASH} ${view.period.last}`) : null;
  return words.factsLine({ responses: view.responses === null ? null : int(view.responses, report.lang), period, groups: report.byColumns.length > 0 ? report.groups.length : 0, hidden: hiddenGroups(report).length });
}

/** Page 1: the title, one line of facts and the key findings — the message, not metadata (that is in the colophon). */
export function frontPage(w: Writer, report: Report, view: ReportView, words: ReportWords): void {
  w.open("Sect");
  w.y = 90;
  w.para(report.labels.reportTitle, { size: 12, color: MUTED });
  w.heading(1, view.title, 160);
  if (view.subtitle) w.para(view.subtitle, { size: 13 });
  const facts = factsLine(report, view, words);
  if (facts) w.para(facts, { size: 10, color: MUTED });
  if (report.mergedLevels.length > 0) w.para(`${report.labels.mergedLevels}: ${report.mergedLevels.join("; ")}`, { size: 9, color: MUTED });
  w.y += 8;
  const messages = keyMessages(report, view);
  if (messages.length > 0) {
    w.heading(2, words.keyMessages, 60);
    sentences(w, messages.map((m) => m[report.lang]), 11, 16, 7);
  }
  w.close();
}

/** A report where nothing may be shown: one page that says why and what to do, and claims nothing about differences. */
export function allHiddenPage(w: Writer, report: Report, view: ReportView, words: ReportWords): void {
  w.open("Sect");
  w.y = 90;
  w.para(report.labels.reportTitle, { size: 12, color: MUTED });
  w.heading(1, view.title, 160);
  if (view.subtitle) w.para(view.subtitle, { size: 13 });
  w.heading(2, words.allHiddenTitle, 80);
  for (const paragraph of words.allHidden(report.minGroupSize)) w.para(paragraph, { size: 11 });
  if (report.byColumns.length > 0) {
    w.para(report.groups.map((g) => `${g.label} (${int(g.respondents, report.lang)})`).join("\n"), { size: 10, color: MUTED });
  }
  if (view.commentsWithheld) w.para(words.commentsWithheld(report.minGroupSize), { size: 11 });
  w.close();
}
