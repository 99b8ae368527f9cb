import type { GapRow } from "../../core/report/report-gaps.ts";
import type { MirrorPair } from "../../core/report/report-view.ts";
import type { ReportWords } from "../../core/report/report-words.ts";
import { legend, marker } from "./charts.ts";
import { INK, MUTED, RULE, SERIES } from "./style.ts";
import { table } from "./table.ts";
import { signed } from "../../core/report/report-format.ts";
import type { Writer } from "./writer.ts";

const LABEL_W = 150;
const RIGHT_W = 70;
const FLAG = "#b2182b";

const rowHeight = (w: Writer, r: GapRow) => Math.max(20, w.height(r.label, { size: 8, width: LABEL_W - 8, lineGap: 0.3 }) + 6);

/** The chart's height when kept whole: what the heading above it keeps with it. */
export const gapChartHeight = (w: Writer, rows: GapRow[]): number => rows.reduce((sum, r) => sum + rowHeight(w, r), 16);

/** One dot per group on a 0-100 axis per element, largest gap first; a gap at or above the threshold drawn as a red bar and printed bold. */
export function gapChart(w: Writer, title: string, rows: GapRow[], groups: string[], words: ReportWords, threshold: number): void {
  const X0 = w.left + LABEL_W;
  const X1 = w.left + w.width - RIGHT_W;
  const at = (score: number) => X0 + ((X1 - X0) * score) / 100;
  const rowH = (r: GapRow) => rowHeight(w, r);
  const alt = (chunk: GapRow[]) =>
    `${title}. ${chunk.map((r) => `${r.label}: ${r.dots.map((d) => `${d.label} ${Math.round(d.score)}`).join(", ")}${r.largest ? `; ${words.largestGap} ${Math.round(r.largest.diff)} ${words.points} (${r.largest.high} – ${r.largest.low})${r.flagged ? `, ${words.atOrAbove(threshold)}` : ""}` : ""}`).join(". ")}.`;
  // A chart that fits on one page is never split.
  const total = gapChartHeight(w, rows);
  if (total + 8 > w.room && total + 8 <= w.bottom - w.top) w.newPage();
  let start = 0;
  while (start < rows.length) {
    let end = start;
    let used = 16;
    while (end < rows.length && used + rowH(rows[end]!) + 8 <= w.room) used += rowH(rows[end++]!);
    if (end === start) {
      w.newPage();
      continue;
    }
    const chunk = rows.slice(start, end);
    w.figure(alt(chunk), used + 8, (top) => {
      const doc = w.doc;
      for (const tick of [0, 20, 40, 60, 80, 100]) {
        w.style({ size: 6.5, color: MUTED }).text(String(tick), at(tick) - 10, top, { width: 20, align: "center", lineBreak: false });
        doc.save().moveTo(at(tick), top + 10).lineTo(at(tick), top + used).lineWidth(0.3).strokeColor(RULE).stroke().restore();
      }
      let y = top + 14;
      for (const r of chunk) {
        const h = rowH(r);
        const mid = y + h / 2;
        w.style({ size: 8, bold: r.flagged }).text(r.label, w.left, y + 3, { width: LABEL_W - 8, lineGap: 0.3 });
        const scores = r.dots.map((d) => d.score);
        const lo = Math.min(...scores);
        const hi = Math.max(...scores);
        doc.save().moveTo(at(lo), mid).lineTo(at(hi), mid).lineWidth(r.flagged ? 3 : 1).strokeColor(r.flagged ? FLAG : MUTED).stroke().restore();
        r.dots.forEach((d) => {
          const i = groups.indexOf(d.label);
          const s = SERIES[(i < 0 ? 0 : i) % SERIES.length]!;
          marker(doc, s.marker, at(d.score), mid, s.color);
        });
        if (r.largest) {
          const text = `${Math.round(r.largest.diff)} ${words.points}`;
          w.style({ size: 8, bold: r.flagged, color: r.flagged ? FLAG : MUTED }).text(text, X1 + 8, mid - 4.5, { width: RIGHT_W - 8, lineBreak: false });
        }
        y += h;
      }
    });
    start = end;
  }
  w.ensure(30);
  let y = w.y;
  w.tagged("P", () => {
    y = legend(w.doc, groups.map((label) => ({ label })), w.left, y + 4, w.width, true);
  });
  w.y = y + 6;
  w.para(words.gapsNote(threshold), { size: 8, color: MUTED });
}

/**
 * "Sådan ser medarbejderne deres leder": a mirror level beside the level it rates, on each paired item —
 * the statement in the rated level's own words, and the employees' wording under it where it differs.
 */
export function mirrorTable(w: Writer, pairs: MirrorPair[], words: ReportWords, threshold: number, lang: "da" | "en" = "da", size = 8): void {
  if (pairs.length === 0) return;
  const self = pairs[0]!.self.label;
  const others = pairs[0]!.others.label;
  w.heading(3, words.mirrorSection, 60);
  w.para(words.mirrorTitle(self, others), { size: size + 0.5, color: MUTED });
  const figure = size * 7.5;
  table(w, [
    { header: words.item, width: w.width - 3 * figure },
    { header: `${self}`, width: figure, align: "right" },
    { header: `${others}`, width: figure, align: "right" },
    { header: words.difference, width: figure, align: "right" },
  ], pairs.map((p) => [
    { text: p.othersText !== p.text ? `${p.text}\n${words.employeesWording}: ${p.othersText}` : p.text, bold: false },
    { text: String(Math.round(p.self.score)) },
    { text: String(Math.round(p.others.score)) },
    { text: signed(p.diff, lang), bold: p.flagged, color: p.flagged ? FLAG : INK },
  ]), { size, rowHeader: true, headerSize: size });
  w.para(words.mirrorNote(threshold), { size, color: MUTED });
}
