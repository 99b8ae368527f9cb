import { LEADERS } from "../../core/questionnaire/levels.ts";
import type { Report } from "../../core/report/report.ts";
import { elementGapRows } from "../../core/report/report-gaps.ts";
import type { ReportView } from "../../core/report/report-view.ts";
import type { ReportWords } from "../../core/report/report-words.ts";
import { gapChart, gapChartHeight, mirrorTable } from "./gaps.ts";
import type { Writer } from "./writer.ts";

/** The section comparing groups per element (and a mirror level with the level it rates), when there is something to compare. */
export function levelGaps(w: Writer, report: Report, view: ReportView, words: ReportWords): void {
  const rows = elementGapRows(report, view);
  if (rows.length === 0 && view.mirror.length === 0) return;
  const title = words.gapsTitle(report.byColumns[0] === "level");
  w.open("Sect");
  // The heading stays with the chart (or its first page, when the chart is longer than a page).
  const groups = report.groups.filter((g) => g.population === LEADERS && rows.some((r) => r.dots.some((d) => d.label === g.label))).map((g) => g.label);
  w.heading(2, title, rows.length > 0 ? Math.min(gapChartHeight(w, rows, groups.length) + 16, w.bottom - w.top - 80) : 160);
  if (rows.length > 0) gapChart(w, title, rows, groups, words, view.threshold);
  mirrorTable(w, view.mirror, words, view.threshold, report.lang);
  w.close();
}
