import type { Report } from "../../core/report/report.ts";
import { EN_DASH, signed } from "../../core/report/report-format.ts";
import { elementGapRows } from "../../core/report/report-gaps.ts";
import { heatmap, keyMessages, type Heatmap } from "../../core/report/report-summary.ts";
import type { ReportView } from "../../core/report/report-view.ts";
import { reportWords, type ReportWords } from "../../core/report/report-words.ts";
import { LEADERS } from "../../core/questionnaire/levels.ts";
import { everythingHidden } from "../../core/report/report-messages.ts";
import { factsLine } from "./front.ts";
import { gapChart } from "./gaps.ts";
import { bandKey } from "./sections.ts";
import { bandShades, inkOn, INK, MUTED } from "./style.ts";
import { table, type Cell, type Column } from "./table.ts";
import { Writer, type Doc, type Geometry } from "./writer.ts";

/** 16:9 slides (960 × 540 pt) drawn at 1.6× over a 600 × 337.5 layout, so every figure is projector-sized. */
export const SLIDE = { width: 960, height: 540, scale: 1.6 } as const;
const VIRTUAL = { width: SLIDE.width / SLIDE.scale, height: SLIDE.height / SLIDE.scale };
export const SLIDE_GEOMETRY: Geometry = { left: 28, top: 20, width: VIRTUAL.width - 56, bottom: VIRTUAL.height - 30, scale: SLIDE.scale };
/** The smallest text on a slide: 11.5 × 1.6 = 18.4 pt, readable from the back of a room. */
export const SLIDE_TEXT = 11.5;
const PAD = 3;

/** The slide deck: title, key messages, the heatmap, the level gaps and the mirror — every slide titled, split where it must be. */
export function slides(doc: Doc, report: Report, view: ReportView): Writer {
  // Every page is scaled, so the layout code works in the virtual units.
  doc.on("pageAdded", () => doc.scale(SLIDE.scale));
  doc.addPage();
  const w = new Writer(doc, SLIDE_GEOMETRY);
  const words = reportWords(report.lang);

  w.open("Sect");
  w.y = 80;
  w.heading(1, view.title, 60);
  if (view.subtitle) w.para(view.subtitle, { size: 14 });
  const facts = factsLine(report, view, words);
  if (facts) w.para(facts, { size: SLIDE_TEXT + 0.5, color: MUTED });
  w.close();

  if (everythingHidden(report)) {
    titledList(w, words.allHiddenTitle, [...words.allHidden(report.minGroupSize), ...(view.commentsWithheld ? [words.commentsWithheld(report.minGroupSize)] : [])], words);
    return w;
  }
  const messages = keyMessages(report, view).map((m) => m[report.lang]);
  if (messages.length > 0) titledList(w, words.keyMessages, messages, words);

  heatmapSlides(w, report, view, words, heatmap(report, view));

  const rows = elementGapRows(report, view);
  if (rows.length > 0) {
    const title = words.gapsTitle(report.byColumns[0] === "level");
    const groups = report.groups.filter((g) => g.population === LEADERS && rows.some((r) => r.dots.some((d) => d.label === g.label))).map((g) => g.label);
    w.newPage();
    w.open("Sect");
    w.heading(2, title, 120);
    gapChart(w, title, rows, groups, words, view.threshold, { size: SLIDE_TEXT, continued: () => w.heading(2, `${title} ${words.continued}`, 120) });
    w.close();
  }
  if (view.mirror.length > 0) mirrorSlides(w, report, view, words);
  return w;
}

