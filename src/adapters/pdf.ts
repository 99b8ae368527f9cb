import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import type { Report } from "../core/report.ts";
import type { ReportView } from "../core/report-view.ts";
import { reportWords } from "../core/report-words.ts";
import { elementSection } from "./pdf-element.ts";
import { levelGaps } from "./pdf-gap-section.ts";
import { cover, method, summary } from "./pdf-sections.ts";
import { CONTENT_WIDTH, MUTED, PAGE } from "./pdf-style.ts";
import { Writer } from "./pdf-writer.ts";

const require = createRequire(import.meta.url);
const FONT = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
const FONT_BOLD = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf");

/** Renders the report as a tagged A4 PDF (PDF/UA) with embedded fonts; `created` fixes the dates for reproducible bytes. */
export function renderReportPdf(report: Report, view: ReportView, created: Date): Promise<Buffer> {
  const L = report.labels;
  const title = `${view.title} — ${L.reportTitle}`;
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: PAGE.margin, bottom: PAGE.margin - 20, left: PAGE.margin, right: PAGE.margin },
    bufferPages: true,
    autoFirstPage: true,
    pdfVersion: "1.7",
    // @types/pdfkit lists only the PDF/A subsets; pdfkit itself supports PDF/UA (XMP pdfuaid, title shown).
    subset: "PDF/UA" as unknown as "PDF/A-1",
    tagged: true,
    lang: report.lang === "da" ? "da-DK" : "en-GB",
    displayTitle: true,
    info: {
      Title: title,
      Subject: `${report.questionnaire.id} ${report.questionnaire.version} (${report.questionnaire.hash})`,
      Keywords: "faglig ledelse, ledelsesinformation, selvevaluering",
      Author: "ledelsestjek",
      Creator: `ledelsestjek ${report.toolVersion}`,
      Producer: "ledelsestjek (pdfkit)",
      CreationDate: created,
      ModDate: created,
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont("Sans", FONT);
  doc.registerFont("Sans-Bold", FONT_BOLD);
  doc.font("Sans");
  const w = new Writer(doc);
  const words = reportWords(report.lang);

  cover(w, report, view);
  w.newPage();
  summary(w, report, view, words);
  levelGaps(w, report, view, words);
  let area = "";
  for (const element of report.elements) {
    if (element.areaLabel !== area) {
      if (area) w.close();
      area = element.areaLabel;
      w.open("Sect");
      w.heading(2, area, 140);
    }
    elementSection(w, report, view, words, element);
  }
  if (area) w.close();
  method(w, report, view, words);
  w.finish();

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    w.artifact(() => {
      w.style({ size: 7.5, color: MUTED }).text(`${view.title} · ${report.questionnaire.id} ${report.questionnaire.version} · ${L.page} ${i + 1}/${range.count}`, PAGE.margin, PAGE.height - PAGE.margin + 8, { width: CONTENT_WIDTH, align: "center", lineBreak: false });
    }, "Pagination");
  }
  doc.end();
  return done;
}

