import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import type { Hidden, Report, ReportElement, ReportGroup } from "../core/report.ts";
import { round2 } from "../core/rounding.ts";
import { groupedBars, legend, radar, type Series } from "./pdf-charts.ts";
import { CONTENT_WIDTH, DONT_KNOW_COLOR, INK, MUTED, PAGE, RULE, scaleShades } from "./pdf-style.ts";

type Doc = InstanceType<typeof PDFDocument>;
const require = createRequire(import.meta.url);
const FONT = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
const FONT_BOLD = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf");
const BOTTOM = PAGE.height - PAGE.margin - 10;
const GROUPS_PER_TABLE = 4;

/** The words that stand in for a hidden figure. */
const hiddenText = (report: Report, why: Hidden) =>
  why === "complement" ? report.labels.hiddenComplement : why === "not_applicable" ? report.labels.notApplicable : report.labels.fewerThan(report.minGroupSize);

const fmt = (value: number | null, lang: string) => (value === null ? "–" : String(round2(value)).replace(".", lang === "da" ? "," : "."));
const whole = (value: number) => String(Math.round(value));

/** Renders the report model as an A4 PDF with embedded fonts; `created` fixes the dates for reproducible bytes. */
export function renderReportPdf(report: Report, created: Date): Promise<Buffer> {
  const L = report.labels;
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: PAGE.margin, bottom: PAGE.margin - 20, left: PAGE.margin, right: PAGE.margin },
    bufferPages: true,
    autoFirstPage: true,
    lang: report.lang === "da" ? "da-DK" : "en-GB",
    displayTitle: true,
    info: {
      Title: `${report.title} — ${L.reportTitle}`,
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

  cover(doc, report);
  doc.addPage();
  summary(doc, report);
  for (const element of report.elements) {
    doc.addPage();
    elementSection(doc, report, element);
  }
  doc.addPage();
  heading(doc, L.method, 16);
  for (const paragraph of report.method) para(doc, paragraph);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.font("Sans").fontSize(7.5).fillColor(MUTED)
      .text(`${report.title} · ${report.questionnaire.id} ${report.questionnaire.version} · ${L.page} ${i + 1}/${range.count}`, PAGE.margin, PAGE.height - PAGE.margin + 8, { width: CONTENT_WIDTH, align: "center", lineBreak: false });
  }
  doc.end();
  return done;
}

function ensure(doc: Doc, height: number): void {
  if (doc.y + height > BOTTOM) doc.addPage();
}