/** Even pieces: `count` items in as few pieces of at most `most` as possible, as equal as possible (no slide with one row). */
export function pieces<T>(items: readonly T[], most: number): T[][] {
  const n = Math.max(1, Math.ceil(items.length / Math.max(1, most)));
  const size = Math.ceil(items.length / n);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Rows into slides: the first slide has `room[0]`, the middle ones `room[1]`, the last `room[2]`; the
 * last two are evened out so no slide holds a single row while the one before it is full.
 */
export function slicesOf(heights: readonly number[], room: readonly [number, number, number]): [number, number][] {
  const total = heights.reduce((a, b) => a + b, 0);
  if (total <= Math.min(room[0], room[2])) return [[0, heights.length]];
  const out: [number, number][] = [];
  let start = 0;
  while (start < heights.length) {
    const cap = out.length === 0 ? room[0] : room[1];
    let end = start;
    for (let used = 0; end < heights.length && used + heights[end]! <= cap; end++) used += heights[end]!;
    if (end === start) end++;
    // What is left must fit the last slide, with its key; otherwise this slide stops short.
    const rest = heights.slice(end).reduce((a, b) => a + b, 0);
    if (end === heights.length && heights.slice(start).reduce((a, b) => a + b, 0) > room[2] && end - start > 1) end--;
    else if (rest > 0 && rest <= room[2] && heights.length - end === 1 && end - start > 2) end--;
    out.push([start, end]);
    start = end;
  }
  return out;
}

const part = (title: string, i: number, n: number) => (n > 1 ? `${title} (${i + 1}/${n})` : title);

/** A titled list that goes on over as many slides as it needs, the title repeated. */
function titledList(w: Writer, title: string, texts: string[], words: ReportWords): void {
  w.newPage();
  w.open("Sect");
  w.heading(2, title, 60);
  w.open("L");
  for (const text of texts) {
    const h = w.height(text, { size: 12, width: w.width - 20 });
    if (w.y + h > w.bottom) {
      w.close();
      w.newPage();
      w.heading(2, `${title} ${words.continued}`, 60);
      w.open("L");
    }
    const y = w.y;
    w.open("LI");
    w.tagged("Lbl", () => w.style({ size: 12 }).text("•", w.left + 2, y, { lineBreak: false }));
    w.tagged("LBody", () => w.style({ size: 12 }).text(text, w.left + 20, y, { width: w.width - 20, lineGap: 1.5 }));
    w.close();
    w.y = y + h + 7;
  }
  w.close();
  w.close();
}

/**
 * The heatmap in projector type: groups down, dimensions across, in as many slides as it takes —
 * columns as wide as their longest word, rows in even pieces — each with the title and band key.
 */
function heatmapSlides(w: Writer, report: Report, view: ReportView, words: ReportWords, map: Heatmap): void {
  const S = SLIDE_TEXT;
  const shades = bandShades(view.bands.length);
  // Widths in bold, as the table measures its header and row-header cells, so no cell is set smaller than S.
  const longest = (text: string) => Math.max(...text.split(/\s+/).map((x) => w.wordWidth(x, S, true)));
  // The elements and the total; the areas stay in the report, where there is room.
  const columns = map.columns.map((c, i) => ({ c, i, width: Math.max(46, longest(c.label) + 2 * PAD + 2) })).filter((x) => x.c.kind !== "area");
  // Wide enough for most names on one line, never narrower than a name's longest word.
  const whole = (text: string) => w.style({ size: S, bold: true }).widthOfString(text) * 1.03;
  const labelW = Math.max(130, ...map.rows.map((r) => Math.max(longest(r.label), Math.min(whole(r.label), w.width * 0.4)) + 2 * PAD + 2));
  const nW = Math.max(34, w.wordWidth("9.999", S, true) + 2 * PAD + 2);
  const room = w.width - labelW - nW;
  const blocks: (typeof columns)[] = [];
  for (const c of columns) {
    const last = blocks.at(-1);
    if (last && last.reduce((s, x) => s + x.width, 0) + c.width <= room) last.push(c);
    else blocks.push([c]);
  }
  const key = words.hiddenKey(report.minGroupSize);
  const anyHidden = map.rows.some((r) => r.cells.some((c) => c.hidden));
  const keyH = anyHidden ? w.height(key, { size: S }) + S : 0;
  const rowH = (r: Heatmap["rows"][number]) => Math.max(w.height(r.label, { size: S, bold: true, width: labelW - 2 * PAD, lineGap: 0.5 }), S * 1.2) + 2 * PAD + 0.5;
  const title = words.heatmapTitle;
  const titleH = w.height(title, { size: 16, bold: true }) + 16 * 0.35 + 2;
  const bandH = S * 2 * Math.ceil(view.bands.reduce((s, b) => s + w.style({ size: S }).widthOfString(`${b.label} 00${EN_DASH}100`) + S * 4.25, 0) / w.width);
  const headerH = Math.max(...columns.map((x) => w.height(x.c.label, { size: S, bold: true, width: x.width - 2 * PAD, lineGap: 0.5 }))) + 2 * PAD;
  // The band key opens the first slide and the key to hidden cells closes the last; the slides between hold more rows.
  const avail = w.bottom - w.top - titleH - headerH - 12;
  const chunks = slicesOf(map.rows.map(rowH), [avail - bandH, avail, avail - keyH]).map(([from, to]) => map.rows.slice(from, to));
  const total = blocks.length * chunks.length;
  let n = 0;
  blocks.forEach((block) => {
    chunks.forEach((rows) => {
      w.newPage();
      w.open("Sect");
      w.heading(2, part(title, n, total), 100);
      if (n === 0) bandKey(w, view, S, report.lang);
      const cols: Column[] = [{ header: words.group, width: labelW }, { header: "n", width: nW, align: "right" }, ...block.map((x) => ({ header: x.c.label, width: x.width, align: "center" as const }))];
      const cells: Cell[][] = rows.map((row) => [
        { text: row.label, bold: true, size: S },
        { text: row.respondents, color: MUTED, size: S },
        ...block.map(({ i }): Cell => {
          const cell = row.cells[i]!;
          if (cell.hidden) return { text: cell.hidden === "complement" ? words.cellComplement : cell.hidden === "not_applicable" ? words.cellNotApplicable : words.cellSmall(report.minGroupSize), size: S, color: INK, fill: "#ffffff", hatch: cell.hidden !== "not_applicable" };
          const fill = cell.band >= 0 ? shades[cell.band]! : "#ffffff";
          return { text: cell.text, bold: true, size: S, fill, color: inkOn(fill) };
        }),
      ]);
      table(w, cols, cells, { size: S, headerSize: S, rowHeader: true, pad: PAD });
      if (anyHidden && n === total - 1) w.para(key, { size: S, color: MUTED });
      w.close();
      n++;
    });
  });
}

/** "Sådan ser medarbejderne deres leder" in projector type: the largest differences, each statement with its figures under it. */
function mirrorSlides(w: Writer, report: Report, view: ReportView, words: ReportWords): void {
  const S = SLIDE_TEXT;
  const pairs = view.mirror.slice(0, 8);
  const self = pairs[0]!.self.label;
  const others = pairs[0]!.others.label;
  const lines = (p: (typeof pairs)[number]) => [
    p.text,
    ...(p.othersText !== p.text ? [`${words.employeesWording}: ${p.othersText}`] : []),
    `${self} ${Math.round(p.self.score)} · ${others} ${Math.round(p.others.score)} · ${words.difference.toLowerCase()} ${signed(p.diff, report.lang)}`,
  ];
  // The figures' line is bold where the difference reaches the threshold, as the note says.
  const style = (i: number, n: number, flagged = false) => ({ size: S, bold: i === n - 1 && flagged, color: i === 0 || i === n - 1 ? INK : MUTED, width: w.width - 20 });
  const height = (p: (typeof pairs)[number]) => lines(p).reduce((s, l, i, all) => s + w.height(l, style(i, all.length, p.flagged)), 0) + 8;
  const title = words.mirrorSection;
  const note = `${words.mirrorTitle(self, others)}. ${words.mirrorNote(view.threshold)}`;
  const avail = w.bottom - w.top - 40 - w.height(note, { size: S }) - S;
  let fit = 0;
  for (let used = 0; fit < pairs.length && used + height(pairs[fit]!) <= avail; fit++) used += height(pairs[fit]!);
  const chunks = pieces(pairs, Math.max(1, fit));
  chunks.forEach((chunk, c) => {
    w.newPage();
    w.open("Sect");
    w.heading(2, part(title, c, chunks.length), 100);
    w.open("L");
    for (const p of chunk) {
      const y0 = w.y;
      w.open("LI");
      w.tagged("Lbl", () => w.style({ size: S }).text("•", w.left + 2, y0, { lineBreak: false }));
      w.open("LBody");
      lines(p).forEach((line, i, all) => {
        const y = w.y;
        const st = style(i, all.length, p.flagged);
        w.tagged("P", () => w.style(st).text(line, w.left + 20, y, { width: st.width, lineGap: 1.5 }));
        w.y = y + w.height(line, st);
      });
      w.close();
      w.close();
      w.y += 8;
    }
    w.close();
    w.para(note, { size: S, color: MUTED });
    w.close();
  });
}
