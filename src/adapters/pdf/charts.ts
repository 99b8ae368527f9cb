// Room adapters/pdf/ — render with pdfkit: the tagged-PDF document, the writer and its tables, charts, sections and slides of the report, and the workshop report.
import type PDFDocument from "pdfkit";
import { INK, MUTED, RULE, SERIES } from "./style.ts";
import type { Writer } from "./writer.ts";

type Doc = InstanceType<typeof PDFDocument>;
export type Series = { label: string; values: (number | null)[] };

export function marker(doc: Doc, kind: string, x: number, y: number, color: string): void {
  const r = 2.6;
  doc.save().lineWidth(1).strokeColor(color).fillColor(color).undash();
  switch (kind) {
    case "square": doc.rect(x - r, y - r, 2 * r, 2 * r).fill(); break;
    case "triangle": doc.polygon([x, y - r - 0.6], [x + r + 0.4, y + r], [x - r - 0.4, y + r]).fill(); break;
    case "diamond": doc.polygon([x, y - r - 0.8], [x + r + 0.8, y], [x, y + r + 0.8], [x - r - 0.8, y]).fill(); break;
    case "cross": doc.moveTo(x - r, y - r).lineTo(x + r, y + r).moveTo(x - r, y + r).lineTo(x + r, y - r).lineWidth(1.4).stroke(); break;
    case "ring": doc.circle(x, y, r).lineWidth(1.2).stroke(); break;
    case "square-open": doc.rect(x - r, y - r, 2 * r, 2 * r).lineWidth(1.1).stroke(); break;
    case "triangle-open": doc.polygon([x, y - r - 0.6], [x + r + 0.4, y + r], [x - r - 0.4, y + r]).lineWidth(1.1).stroke(); break;
    case "diamond-open": doc.polygon([x, y - r - 0.8], [x + r + 0.8, y], [x, y + r + 0.8], [x - r - 0.8, y]).lineWidth(1.1).stroke(); break;
    case "plus": doc.moveTo(x - r - 0.5, y).lineTo(x + r + 0.5, y).moveTo(x, y - r - 0.5).lineTo(x, y + r + 0.5).lineWidth(1.6).stroke(); break;
    default: doc.circle(x, y, r).fill();
  }
  doc.restore();
}

const styled = (doc: Doc, i: number) => {
  const s = SERIES[i % SERIES.length]!;
  doc.strokeColor(s.color).lineWidth(1.4);
  if (s.dash) doc.dash(s.dash[0]!, { space: s.dash[1]! });
  else doc.undash();
  return s;
};

/** A legend row: line sample with its dash and marker (or the marker alone), then the label. */
export function legend(doc: Doc, series: readonly { label: string }[], x: number, y: number, width: number, markersOnly = false): number {
  let cx = x;
  let cy = y;
  doc.font("Sans").fontSize(8).fillColor(INK);
  series.forEach((s, i) => {
    const w = 30 + doc.widthOfString(s.label) + 14;
    if (cx + w > x + width) {
      cx = x;
      cy += 13;
    }
    doc.save();
    const style = styled(doc, i);
    if (!markersOnly) doc.moveTo(cx, cy + 4).lineTo(cx + 22, cy + 4).stroke();
    doc.restore();
    marker(doc, style.marker, cx + 11, cy + 4, style.color);
    doc.fillColor(INK).text(s.label, cx + 27, cy, { lineBreak: false });
    cx += w;
  });
  return cy + 14;
}

/** A radar of 0-100 scores, one polygon per series; a missing value leaves a gap in its outline. */
export function radar(doc: Doc, axes: readonly string[], series: readonly Series[], cx: number, cy: number, radius: number): void {
  const n = axes.length;
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / n;
  const point = (i: number, value: number): [number, number] => [cx + Math.cos(angle(i)) * radius * (value / 100), cy + Math.sin(angle(i)) * radius * (value / 100)];
  doc.save().lineWidth(0.5).strokeColor(RULE).undash();
  for (const ring of [20, 40, 60, 80, 100]) {
    doc.polygon(...axes.map((_, i) => point(i, ring))).stroke();
  }
  axes.forEach((_, i) => doc.moveTo(cx, cy).lineTo(...point(i, 100)).stroke());
  doc.restore();
  // Ring values half-way between the first two axes, where no data point can sit.
  doc.font("Sans").fontSize(7.5).fillColor(MUTED);
  const between = -Math.PI / 2 + Math.PI / n;
  for (const ring of [20, 40, 60, 80, 100]) {
    const r = (radius * ring) / 100;
    doc.text(String(ring), cx + Math.cos(between) * r - 4, cy + Math.sin(between) * r - 3, { lineBreak: false });
  }
  // Axis labels outside the outer ring, aligned away from the centre.
  doc.font("Sans").fontSize(8).fillColor(INK);
  axes.forEach((label, i) => {
    const [x, y] = point(i, 112);
    const width = 96;
    const cos = Math.cos(angle(i));
    const align = Math.abs(cos) < 0.2 ? "center" : cos > 0 ? "left" : "right";
    const left = align === "center" ? x - width / 2 : align === "left" ? x : x - width;
    const height = doc.heightOfString(label, { width, align });
    const top = Math.sin(angle(i)) < -0.2 ? y - height : Math.sin(angle(i)) > 0.2 ? y : y - height / 2;
    doc.text(label, left, top, { width, align });
  });
  series.forEach((s, si) => {
    doc.save();
    const style = styled(doc, si);
    // Draw each run of consecutive present values (wrapping round) as one outline.
    for (let i = 0; i < n; i++) {
      const a = s.values[i];
      const b = s.values[(i + 1) % n];
      if (a === null || a === undefined || b === null || b === undefined) continue;
      doc.moveTo(...point(i, a)).lineTo(...point((i + 1) % n, b)).stroke();
    }
    doc.restore();
    s.values.forEach((v, i) => {
      if (v !== null && v !== undefined) marker(doc, style.marker, ...point(i, v), style.color);
    });
  });
}

/**
 * A legend as a tagged list (call inside an open "L"): each entry its own list item, so the labels are
 * read apart, wrapping onto as many rows as it needs at `size`; the markers are artifacts. Returns the y below it.
 */
export function legendList(w: Writer, series: readonly { label: string }[], x: number, y: number, width: number, markersOnly = false, size = 8): number {
  const doc = w.doc;
  let cx = x;
  let cy = y;
  const line = size * 1.6;
  const sample = markersOnly ? size * 1.4 : size * 3.4;
  series.forEach((s, i) => {
    const entry = sample + w.style({ size }).widthOfString(s.label) + size * 1.75;
    if (cx + entry > x + width && cx > x) {
      cx = x;
      cy += line;
    }
    const [ex, ey] = [cx, cy];
    w.artifact(() => {
      doc.save();
      const style = styled(doc, i);
      if (!markersOnly) doc.moveTo(ex, ey + size / 2).lineTo(ex + size * 2.75, ey + size / 2).stroke();
      doc.restore();
      marker(doc, style.marker, ex + (markersOnly ? size * 0.5 : size * 1.4), ey + size / 2, style.color);
    });
    w.open("LI");
    w.tagged("LBody", () => w.style({ size }).text(s.label, ex + sample, ey - size * 0.05, { lineBreak: false }));
    w.close();
    cx += entry;
  });
  return cy + line;
}
