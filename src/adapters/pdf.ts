import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import type { Hidden, Report, ReportElement } from "../core/report.ts";
import { heatmap, keyMessages } from "../core/report-summary.ts";
import { itemScore, shownScore, type ReportView } from "../core/report-view.ts";
import { reportWords, type ReportWords } from "../core/report-words.ts";
import { radar, legend, type Series } from "./pdf-charts.ts";
import { heatmapTable } from "./pdf-heatmap.ts";
import { itemBlock, scaleKey, type ItemText } from "./pdf-items.ts";
import { bandShades, CONTENT_WIDTH, inkOn, MUTED, PAGE } from "./pdf-style.ts";
import { table, type Cell } from "./pdf-table.ts";
import { Writer } from "./pdf-writer.ts";

const require = createRequire(import.meta.url);
const FONT = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
const FONT_BOLD = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf");
/** A radar stays readable with at most this many outlines; beyond it the heatmap alone is the overview. */
const RADAR_MAX_GROUPS = 3;

/** The words that stand in for a hidden figure. */
const hiddenText = (report: Report, why: Hidden | string | undefined) =>
  why === "complement" ? report.labels.hiddenComplement : why === "not_applicable" ? report.labels.notApplicable : report.labels.fewerThan(report.minGroupSize);

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

function cover(w: Writer, report: Report, view: ReportView): void {
  const L = report.labels;
  w.open("Sect");
  w.y = 150;
  w.para(L.reportTitle, { size: 12, color: MUTED });
  w.heading(1, view.title, 200);
  if (view.subtitle) w.para(view.subtitle, { size: 13 });
  w.y += 10;
  const words = reportWords(report.lang);
  const facts: [string, string][] = [
    ...(view.responses !== null ? [[words.responses, String(view.responses)] as [string, string]] : []),
    ...(view.period ? [[words.period, view.period.first === view.period.last ? view.period.first : `${view.period.first} – ${view.period.last}`] as [string, string]] : []),
    [L.questionnaire, `${report.title} (${report.questionnaire.id} ${report.questionnaire.version})`],
    [L.contentHash, report.questionnaire.hash],
    [L.dataFiles, report.files.join("\n")],
    [L.date, report.date],
    [L.toolVersion, `ledelsestjek ${report.toolVersion}`],
  ];
  table(w, [{ header: "", width: 150 }, { header: "", width: CONTENT_WIDTH - 150 }], facts.map(([k, v]) => [{ text: k, bold: true, color: MUTED }, { text: v }]), { size: 9.5, rowHeader: true, noHeader: true });
  if (report.byColumns.length > 0) {
    w.heading(2, L.respondents, 60);
    const rows: Cell[][] = [...report.groups, report.total].map((g) => [{ text: g.label, bold: g === report.total }, { text: g.suppressed ? hiddenText(report, g.why) : String(g.respondents), bold: g === report.total }]);
    table(w, [{ header: words.group, width: 330 }, { header: L.respondents, width: CONTENT_WIDTH - 330 }], rows, { size: 9, rowHeader: true });
  }
  w.close();
}

function bandKey(w: Writer, view: ReportView): void {
  const shades = bandShades(view.bands.length);
  const parts = view.bands.map((b, i) => `${b.label} ${b.min}-${i + 1 < view.bands.length ? view.bands[i + 1]!.min - 1 : 100}`);
  w.ensure(16);
  const y = w.y;
  w.tagged("P", () => {
    let x = PAGE.margin;
    parts.forEach((p, i) => {
      w.doc.save().rect(x, y + 1, 14, 9).fillColor(shades[i]!).fill().restore();
      w.style({ size: 8 }).text(p, x + 18, y + 1.5, { lineBreak: false });
      x += 24 + w.doc.widthOfString(p) + 10;
    });
  });
  w.y = y + 16;
}

function summary(w: Writer, report: Report, view: ReportView, words: ReportWords): void {
  const L = report.labels;
  w.open("Sect");
  w.heading(2, L.summary, 120);
  const messages = keyMessages(report, view);
  if (messages.length > 0) {
    w.heading(3, words.keyMessages);
    w.open("L");
    for (const m of messages) {
      const text = m[report.lang];
      const h = w.height(text, { size: 10, width: CONTENT_WIDTH - 16 });
      w.ensure(h);
      const y = w.y;
      w.open("LI");
      w.tagged("Lbl", () => w.style({ size: 10 }).text("•", PAGE.margin + 2, y, { lineBreak: false }));
      w.tagged("LBody", () => w.style({ size: 10 }).text(text, PAGE.margin + 16, y, { width: CONTENT_WIDTH - 16, lineGap: 1.5 }));
      w.close();
      w.y = y + h + 5;
    }
    w.close();
  }
  const map = heatmap(report, view);
  w.heading(3, words.heatmapTitle, 160);
  bandKey(w, view);
  const anyHidden = map.rows.some((r) => r.cells.some((c) => c.hidden));
  if (anyHidden) {
    w.para(words.anonymityRule(report.minGroupSize), { size: 8.5 });
    w.para(`${words.heatmapIntro} ${words.hiddenKey(report.minGroupSize)}`, { size: 8, color: MUTED });
  }
  heatmapTable(w, map, view.bands.length, words, report.minGroupSize, { group: words.group, n: "n" });
  const elements = report.dimensions.filter((d) => d.kind === "element");
  const groups = report.chart.groups;
  if (groups.length > 0 && groups.length <= RADAR_MAX_GROUPS && elements.length >= 3) {
    const series: Series[] = groups.map((g) => ({ label: g.label, values: elements.map((d) => report.cells[g.key]![d.id]!.score) }));
    const alt = `${words.radarTitle}. ${series.map((s) => `${s.label}: ${elements.map((d, i) => `${d.label} ${s.values[i] === null ? "–" : Math.round(s.values[i]!)}`).join(", ")}`).join(". ")}.`;
    w.heading(3, words.radarTitle, 330);
    const radius = 100;
    w.figure(alt, 2 * radius + 110, (top) => {
      radar(w.doc, elements.map((d) => d.label), series, PAGE.width / 2, top + radius + 34, radius);
      legend(w.doc, series, PAGE.margin, top + 2 * radius + 80, CONTENT_WIDTH);
    });
  }
  w.close();
}

