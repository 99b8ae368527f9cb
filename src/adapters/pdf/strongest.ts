import type { Report, ReportElement } from "../../core/report/report.ts";
import { int } from "../../core/report/report-format.ts";
import { highlights, type Highlight } from "../../core/report/report-highlights.ts";
import type { ReportView } from "../../core/report/report-view.ts";
import type { ReportWords } from "../../core/report/report-words.ts";
import { MUTED } from "./style.ts";
import { table, type Cell } from "./table.ts";
import type { Writer } from "./writer.ts";

/** The element's strongest and weakest statements, each with whose figure it is and its n. */
export function strongestWeakest(w: Writer, report: Report, view: ReportView, words: ReportWords, element: ReportElement): void {
  const { strongest, weakest } = highlights(view, element);
  if (strongest.length === 0) return;
  const row = (kind: string, h: Highlight): Cell[] => [
    { text: kind, bold: true },
    { text: `${h.text}${h.reverse ? ` (${words.reversedShort})` : ""}`, size: 8 },
    { text: h.group, size: 8, color: MUTED },
    { text: String(Math.round(h.score)), bold: true },
    { text: int(h.n, report.lang), color: MUTED },
  ];
  w.heading(4, words.strongestTitle, 60);
  // The short columns as narrow as their words allow, so the statements take fewer lines.
  const fit = (texts: string[], min: number) => Math.max(min, ...texts.map((x) => w.wordWidth(x, 8.5, true) + 8));
  const kind = fit([words.highest, words.lowest], 36);
  const score = fit([report.labels.score, "100"], 28);
  const n = fit(["n", int(Math.max(...[...strongest, ...weakest].map((h) => h.n)), report.lang)], 28);
  const rest = w.width - kind - 110 - score - n;
  table(w, [
    { header: "", width: kind },
    { header: words.statement, width: rest },
    { header: words.group, width: 110 },
    { header: report.labels.score, width: score, align: "right" },
    { header: "n", width: n, align: "right" },
  ], [...strongest.map((h) => row(words.highest, h)), ...weakest.map((h) => row(words.lowest, h))], { size: 8.5, rowHeader: true });
}
