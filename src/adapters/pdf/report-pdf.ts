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

type Page = { size: "A4" | [number, number]; margins: PDFKit.PDFDocumentOptions["margins"]; first: boolean };
const A4_PAGE: Page = { size: "A4", margins: { top: PAGE.margin, bottom: PAGE.margin - 20, left: PAGE.margin, right: PAGE.margin }, first: true };
const KEYWORDS = "faglig ledelse, ledelsesinformation, selvevaluering";

/** A tagged PDF (PDF/UA) with embedded fonts and fixed dates, so the same input gives the same bytes. */
function open(report: Report, view: ReportView, created: Date, page: Page, title = pdfInfoOf(report, view, created).title) {
  return openTaggedPdf({
    size: page.size,
    margins: page.margins,
    autoFirstPage: page.first,
    lang: report.lang,
    created,
    info: { Title: title, Subject: subjectOf(report), Keywords: KEYWORDS, toolVersion: report.toolVersion },
  });
}

const subjectOf = (report: Report) => `${report.questionnaire.id} ${report.questionnaire.version} (${report.questionnaire.hash})`;

/** What a report's PDF says of itself: its language, dates, version, title and subject. */
export type PdfInfo = { lang: "da" | "en"; created: Date; toolVersion: string; title: string; subject: string };

export const pdfInfoOf = (report: Report, view: ReportView, created: Date): PdfInfo =>
  ({ lang: report.lang, created, toolVersion: report.toolVersion, title: `${view.title} — ${report.labels.reportTitle}`, subject: subjectOf(report) });

/**
 * The report's PDF opened before its figures are known, so that the fonts and the words it will
 * print can be laid out while the rows are still being read (`warmReportPdf`): shaping each word the
 * first time is a third of the time of drawing a report, and beside the reading it runs on a second
 * core. pdfkit derives the file's ID from the info it is opened with, so that is given in full here.
 */
export type StartedPdf = { doc: Doc; done: Promise<Buffer>; info: PdfInfo };

export function startReportPdf(info: PdfInfo): StartedPdf {
  const { doc, done } = openTaggedPdf({
    size: A4_PAGE.size,
    margins: A4_PAGE.margins,
    autoFirstPage: A4_PAGE.first,
    lang: info.lang,
    created: info.created,
    info: { Title: info.title, Subject: info.subject, Keywords: KEYWORDS, toolVersion: info.toolVersion },
  });
  return { doc, done, info };
}

/** Whether a started PDF says what the report's would: only then is it drawn into. */
export const startedFits = (started: StartedPdf, report: Report, view: ReportView, created: Date): boolean => {
  const want = pdfInfoOf(report, view, created);
  const have = started.info;
  return have.lang === want.lang && have.created.getTime() === want.created.getTime() && have.toolVersion === want.toolVersion && have.title === want.title && have.subject === want.subject;
};

/**
 * Lays out `texts` in the regular and the bold font, into the fonts' caches (what pdfkit draws
 * later it finds there). It measures only: nothing is drawn or embedded, so the bytes are the same.
 */
export function warmReportPdf(started: StartedPdf, texts: readonly string[]): void {
  const { doc } = started;
  for (const font of ["Sans", "Sans-Bold"]) {
    doc.font(font);
    for (const text of texts) doc.widthOfString(text);
  }
  // As openTaggedPdf left it.
  doc.font("Sans");
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

/**
 * Renders the report as a tagged A4 PDF; `created` fixes the dates for reproducible bytes. `started`:
 * the PDF opened (and warmed) before, with the info this report gives it.
 */
export function renderReportPdf(report: Report, view: ReportView, created: Date, started?: StartedPdf): Promise<Buffer> {
  // A started PDF that says something else (another title) is left unused: the report is what counts.
  const { doc, done } = started && startedFits(started, report, view, created) ? started : open(report, view, created, A4_PAGE);
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
