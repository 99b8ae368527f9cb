import type { Figure, ReportElementSection, WorkshopReport } from "../../core/workshop/workshop-report.ts";
import { marker } from "./charts.ts";
import { inkOn, INK, MUTED, RULE, scaleShades, SERIES } from "./style.ts";
import type { Writer } from "./writer.ts";

/** The words every part of the workshop report shares: language, a Danish/English pick, a figure with its n. */
export type Words = { da: boolean; L: (da: string, en: string) => string; fig: (f: Figure | null) => string };

/** Tenths (41) as the report prints them (4,1 / 4.1), with a real minus sign and, for changes, a plus. */
export function decimal(t: number, da: boolean, signed = false): string {
  const text = `${Math.floor(Math.abs(t) / 10)}${da ? "," : "."}${Math.abs(t) % 10}`;
  return t < 0 ? `−${text}` : signed && t > 0 ? `+${text}` : text;
}

/** An agreed score as the room typed it (3, 3,5): not rounded, it is a decision, not a mean. */
export const agreedText = (score: number, da: boolean): string => String(score).replace(".", da ? "," : ".");

const LABEL_WIDTH = 150;
const VALUE_WIDTH = 110;
const ROW = 16;

type ChartRow = { label: string; figure: Figure; room: boolean; text: string; height: number };

/** The chart's rows, the levels then all leaders, each as tall as its label or its words (a hidden cell's reason) need. */
function chartRows(w: Writer, r: WorkshopReport, e: ReportElementSection): ChartRow[] {
  const da = r.lang === "da";
  const rows = [...e.levels.map((l) => ({ label: l.label, figure: l.figure, room: false })), { label: da ? "Alle ledere" : "All leaders", figure: e.room, room: true }];
  return rows.map((row) => {
    const text = row.figure.tenths === null ? `${row.figure.hidden ?? "–"} (n = ${row.figure.n})` : `${decimal(row.figure.tenths, da)} (n = ${row.figure.n})`;
    const height = Math.max(w.height(row.label, { size: 8, bold: row.room, width: LABEL_WIDTH - 8, lineGap: 0.5 }), w.height(text, { size: 7.5, width: VALUE_WIDTH - 8, lineGap: 0.5 })) + 5;
    return { ...row, text, height: Math.max(ROW, height) };
  });
}

/** The height `levelChart` takes for an element: its rows, the agreed score's label above, the axis below. */
export const levelChartHeight = (w: Writer, r: WorkshopReport, e: ReportElementSection): number => 16 + chartRows(w, r, e).reduce((a, x) => a + x.height, 0) + 22;

/**
 * The level means beside the agreed score on the questionnaire's scale: a marker per level (hidden levels
 * in words), the room's mean as a diamond, the agreed score as a dashed line through every row.
 */
export function levelChart(w: Writer, r: WorkshopReport, e: ReportElementSection): void {
  const da = r.lang === "da";
  const { min, max } = r.scale;
  const x0 = w.left + LABEL_WIDTH;
  const x1 = w.left + w.width - VALUE_WIDTH;
  const at = (v: number) => x0 + ((v - min) / (max - min)) * (x1 - x0);
  const rows = chartRows(w, r, e);
  const agreed = e.agreed ? `${da ? "aftalt score" : "agreed score"} ${agreedText(e.agreed.score, da)}` : da ? "ingen aftalt score" : "no agreed score";
  const alt = `${da ? "Gennemsnit pr. niveau på skalaen" : "Mean per level on the scale"} ${min}-${max}: ${rows.map((x) => `${x.label} ${x.text}`).join("; ")}; ${agreed}.`;
  w.figure(alt, levelChartHeight(w, r, e), (top) => {
    const doc = w.doc;
    const plotTop = top + 16;
    const plotBottom = plotTop + rows.reduce((a, x) => a + x.height, 0);
    // Grid: one line per scale step, numbered below the axis.
    doc.save().lineWidth(0.4).strokeColor(RULE).undash();
    for (let v = min; v <= max; v++) doc.moveTo(at(v), plotTop - 2).lineTo(at(v), plotBottom).stroke();
    doc.restore();
    for (let v = min; v <= max; v++) w.box(String(v), at(v) - 10, plotBottom + 3, 20, { size: 7.5, color: MUTED, align: "center" });
    // The agreed score first, so a marker on the same value stays visible on top of the line.
    if (e.agreed) {
      const x = at(Math.min(max, Math.max(min, e.agreed.score)));
      doc.save().lineWidth(1.6).strokeColor(INK).dash(4, { space: 2.5 }).moveTo(x, plotTop - 3).lineTo(x, plotBottom).stroke().undash().restore();
      w.box(agreed, x - 60, top + 2, 120, { size: 8, bold: true, align: "center" });
    }
    let rowTop = plotTop;
    for (const row of rows) {
      const y = rowTop + row.height / 2;
      const style = { size: 8, bold: row.room, lineGap: 0.5 };
      doc.font(row.room ? "Sans-Bold" : "Sans").fontSize(8).fillColor(INK).text(row.label, w.left, y - w.height(row.label, { ...style, width: LABEL_WIDTH - 8 }) / 2 + 1, { width: LABEL_WIDTH - 8, lineGap: 0.5 });
      // Hidden cells in words in the value column: nothing on the scale, so the agreed score's line crosses no text.
      const hidden = row.figure.tenths === null;
      const valueStyle = hidden ? { size: 7.5, color: MUTED, lineGap: 0.5 } : style;
      w.style(valueStyle).text(row.text, x1 + 8, y - w.height(row.text, { ...valueStyle, width: VALUE_WIDTH - 8 }) / 2 + 1, { width: VALUE_WIDTH - 8, lineGap: 0.5 });
      if (!hidden) {
        const s = row.room ? SERIES[1] : SERIES[0];
        marker(doc, row.room ? "diamond" : s.marker, at(row.figure.tenths! / 10), y, s.color);
      }
      rowTop += row.height;
    }
  });
}