function heading(doc: Doc, text: string, size = 13): void {
  ensure(doc, size * 3);
  doc.moveDown(0.4).font("Sans-Bold").fontSize(size).fillColor(INK).text(text, PAGE.margin, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(0.3);
}

function para(doc: Doc, text: string, options: { size?: number; color?: string } = {}): void {
  doc.font("Sans").fontSize(options.size ?? 9.5).fillColor(options.color ?? INK);
  ensure(doc, doc.heightOfString(text, { width: CONTENT_WIDTH }) + 4);
  doc.text(text, PAGE.margin, doc.y, { width: CONTENT_WIDTH, lineGap: 1.5 });
  doc.moveDown(0.5);
}

function cover(doc: Doc, report: Report): void {
  const L = report.labels;
  doc.y = 170;
  doc.font("Sans").fontSize(12).fillColor(MUTED).text(L.reportTitle.toUpperCase(), PAGE.margin, doc.y, { characterSpacing: 2 });
  doc.moveDown(0.3).font("Sans-Bold").fontSize(26).fillColor(INK).text(report.title, { width: CONTENT_WIDTH });
  doc.moveDown(1.2);
  const facts: [string, string][] = [
    [L.questionnaire, report.questionnaire.id],
    [L.version, report.questionnaire.version],
    [L.contentHash, report.questionnaire.hash],
    [L.dataFiles, report.files.join("\n")],
    [L.date, report.date],
    [L.toolVersion, `ledelsestjek ${report.toolVersion}`],
    ...(report.mergedLevels.length > 0 ? [[L.mergedLevels, report.mergedLevels.join("\n")] as [string, string]] : []),
  ];
  for (const [label, value] of facts) {
    const y = doc.y;
    doc.font("Sans-Bold").fontSize(9.5).fillColor(MUTED).text(label, PAGE.margin, y, { width: 140 });
    doc.font("Sans").fillColor(INK).text(value, PAGE.margin + 150, y, { width: CONTENT_WIDTH - 150 });
    doc.moveDown(0.35);
  }
  doc.moveDown(1);
  doc.font("Sans-Bold").fontSize(11).fillColor(INK).text(L.respondents, PAGE.margin, doc.y);
  doc.moveDown(0.3);
  const rows: ReportGroup[] = [...report.groups, report.total];
  for (const group of rows) {
    const y = doc.y;
    const count = group.suppressed ? hiddenText(report, group.why) : String(group.respondents);
    doc.font(group === report.total ? "Sans-Bold" : "Sans").fontSize(9.5).fillColor(INK).text(group.label, PAGE.margin, y, { width: 300 });
    doc.text(count, PAGE.margin + 310, y, { width: CONTENT_WIDTH - 310 });
    doc.moveDown(0.2);
  }
}

function summary(doc: Doc, report: Report): void {
  const L = report.labels;
  heading(doc, L.summary, 16);
  const elements = report.dimensions.filter((d) => d.kind === "element");
  const series: Series[] = report.chart.groups.map((g) => ({ label: g.label, values: elements.map((d) => report.cells[g.key]![d.id]!.score) }));
  if (series.length > 0 && elements.length >= 3) {
    doc.font("Sans-Bold").fontSize(10).fillColor(INK).text(L.radarTitle, PAGE.margin, doc.y);
    const top = doc.y + 8;
    const radius = 105;
    radar(doc, elements.map((d) => d.label), series, PAGE.width / 2, top + radius + 30, radius);
    doc.y = top + 2 * radius + 74;
    doc.y = legend(doc, series, PAGE.margin, doc.y, CONTENT_WIDTH) + 4;
    if (report.chart.omitted > 0) para(doc, L.moreGroups(series.length, series.length + report.chart.omitted), { size: 8, color: MUTED });
  }
  const areas = report.dimensions.filter((d) => d.kind !== "element");
  if (series.length > 0) {
    ensure(doc, 40 + areas.length * (series.length * 9 + 8));
    doc.moveDown(0.6).font("Sans-Bold").fontSize(10).fillColor(INK).text(L.areasTitle, PAGE.margin, doc.y);
    doc.y = groupedBars(doc, areas.map((d) => d.label), report.chart.groups.map((g) => ({ label: g.label, values: areas.map((d) => report.cells[g.key]![d.id]!.score) })), PAGE.margin, doc.y + 16, CONTENT_WIDTH, whole);
  }
  doc.addPage();
  heading(doc, L.tableTitle, 13);
  const columns = [...report.groups, report.total];
  for (let start = 0; start < columns.length; start += GROUPS_PER_TABLE) scoreTable(doc, report, columns.slice(start, start + GROUPS_PER_TABLE));
}

function scoreTable(doc: Doc, report: Report, columns: ReportGroup[]): void {
  const L = report.labels;
  const labelWidth = 150;
  const colWidth = (CONTENT_WIDTH - labelWidth) / columns.length;
  const rowHeight = 26;
  const header = () => {
    const y = doc.y;
    doc.font("Sans-Bold").fontSize(8).fillColor(INK);
    doc.text(`${L.element} / ${L.area}`, PAGE.margin, y, { width: labelWidth - 6 });
    columns.forEach((g, i) => doc.text(g.label, PAGE.margin + labelWidth + i * colWidth, y, { width: colWidth - 6, height: 22, ellipsis: true }));
    doc.y = y + 24;
    doc.save().moveTo(PAGE.margin, doc.y - 3).lineTo(PAGE.margin + CONTENT_WIDTH, doc.y - 3).lineWidth(0.7).strokeColor(INK).stroke().restore();
  };
  ensure(doc, 60);
  header();
  for (const dimension of report.dimensions) {
    if (doc.y + rowHeight > BOTTOM) {
      doc.addPage();
      header();
    }
    const y = doc.y;
    const strong = dimension.kind !== "element";
    doc.font(strong ? "Sans-Bold" : "Sans").fontSize(8.5).fillColor(INK).text(dimension.label, PAGE.margin, y + 2, { width: labelWidth - 6, height: rowHeight, ellipsis: true });
    columns.forEach((g, i) => {
      const cell = report.cells[g.key]![dimension.id]!;
      const x = PAGE.margin + labelWidth + i * colWidth;
      if (cell.suppressed) {
        doc.font("Sans").fontSize(7.5).fillColor(MUTED).text(hiddenText(report, cell.why), x, y + 2, { width: colWidth - 6 });
      } else {
        // Score and n on the first line, the band below: a long band name never runs into the figures.
        doc.font(strong ? "Sans-Bold" : "Sans").fontSize(8.5).fillColor(INK).text(cell.score === null ? "–" : whole(cell.score), x, y + 2, { lineBreak: false });
        doc.font("Sans").fontSize(7).fillColor(MUTED).text(`n = ${cell.n}`, x + 22, y + 3.5, { lineBreak: false });
        if (cell.band) doc.font("Sans").fontSize(7.5).fillColor(INK).text(cell.band, x, y + 13, { width: colWidth - 6, height: 10, ellipsis: true });
      }
    });
    doc.y = y + rowHeight;
    doc.save().moveTo(PAGE.margin, doc.y - 2).lineTo(PAGE.margin + CONTENT_WIDTH, doc.y - 2).lineWidth(0.4).strokeColor(RULE).stroke().restore();
  }
  doc.moveDown(1);
}

function elementSection(doc: Doc, report: Report, element: ReportElement): void {
  const L = report.labels;
  doc.font("Sans").fontSize(9).fillColor(MUTED).text(element.areaLabel.toUpperCase(), PAGE.margin, doc.y, { characterSpacing: 1 });
  doc.font("Sans-Bold").fontSize(17).fillColor(INK).text(element.label, PAGE.margin, doc.y + 2, { width: CONTENT_WIDTH });
  doc.moveDown(0.4);
  if (element.definition) {
    para(doc, element.definition);
    if (element.source) para(doc, `${L.source}: ${element.source}`, { size: 7.5, color: MUTED });
  }
  const scores = [...report.groups, report.total].map((g) => {
    const cell = report.cells[g.key]![element.id]!;
    return `${g.label}: ${cell.suppressed ? hiddenText(report, cell.why) : `${cell.score === null ? "–" : whole(cell.score)}${cell.band ? ` (${cell.band})` : ""}, n = ${cell.n}`}`;
  });
  para(doc, `${L.score}: ${scores.join(" · ")}`, { size: 9 });

  heading(doc, L.items, 11);
  distributionLegend(doc, report);
  for (const item of element.items) itemBlock(doc, report, item);

  heading(doc, L.differences, 11);
  if (element.differences.length === 0) para(doc, L.noDifferences, { size: 9, color: MUTED });
  for (const d of element.differences) {
    para(doc, `${d.itemId} ${d.text}\n${d.high.label} ${fmt(d.high.mean, report.lang)} – ${d.low.label} ${fmt(d.low.mean, report.lang)} = ${fmt(d.diff, report.lang)} ${L.points}`, { size: 8.5 });
  }
  for (const advice of element.advice) {
    heading(doc, `${L.goodPractice} · ${advice.label}`, 11);
    para(doc, advice.text);
    para(doc, `${L.source}: ${advice.source}`, { size: 7.5, color: MUTED });
  }
}

function distributionLegend(doc: Doc, report: Report): void {
  const shades = scaleShades(report.scale.labels.length);
  const entries = [...report.scale.labels.map((label, i) => ({ label, color: shades[i]! })), ...(report.scale.dontKnow ? [{ label: report.scale.dontKnow, color: DONT_KNOW_COLOR }] : [])];
  let x = PAGE.margin;
  let y = doc.y;
  doc.font("Sans").fontSize(7.5);
  for (const entry of entries) {
    const w = 14 + doc.widthOfString(entry.label) + 10;
    if (x + w > PAGE.margin + CONTENT_WIDTH) {
      x = PAGE.margin;
      y += 12;
    }
    doc.save().rect(x, y + 1, 9, 7).fillColor(entry.color).fill().restore();
    doc.fillColor(INK).text(entry.label, x + 12, y, { lineBreak: false });
    x += w;
  }
  doc.y = y + 16;
}

function itemBlock(doc: Doc, report: Report, item: ReportElement["items"][number]): void {
  const L = report.labels;
  const labelWidth = 150;
  const barWidth = CONTENT_WIDTH - labelWidth - 70;
  const barHeight = 9;
  const text = `${item.id}  ${item.text}${item.reverse ? ` (${L.reversed})` : ""}`;
  doc.font("Sans").fontSize(8.5);
  const textHeight = doc.heightOfString(text, { width: CONTENT_WIDTH });
  ensure(doc, textHeight + item.distributions.length * (barHeight + 4) + 12);
  doc.fillColor(INK).text(text, PAGE.margin, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(0.2);
  const shades = scaleShades(report.scale.labels.length);
  for (const d of item.distributions) {
    const y = doc.y;
    doc.font("Sans").fontSize(7.5).fillColor(INK).text(d.label, PAGE.margin + 6, y, { width: labelWidth - 10, height: barHeight + 2, ellipsis: true });
    const x0 = PAGE.margin + labelWidth;
    if (d.suppressed || !d.counts) {
      doc.fillColor(MUTED).text(hiddenText(report, d.why), x0, y, { lineBreak: false });
    } else {
      const total = d.counts.reduce((a, b) => a + b, 0);
      let x = x0;
      d.counts.forEach((count, i) => {
        if (count === 0 || total === 0) return;
        const w = (barWidth * count) / total;
        const isDontKnow = i === d.counts!.length - 1;
        doc.save().rect(x, y, w, barHeight).fillColor(isDontKnow ? DONT_KNOW_COLOR : shades[i]!).fill();
        if (isDontKnow) {
          // Hatching keeps "ved ikke" apart from the lightest answer in greyscale.
          doc.rect(x, y, w, barHeight).clip();
          for (let hx = x - barHeight; hx < x + w; hx += 3) doc.moveTo(hx, y + barHeight).lineTo(hx + barHeight, y).lineWidth(0.4).strokeColor("#888888").stroke();
        }
        doc.restore();
        x += w;
      });
      doc.save().rect(x0, y, barWidth, barHeight).lineWidth(0.4).strokeColor(RULE).stroke().restore();
      doc.font("Sans").fontSize(7.5).fillColor(INK).text(`${L.mean} ${fmt(d.mean, report.lang)} · n ${d.n}`, x0 + barWidth + 5, y, { lineBreak: false });
    }
    doc.y = y + barHeight + 4;
  }
  doc.moveDown(0.5);
}
