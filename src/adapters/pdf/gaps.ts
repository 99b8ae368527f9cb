import type { GapRow } from "../../core/report/report-gaps.ts";
import type { MirrorPair } from "../../core/report/report-view.ts";
import type { ReportWords } from "../../core/report/report-words.ts";
import { legendList, marker } from "./charts.ts";
import { INK, MUTED, RULE, SERIES } from "./style.ts";
import { EN_DASH } from "../../core/report/report-format.ts";
import { table } from "./table.ts";
import { signed } from "../../core/report/report-format.ts";
import type { Writer } from "./writer.ts";

const FLAG = "#b2182b";

/** Beyond this many groups one marker per group would overlap: the chart marks the highest and the lowest, and names them. */
export const MANY_DOTS = 5;

/** The chart's type size (8 on A4, larger on slides) and what to draw after a page break (the slide's title again). */
export type GapChartOptions = { size?: number; continued?: () => void };

/** On A4 (8 pt) the axis and notes are a little smaller; on slides nothing is smaller than the chart's text. */
const minor = (size: number) => (size > 9 ? size : Math.max(7.5, size * 0.9));
const dims = (size: number) => ({ label: 150 * (size / 8), right: 70 * (size / 8), tick: minor(size) });

const rowHeight = (w: Writer, r: GapRow, size: number, many: boolean) =>
  Math.max(size * 2.5, w.height(r.label, { size, width: dims(size).label - 8, lineGap: 0.3 }) + size * 0.75) + (many ? size * 1.45 : 0);

const ends = (r: GapRow) => {
  const high = r.dots.reduce((a, b) => (b.score > a.score ? b : a));
  const low = r.dots.reduce((a, b) => (b.score < a.score ? b : a));
  return { high, low };
};

/** The chart's height when kept whole: what the heading above it keeps with it. */
export const gapChartHeight = (w: Writer, rows: GapRow[], groups = 0, size = 8): number => rows.reduce((sum, r) => sum + rowHeight(w, r, size, groups > MANY_DOTS), size * 2);

/**
 * One row per element on a 0-100 axis, largest gap first; a gap at or above the threshold is drawn as a
 * red bar and printed bold. With few groups each has its own marker (legend below); with more, each
 * group is a thin tick and the highest and lowest are marked and named under the bar, so ten groups
 * never pile up as ten overlapping markers.
 */