const BAR = 11;
const ITEM_WIDTH = 190;

/** Legend of the answer shades: a swatch and the scale label each, wrapping as needed; returns its height. */
function legend(w: Writer, labels: string[], shades: string[], top: number, draw: boolean): number {
  let x = w.left;
  let y = top;
  labels.forEach((label, i) => {
    const width = 14 + w.wordWidth(label, 7.5, false) + 12;
    if (x + width > w.left + w.width) {
      x = w.left;
      y += 12;
    }
    if (draw) {
      w.doc.save().rect(x, y + 1, 9, 8).fillColor(shades[i]!).fill().lineWidth(0.4).strokeColor(MUTED).rect(x, y + 1, 9, 8).stroke().restore();
      w.box(label, x + 13, y, width - 13, { size: 7.5 });
    }
    x += width;
  });
  return y - top + 14;
}

/**
 * The spread of the individual answers: per statement a bar split by answer, the count in each part,
 * hidden statements in words. Drawn in pieces that fit a page each, so a long element never overflows.
 */
export type Piece = { items: ReportElementSection["items"]; height: number };

/** The statements split into figures of at most about a third of a page each (at least one statement each). */
export function distributionPieces(w: Writer, r: WorkshopReport, e: ReportElementSection): Piece[] {
  const legendHeight = legend(w, r.scale.labels, [], 0, false);
  const pieces: Piece[] = [];
  for (const item of e.items) {
    const h = distributionRow(w, item.text);
    const last = pieces.at(-1);
    if (last && last.height + h <= 280) {
      last.items.push(item);
      last.height += h;
    } else pieces.push({ items: [item], height: legendHeight + 4 + h });
  }
  return pieces;
}

const textHeight = (w: Writer, text: string) => w.height(text, { size: 7.5, width: ITEM_WIDTH, lineGap: 0.5 });
const distributionRow = (w: Writer, text: string) => Math.max(textHeight(w, text), BAR) + 6;

/**
 * The spread of the individual answers: per statement a bar split by answer, the count in each part,
 * hidden statements in words; one figure per piece, so a long element never runs off a page.
 */
export function distributionChart(w: Writer, r: WorkshopReport, pieces: Piece[]): void {
  const da = r.lang === "da";
  const steps = r.scale.max - r.scale.min + 1;
  const shades = [...scaleShades(steps), "#d9d9d9"].slice(0, r.scale.labels.length);
  const barX = w.left + ITEM_WIDTH + 6;
  const barWidth = w.width - ITEM_WIDTH - 6;
  for (const piece of pieces) {
    const alt = piece.items.map((it) => `${it.text}: ${it.counts ? r.scale.labels.map((l, i) => `${l} ${it.counts![i] ?? 0}`).join(", ") : it.hidden ?? "–"}`).join("; ");
    w.figure(`${da ? "Fordelingen af svarene pr. udsagn" : "Distribution of the answers per statement"}. ${alt}`, piece.height, (top) => {
      let y = top + legend(w, r.scale.labels, shades, top, true) + 4;
      for (const item of piece.items) {
        const h = distributionRow(w, item.text);
        w.doc.font("Sans").fontSize(7.5).fillColor(INK).text(item.text, w.left, y + (h - 6 - textHeight(w, item.text)) / 2, { width: ITEM_WIDTH, lineGap: 0.5 });
        const barY = y + (h - 6 - BAR) / 2;
        const total = item.counts?.slice(0, shades.length).reduce((a, b) => a + b, 0) ?? 0;
        if (!item.counts || total === 0) {
          w.box(item.hidden ?? "–", barX, barY + 1, barWidth, { size: 7.5, color: MUTED });
        } else {
          let x = barX;
          item.counts.slice(0, shades.length).forEach((count, i) => {
            if (count === 0) return;
            const width = (count / total) * barWidth;
            w.doc.save().rect(x, barY, width, BAR).fillColor(shades[i]!).fill().restore();
            if (width >= 10) w.box(String(count), x, barY + 1.5, width, { size: 7, color: inkOn(shades[i]!), align: "center" });
            x += width;
          });
          w.doc.save().lineWidth(0.4).strokeColor(MUTED).rect(barX, barY, barWidth, BAR).stroke().restore();
        }
        y += h;
      }
    });
  }
}
