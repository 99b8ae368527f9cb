import type { Hidden, Report } from "../../core/report/report.ts";
import { heatmap, itemExtremes, keyMessages, orderedGroups } from "../../core/report/report-summary.ts";
import { groupName, type ReportView } from "../../core/report/report-view.ts";
import { reportWords, type ReportWords } from "../../core/report/report-words.ts";
import { radar, legend, type Series } from "./charts.ts";
import { heatmapTable } from "./heatmap.ts";
import { bandShades, CONTENT_WIDTH, inkOn, MUTED, PAGE } from "./style.ts";
import { table, type Cell } from "./table.ts";
import type { Writer } from "./writer.ts";

/** A radar stays readable with at most this many outlines; beyond it the heatmap alone is the overview. */
const RADAR_MAX_GROUPS = 3;

/** The words that stand in for a hidden figure. */
export const hiddenText = (report: Report, why: Hidden | string | undefined) =>
  why === "complement" ? report.labels.hiddenComplement : why === "not_applicable" ? report.labels.notApplicable : report.labels.fewerThan(report.minGroupSize);

export function cover(w: Writer, report: Report, view: ReportView): void {
  const L = report.labels;
  w.open("Sect");
  w.y = 110;
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
    ...(report.mergedLevels.length > 0 ? [[L.mergedLevels, report.mergedLevels.join("\n")] as [string, string]] : []),
  ];
  table(w, [{ header: "", width: 150 }, { header: "", width: CONTENT_WIDTH - 150 }], facts.map(([k, v]) => [{ text: k, bold: true, color: MUTED }, { text: v }]), { size: 9.5, rowHeader: true, noHeader: true });
  if (report.byColumns.length > 0) {
    w.heading(2, L.respondents, 60);
    const rows: Cell[][] = orderedGroups(report, view).map((g) => [{ text: groupName(report, view, g), bold: g === report.total }, { text: g.suppressed ? hiddenText(report, g.why) : String(g.respondents), bold: g === report.total }]);
    table(w, [{ header: words.group, width: 330 }, { header: L.respondents, width: CONTENT_WIDTH - 330 }], rows, { size: 9, rowHeader: true });
    // The rule in plain words beside the first table that hides a figure.
    if (orderedGroups(report, view).some((g) => g.suppressed)) w.para(words.anonymityRule(report.minGroupSize), { size: 8.5, color: MUTED });
  }
  w.close();
}

export function bandKey(w: Writer, view: ReportView): void {
  const shades = bandShades(view.bands.length);
  const parts = view.bands.map((b, i) => `${b.label} ${b.min}-${i + 1 < view.bands.length ? view.bands[i + 1]!.min - 1 : 100}`);
  w.ensure(16);
  const y = w.y;
  w.tagged("P", () => {
    let x = w.left;
    parts.forEach((p, i) => {
      w.doc.save().rect(x, y + 1, 14, 9).fillColor(shades[i]!).fill().restore();
      w.style({ size: 8 }).text(p, x + 18, y + 1.5, { lineBreak: false });
      x += 24 + w.doc.widthOfString(p) + 10;
    });
  });
  w.y = y + 16;
}

export function summary(w: Writer, report: Report, view: ReportView, words: ReportWords): void {
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
  // Kept with the band key, the rule and the table head with its first row.
  w.heading(3, words.heatmapTitle, 230);
  bandKey(w, view);
  const anyHidden = map.rows.some((r) => r.cells.some((c) => c.hidden));
  if (anyHidden) {
    w.para(words.anonymityRule(report.minGroupSize), { size: 8.5 });
    w.para(`${words.heatmapIntro} ${words.hiddenKey(report.minGroupSize)}`, { size: 8, color: MUTED });
  }
  heatmapTable(w, map, view.bands.length, words, report.minGroupSize, { group: words.group, n: "n" });
  const extremes = itemExtremes(report, view);
  if (extremes.length > 0) {
    w.heading(3, words.extremesTitle, 80);
    const item = (x: { id: string; text: string; score: number }) => `${Math.round(x.score)}  ${x.id} ${x.text}`;
    table(w, [{ header: words.group, width: 120 }, { header: words.highest, width: (CONTENT_WIDTH - 120) / 2 }, { header: words.lowest, width: (CONTENT_WIDTH - 120) / 2 }],
      extremes.map((x) => [{ text: x.label, bold: false }, { text: item(x.top), size: 7.5 }, { text: item(x.bottom), size: 7.5 }]), { size: 8, rowHeader: true });
  }
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

export function method(w: Writer, report: Report, view: ReportView, words: ReportWords): void {
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

/** `--comments`: per element and group, each comment as a list item, never attributed. */
export function commentsSection(w: Writer, report: Report, view: ReportView, words: ReportWords): void {
  if (!view.comments || view.comments.length === 0) return;
  w.open("Sect");
  w.heading(2, words.comments, 100);
  w.para(words.commentsNote(report.minGroupSize), { size: 8.5, color: MUTED });
  for (const element of view.comments) {
    w.heading(3, element.label, 60);
    for (const group of element.groups) {
      w.para(group.label, { size: 9, bold: true });
      w.open("L");
      for (const text of group.texts) {
        const h = w.height(text, { size: 9, width: CONTENT_WIDTH - 16 });
        w.ensure(h);
        const y = w.y;
        w.open("LI");
        w.tagged("Lbl", () => w.style({ size: 9, color: MUTED }).text("–", PAGE.margin + 4, y, { lineBreak: false }));
        w.tagged("LBody", () => w.style({ size: 9 }).text(text, PAGE.margin + 16, y, { width: CONTENT_WIDTH - 16, lineGap: 1.5 }));
        w.close();
        w.y = y + h + 4;
      }
      w.close();
    }
  }
  w.close();
}