function elementSection(w: Writer, report: Report, view: ReportView, words: ReportWords, element: ReportElement): void {
  const L = report.labels;
  w.open("Sect");
  w.heading(3, element.label, 120);
  if (element.definition) w.para(element.definition);
  const groups = report.byColumns.length === 0 ? [report.total] : [...report.groups, report.total];
  const rows: Cell[][] = groups.map((g) => {
    const cell = report.cells[g.key]![element.id]!;
    if (cell.suppressed) return [{ text: g.label, bold: false }, { text: "–", color: MUTED }, { text: hiddenText(report, cell.why), color: MUTED, size: 7.5 }, { text: "" }];
    const shown = shownScore(cell.score, view.bands);
    return [{ text: g.label, bold: g === report.total }, { text: shown.text, bold: true }, { text: shown.band ?? "" }, { text: String(cell.n), color: MUTED }];
  });
  table(w, [{ header: words.group, width: 230 }, { header: L.score, width: 50, align: "right" }, { header: L.band, width: 160 }, { header: "n", width: CONTENT_WIDTH - 440, align: "right" }], rows, { size: 8.5, rowHeader: true });

  w.heading(4, L.items, 90);
  const text: ItemText = {
    hidden: (why) => hiddenText(report, why),
    topTwo: words.topTwo,
    score: words.scoreWord,
    dontKnow: words.dontKnow,
    onlyDontKnow: words.onlyDontKnow,
    reversed: words.reversed,
    continued: words.continued,
  };
  scaleKey(w, report, text);
  for (const item of element.items) itemBlock(w, report, view, item, text);

  const big = element.items.flatMap((item) => {
    const shown = item.distributions.filter((d) => d.label !== report.total.label && !d.suppressed && d.mean !== null).map((d) => ({ label: d.label, score: Math.round(itemScore(d.mean, item.reverse, view.scale)!) }));
    if (shown.length < 2) return [];
    const hi = shown.reduce((a, b) => (b.score > a.score ? b : a));
    const lo = shown.reduce((a, b) => (b.score < a.score ? b : a));
    return hi.score - lo.score >= view.threshold ? [{ id: item.id, text: item.text, hi, lo, diff: hi.score - lo.score }] : [];
  }).sort((a, b) => b.diff - a.diff);
  w.heading(4, words.differencesAbove(view.threshold), 40);
  if (big.length === 0) w.para(words.noDifferencesAbove(view.threshold), { size: 9, color: MUTED });
  for (const d of big) w.para(`${d.id} ${d.text}\n${d.hi.label} ${d.hi.score} – ${d.lo.label} ${d.lo.score} = ${d.diff} ${words.points}`, { size: 8.5 });
  for (const advice of element.advice) {
    w.heading(4, `${L.goodPractice} · ${advice.label}`, 50);
    w.para(advice.text);
  }
  w.close();
}

function method(w: Writer, report: Report, view: ReportView, words: ReportWords): void {
  w.open("Sect");
  w.heading(2, report.labels.method, 120);
  if (view.bands.length > 0) {
    w.heading(3, words.bandsTitle, 80);
    const shades = bandShades(view.bands.length);
    table(w, [{ header: report.labels.band, width: 200 }, { header: words.bandFrom, width: 90, align: "right" }, { header: words.bandTo, width: 90, align: "right" }],
      view.bands.map((b, i) => [{ text: b.label, fill: shades[i]!, color: inkOn(shades[i]!) }, { text: String(b.min) }, { text: String(i + 1 < view.bands.length ? view.bands[i + 1]!.min - 1 : 100) }]), { size: 9, rowHeader: true });
  }
  w.heading(3, words.termsTitle, 60);
  for (const term of words.terms) w.para(term);
  w.heading(3, words.calculation, 60);
  for (const paragraph of report.method) w.para(paragraph);
  w.close();
}
