import type { Report } from "../../core/report/report.ts";
import type { ReportView } from "../../core/report/report-view.ts";
import { everythingHidden } from "../../core/report/report-messages.ts";
import { reportWords, type ReportWords } from "../../core/report/report-words.ts";
import { appendix } from "./appendix.ts";
import { colophon } from "./colophon.ts";
import { allHiddenPage, frontPage } from "./front.ts";
import { elementSection } from "./element.ts";
import { levelGaps } from "./gap-section.ts";
import { commentsSection, method, summary } from "./sections.ts";
import { SLIDE, SLIDE_GEOMETRY, SLIDE_TEXT, slides } from "./slides.ts";
import { openTaggedPdf } from "./document.ts";
import { CONTENT_WIDTH, MUTED, PAGE } from "./style.ts";
import { Writer, type Doc } from "./writer.ts";

/** A tagged PDF (PDF/UA) with embedded fonts and fixed dates, so the same input gives the same bytes. */
function open(report: Report, view: ReportView, created: Date, page: { size: "A4" | [number, number]; margins: PDFKit.PDFDocumentOptions["margins"]; first: boolean }, title = `${view.title} — ${report.labels.reportTitle}`) {
  return openTaggedPdf({
    size: page.size,
    margins: page.margins,
    autoFirstPage: page.first,
    lang: report.lang,
    created,
    info: {
      Title: title,
      Subject: `${report.questionnaire.id} ${report.questionnaire.version} (${report.questionnaire.hash})`,
      Keywords: "faglig ledelse, ledelsesinformation, selvevaluering",
      toolVersion: report.toolVersion,
    },
  });
}

/** Page numbers on every page, as an artifact (not read aloud), then the end of the document. */
function finish(doc: Doc, w: Writer, footer: (i: number, count: number) => void): void {
  w.finish();
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    w.artifact(() => footer(i, range.count), "Pagination");
  }
  doc.end();
}

/** Renders the report as a tagged A4 PDF; `created` fixes the dates for reproducible bytes. */
export function renderReportPdf(report: Report, view: ReportView, created: Date): Promise<Buffer> {
  const { doc, done } = open(report, view, created, { size: "A4", margins: { top: PAGE.margin, bottom: PAGE.margin - 20, left: PAGE.margin, right: PAGE.margin }, first: true });
  const w = new Writer(doc);
  const words = reportWords(report.lang);
  if (everythingHidden(report)) {
    // Nothing may be shown: one page that says why and what to do, and the colophon.
    allHiddenPage(w, report, view, words);
    colophon(w, report, words);
  } else {
    mainPart(w, report, view, words);
  }
  finish(doc, w, (i, count) => {
    w.style({ size: 7.5, color: MUTED }).text(`${view.title} · ${report.questionnaire.id} ${report.questionnaire.version} · ${report.labels.page} ${i + 1}/${count}`, PAGE.margin, PAGE.height - PAGE.margin + 8, { width: CONTENT_WIDTH, align: "center", lineBreak: false });
  });
  return done;
}

/** Page 1's message, the overview, the differences and the mirror, the elements; then the appendix, method and colophon. */
function mainPart(w: Writer, report: Report, view: ReportView, words: ReportWords): void {
  frontPage(w, report, view, words);
  w.newPage();
  summary(w, report, view, words);
  levelGaps(w, report, view, words);
  let area = "";
  for (const element of report.elements) {
    if (element.areaLabel !== area) {
      if (area) w.close();
      area = element.areaLabel;
      w.open("Sect");
      // Kept with the first element's heading and what that heading keeps (120) below it.
      w.heading(2, area, 220);
    }
    elementSection(w, report, view, words, element);
  }
  if (area) w.close();
  commentsSection(w, report, view, words);
  appendix(w, report, view, words);
  method(w, report, view, words);
  colophon(w, report, words);
}

/** The projector version (`report --slides`): 16:9 pages with the summary, heatmap and gaps in large type. */
export function renderSlidesPdf(report: Report, view: ReportView, created: Date): Promise<Buffer> {
  const { doc, done } = open(report, view, created, { size: [SLIDE.width, SLIDE.height], margins: { top: 0, bottom: 0, left: 0, right: 0 }, first: false }, `${view.title} — ${report.lang === "da" ? "Præsentation" : "Slides"}`);
  const w = slides(doc, report, view);
  finish(doc, w, (i, count) => {
    const g = SLIDE_GEOMETRY;
    w.style({ size: SLIDE_TEXT, color: MUTED }).text(`${view.title} · ${i + 1}/${count}`, g.left, g.bottom + 10, { width: g.width, align: "right", lineBreak: false });
  });
  return done;
}