export function gapChart(w: Writer, title: string, rows: GapRow[], groups: string[], words: ReportWords, threshold: number, o: GapChartOptions = {}): void {
  const size = o.size ?? 8;
  const many = groups.length > MANY_DOTS;
  const d = dims(size);
  const X0 = w.left + d.label;
  const X1 = w.left + w.width - d.right;
  const at = (score: number) => X0 + ((X1 - X0) * score) / 100;
  const names = (r: GapRow) => {
    const { high, low } = ends(r);
    return `● ${high.label} ${Math.round(high.score)} · ■ ${low.label} ${Math.round(low.score)}`;
  };
  // With many groups the names under the line may wrap: the row keeps room for them.
  const rowH = (r: GapRow) => rowHeight(w, r, size, false) + (many ? w.height(names(r), { size: minor(size), width: X1 - X0 + d.right }) + size * 0.3 : 0);
  const alt = (chunk: GapRow[]) =>
    `${title}. ${chunk.map((r) => `${r.label}: ${r.dots.map((x) => `${x.label} ${Math.round(x.score)}`).join(", ")}${r.largest ? `; ${words.largestGap} ${Math.round(r.largest.diff)} ${words.points} (${r.largest.high} ${EN_DASH} ${r.largest.low})${r.flagged ? `, ${words.atOrAbove(threshold)}` : ""}` : ""}`).join(". ")}.`;
  const head = size * 2;
  const small = minor(size);
  // What follows the chart (its key and note), measured, so it is kept with the chart's last rows.
  const legendWidth = groups.reduce((sum, g) => sum + size * 3.15 + w.style({ size }).widthOfString(g), 0);
  const keyHeight = (many ? w.height(words.manyGroupsKey, { size: small }) + small * 0.5 : Math.ceil(legendWidth / w.width + 0.25) * size * 1.6 + 10)
    + w.height(words.gapsNote(threshold), { size: small }) + small * 0.5;
  // A chart that fits on one page is never split.
  const total = rows.reduce((sum, r) => sum + rowH(r), head);
  if (total + keyHeight > w.room && total + keyHeight <= w.bottom - w.top) {
    w.newPage();
    o.continued?.();
  }
  let start = 0;
  while (start < rows.length) {
    let end = start;
    let used = head;
    // The last piece keeps room for the key below it, so the key never stands alone on a page.
    const room = () => w.room - (end + 1 === rows.length ? keyHeight : 0);
    while (end < rows.length && used + rowH(rows[end]!) + 4 <= room()) used += rowH(rows[end++]!);
    if (end === start || (end < rows.length && rows.length - end === 1 && end - start > 1)) {
      // Nothing fits, or only one row would be left for the next page: break one row earlier.
      if (end > start + 1) end--;
      else {
        w.newPage();
        o.continued?.();
        continue;
      }
      used = rows.slice(start, end).reduce((s, r) => s + rowH(r), head);
    }
    const chunk = rows.slice(start, end);
    w.figure(alt(chunk), used + 4, (top) => {
      const doc = w.doc;
      for (const tick of [0, 20, 40, 60, 80, 100]) {
        w.style({ size: d.tick, color: MUTED }).text(String(tick), at(tick) - 15, top, { width: 30, align: "center", lineBreak: false });
        doc.save().moveTo(at(tick), top + head * 0.7).lineTo(at(tick), top + used).lineWidth(0.3).strokeColor(RULE).stroke().restore();
      }
      let y = top + head;
      for (const r of chunk) {
        const h = rowH(r);
        const mid = y + (many ? size * 1.1 : h / 2);
        w.style({ size, bold: r.flagged }).text(r.label, w.left, y + size * 0.3, { width: d.label - 8, lineGap: 0.3 });
        const { high, low } = ends(r);
        doc.save().moveTo(at(low.score), mid).lineTo(at(high.score), mid).lineWidth(r.flagged ? 3 : 1).strokeColor(r.flagged ? FLAG : MUTED).stroke().restore();
        if (many) {
          for (const dot of r.dots) doc.save().moveTo(at(dot.score), mid - size * 0.45).lineTo(at(dot.score), mid + size * 0.45).lineWidth(0.8).strokeColor(INK).stroke().restore();
          marker(doc, "circle", at(high.score), mid, SERIES[0]!.color);
          marker(doc, "square", at(low.score), mid, SERIES[1]!.color);
          w.box(names(r), X0, mid + size * 0.55, X1 - X0 + d.right, { size: small, color: MUTED });
        } else {
          r.dots.forEach((dot) => {
            const i = groups.indexOf(dot.label);
            const s = SERIES[(i < 0 ? 0 : i) % SERIES.length]!;
            marker(doc, s.marker, at(dot.score), mid, s.color);
          });
        }
        if (r.largest) {
          const text = `${Math.round(r.largest.diff)} ${words.points}`;
          w.style({ size, bold: r.flagged, color: r.flagged ? FLAG : MUTED }).text(text, X1 + 8, mid - size * 0.55, { width: d.right - 8, lineBreak: false });
        }
        y += h;
      }
    });
    start = end;
    if (start < rows.length) {
      w.newPage();
      o.continued?.();
    }
  }
  if (w.ensure(keyHeight)) o.continued?.();
  if (many) w.para(words.manyGroupsKey, { size: small, color: MUTED });
  else {
    let y = w.y;
    w.open("L");
    y = legendList(w, groups.map((label) => ({ label })), w.left, y + 4, w.width, true, size);
    w.close();
    w.y = y + 6;
  }
  w.para(words.gapsNote(threshold), { size: small, color: MUTED });
}

/**
 * "Sådan ser medarbejderne deres leder": a mirror level beside the level it rates, on each paired item —
 * the statement in the rated level's own words, and the employees' wording under it where it differs.
 */
export function mirrorTable(w: Writer, pairs: MirrorPair[], words: ReportWords, threshold: number, lang: "da" | "en" = "da", size = 8): void {
  if (pairs.length === 0) return;
  const self = pairs[0]!.self.label;
  const others = pairs[0]!.others.label;
  w.heading(3, words.mirrorSection, 110);
  w.para(words.mirrorTitle(self, others), { size: size + 0.5, color: MUTED });
  // Short headings (the sentence above names both sides), so the statements keep the width.
  const heads = [words.mirrorSelfHead, words.mirrorOthersHead, words.difference];
  // Each figure column as narrow as its own heading's longest word allows: with per-level wordings
  // every row carries two statements, and the width they get decides how many lines the table takes.
  const figure = heads.map((h) => Math.max(size * 5, ...h.split(/\s+/).map((x) => w.wordWidth(x, size, true) + 8)));
  table(w, [
    { header: words.item, width: w.width - figure.reduce((a, b) => a + b, 0) },
    ...heads.map((header, i) => ({ header, width: figure[i]!, align: "right" as const })),
  ], pairs.map((p) => [
    { text: p.othersText !== p.text ? `${p.text}\n${words.employeesWording}: ${p.othersText}` : p.text, bold: false, size: size - 0.5 },
    { text: String(Math.round(p.self.score)) },
    { text: String(Math.round(p.others.score)) },
    { text: signed(p.diff, lang), bold: p.flagged, color: p.flagged ? FLAG : INK },
  ]), { size, rowHeader: true, headerSize: size });
  w.para(words.mirrorNote(threshold), { size, color: MUTED });
}
