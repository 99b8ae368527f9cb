import type { Hidden, Report } from "../../core/report/report.ts";
import { heatmap, itemExtremes } from "../../core/report/report-summary.ts";
import { int, range } from "../../core/report/report-format.ts";
import type { ReportView } from "../../core/report/report-view.ts";
import type { ReportWords } from "../../core/report/report-words.ts";
import { radar, legend, type Series } from "./charts.ts";
import { heatmapTable } from "./heatmap.ts";
import { bandShades, CONTENT_WIDTH, inkOn, MUTED, PAGE } from "./style.ts";
import { table } from "./table.ts";
import type { Writer } from "./writer.ts";

/** A radar stays readable with at most this many outlines; beyond it the heatmap alone is the overview. */
const RADAR_MAX_GROUPS = 3;

/** The words that stand in for a hidden figure. */
export const hiddenText = (report: Report, why: Hidden | string | undefined) =>
  why === "complement" ? report.labels.hiddenComplement : why === "not_applicable" ? report.labels.notApplicable : report.labels.fewerThan;

/** The band colours and their ranges ("Begyndende 0–39"), each its own list item so they are read apart. */
export function bandKey(w: Writer, view: ReportView, size = 8, lang: "da" | "en" = "da"): void {
  const shades = bandShades(view.bands.length);
  const parts = view.bands.map((b, i) => `${b.label} ${range(b.min, i + 1 < view.bands.length ? view.bands[i + 1]!.min - 1 : 100, lang)}`);
  const line = size * 2;
  w.ensure(line);
  let y = w.y;
  let x = w.left;
  w.open("L");
  parts.forEach((p, i) => {
    const width = w.style({ size }).widthOfString(p);
    if (x + size * 3 + width > w.left + w.width) {
      x = w.left;
      y += line;
    }
    const [px, py] = [x, y];
    w.artifact(() => w.doc.save().rect(px, py + 1, size * 1.75, size * 1.1).fillColor(shades[i]!).fill().restore());
    w.open("LI");
    w.tagged("LBody", () => w.style({ size }).text(p, px + size * 2.25, py + 1.5 * (size / 8), { lineBreak: false }));
    w.close();
    x += size * 3 + width + size * 1.25;
  });
  w.close();
  w.y = y + line;
}

export function summary(w: Writer, report: Report, view: ReportView, words: ReportWords): void {
  const L = report.labels;
  w.open("Sect");
  w.heading(2, L.summary, 120);
  const map = heatmap(report, view);
  // Kept with the band key, the rule and the table head with its first row.
  w.heading(3, words.heatmapTitle, 230);
  bandKey(w, view, 8, report.lang);
  const anyHidden = map.rows.some((r) => r.cells.some((c) => c.hidden));
  if (anyHidden) {
    w.para(words.anonymityRule(report.minGroupSize), { size: 8.5 });
    w.para(`${words.heatmapIntro} ${words.hiddenKey(report.minGroupSize)}`, { size: 8, color: MUTED });
  }
  heatmapTable(w, map, view.bands.length, words, report.minGroupSize, { group: words.group, n: "n" });
  // With many groups the table keeps the totals: every group's statements are in the appendix.
  const all = itemExtremes(report, view);
  const extremes = all.length > 6 ? all.filter((x) => x.label.startsWith(report.labels.all)) : all;
  if (extremes.length > 0) {
    w.heading(3, words.extremesTitle, 80);
    // Every figure with its n, so a "highest" resting on few answers is seen as such.
    const item = (x: { text: string; score: number; n: number }) => `${Math.round(x.score)} (n ${int(x.n, report.lang)})  ${x.text}`;
    table(w, [{ header: words.group, width: 120 }, { header: words.highest, width: (CONTENT_WIDTH - 120) / 2 }, { header: words.lowest, width: (CONTENT_WIDTH - 120) / 2 }],
      extremes.map((x) => [{ text: x.label, bold: false }, { text: item(x.top), size: 7.5 }, { text: x.hidden > 0 ? `${item(x.bottom)}\n(${words.hiddenItems(x.hidden)})` : item(x.bottom), size: 7.5 }]), { size: 8, rowHeader: true });
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
  w.para(words.reversedMethod);
  w.heading(3, words.calculation, 60);
  for (const paragraph of report.method) w.para(paragraph);
  w.close();
}

/** `--comments`: per element and group, each comment as a list item, never attributed. */
export function commentsSection(w: Writer, report: Report, view: ReportView, words: ReportWords): void {
  if (view.commentsWithheld && (!view.comments || view.comments.length === 0)) {
    w.open("Sect");
    w.heading(2, words.comments, 60);
    w.para(words.commentsWithheld(report.minGroupSize));
    w.close();
    return;
  }
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
        // Comments are written in Danish: in the English report they carry their own language.
        w.tagged("LBody", () => w.style({ size: 9 }).text(text, PAGE.margin + 16, y, { width: CONTENT_WIDTH - 16, lineGap: 1.5 }), report.lang === "en" ? { lang: "da-DK" } : {});
        w.close();
        w.y = y + h + 4;
      }
      w.close();
    }
  }
  w.close();
}
