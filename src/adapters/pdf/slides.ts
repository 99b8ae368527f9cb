import type { Report } from "../../core/report/report.ts";
import { elementGapRows } from "../../core/report/report-gaps.ts";
import { heatmap, keyMessages } from "../../core/report/report-summary.ts";
import type { ReportView } from "../../core/report/report-view.ts";
import { reportWords } from "../../core/report/report-words.ts";
import { LEADERS } from "../../core/questionnaire/levels.ts";
import { gapChart, mirrorTable } from "./gaps.ts";
import { heatmapTable } from "./heatmap.ts";
import { MUTED } from "./style.ts";
import { Writer, type Doc, type Geometry } from "./writer.ts";
import { bandKey } from "./sections.ts";

/** 16:9 slides (960 × 540 pt) drawn at 1.6× over a 600 × 337.5 layout, so every figure is projector-sized. */
export const SLIDE = { width: 960, height: 540, scale: 1.6 } as const;
const VIRTUAL = { width: SLIDE.width / SLIDE.scale, height: SLIDE.height / SLIDE.scale };
export const SLIDE_GEOMETRY: Geometry = { left: 28, top: 22, width: VIRTUAL.width - 56, bottom: VIRTUAL.height - 24 };

/** The slide deck: title, key messages, the heatmap, the level gaps (and the mirror) — each starting a slide. */
export function slides(doc: Doc, report: Report, view: ReportView): Writer {
  // Every page (also those a long table adds) is scaled, so the layout code works in the virtual units.
  doc.on("pageAdded", () => doc.scale(SLIDE.scale));
  doc.addPage();
  const w = new Writer(doc, SLIDE_GEOMETRY);
  const words = reportWords(report.lang);

  w.open("Sect");
  w.y = 90;
  w.heading(1, view.title, 60);
  if (view.subtitle) w.para(view.subtitle, { size: 14 });
  const facts = [
    view.responses !== null ? `${words.responses}: ${view.responses}` : "",
    view.period ? `${words.period}: ${view.period.first === view.period.last ? view.period.first : `${view.period.first} – ${view.period.last}`}` : "",
  ].filter(Boolean);
  if (facts.length > 0) w.para(facts.join(" · "), { size: 11, color: MUTED });
  w.close();

  const messages = keyMessages(report, view);
  if (messages.length > 0) {
    w.newPage();
    w.open("Sect");
    w.heading(2, words.keyMessages, 60);
    w.open("L");
    for (const m of messages) {
      const text = m[report.lang];
      const h = w.height(text, { size: 13, width: w.width - 20 });
      w.ensure(h);
      const y = w.y;
      w.open("LI");
      w.tagged("Lbl", () => w.style({ size: 13 }).text("•", w.left + 2, y, { lineBreak: false }));
      w.tagged("LBody", () => w.style({ size: 13 }).text(text, w.left + 20, y, { width: w.width - 20, lineGap: 1.5 }));
      w.close();
      w.y = y + h + 9;
    }
    w.close();
    w.close();
  }

  w.newPage();
  w.open("Sect");
  w.heading(2, words.heatmapTitle, 120);
  bandKey(w, view);
  heatmapTable(w, heatmap(report, view), view.bands.length, words, report.minGroupSize, { group: words.group, n: "n" });
  if (heatmap(report, view).rows.some((r) => r.cells.some((c) => c.hidden))) w.para(`${words.anonymityRule(report.minGroupSize)} ${words.hiddenKey(report.minGroupSize)}`, { size: 7.5, color: MUTED });
  w.close();

  const rows = elementGapRows(report, view);
  if (rows.length > 0 || view.mirror.length > 0) {
    w.newPage();
    w.open("Sect");
    const title = words.gapsTitle(report.byColumns[0] === "level");
    w.heading(2, title, 120);
    const groups = report.groups.filter((g) => g.population === LEADERS && rows.some((r) => r.dots.some((d) => d.label === g.label))).map((g) => g.label);
    if (rows.length > 0) gapChart(w, title, rows, groups, words, view.threshold);
    if (view.mirror.length > 0) {
      if (rows.length > 0) w.newPage();
      mirrorTable(w, view.mirror, words, view.threshold);
    }
    w.close();
  }
  return w;
}
