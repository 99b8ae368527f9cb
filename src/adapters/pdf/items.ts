import type { Report, ReportItem } from "../../core/report/report.ts";
import { groupName, itemScore, shares, type ReportView } from "../../core/report/report-view.ts";
import { fitSize } from "./table.ts";
import { int } from "../../core/report/report-format.ts";
import { CONTENT_WIDTH, INK, inkOn, MUTED, PAGE, RULE, scaleShades } from "./style.ts";
import { BOTTOM, type Writer } from "./writer.ts";

const LABEL_W = 128;
const BAR_W = 215;
const RIGHT_X = PAGE.margin + LABEL_W + BAR_W + 8;
const RIGHT_W = PAGE.margin + CONTENT_WIDTH - RIGHT_X;
const BAR_H = 10;
const pct = (v: number) => `${Math.round(v)} %`;

export type ItemText = { groups: (n: number) => string; hidden: (why: string | undefined) => string; topTwo: (labels: string[]) => string; score: string; dontKnow: string; onlyDontKnow: string; reversed: string; continued: string; favourable: string };

/** The scale key above an element's items: the colours, and what the figures to the right mean. */
export function scaleKey(w: Writer, report: Report, text: ItemText): void {
  const shades = scaleShades(report.scale.labels.length);
  const entries = report.scale.labels.map((label, i) => ({ label, color: shades[i]! }));
  const explain = `${text.topTwo(report.scale.labels.slice(-2))} · ${text.score} · n${report.scale.dontKnow ? ` · ${text.dontKnow}` : ""}`;
  const top = w.y;
  let x = PAGE.margin;
  let y = top;
  // Each entry its own list item, so a reader (and text extraction) hears "Slet ikke", then "I mindre grad".
  w.open("L");
  w.style({ size: 7.5 });
  for (const e of entries) {
    const width = 14 + w.style({ size: 7.5 }).widthOfString(e.label) + 10;
    if (x + width > PAGE.margin + CONTENT_WIDTH) {
      x = PAGE.margin;
      y += 12;
    }
    const [ex, ey] = [x, y];
    w.artifact(() => {
      w.doc.save().rect(ex, ey + 1, 9, 7).fillColor(e.color).fill().rect(ex, ey + 1, 9, 7).lineWidth(0.3).strokeColor(MUTED).stroke().restore();
      if (e === entries[0]) hatch(w, ex, ey + 1, 9, 7);
    });
    w.open("LI");
    w.tagged("LBody", () => w.style({ size: 7.5 }).text(e.label, ex + 12, ey, { lineBreak: false }));
    w.close();
    x += width;
  }
  w.close();
  w.tagged("P", () => w.style({ size: 7.5, color: MUTED }).text(explain, PAGE.margin, y + 13, { width: CONTENT_WIDTH }));
  w.y = y + 13 + w.height(explain, { size: 7.5 }) + 6;
}

/** A population the item is not put to (the staff's mirror for a leaders' item) has nothing to show: its rows go. */
function askedRows(view: ReportView, item: ReportItem): ReportItem {
  const asked = view.askedBy[item.id];
  return asked ? { ...item, distributions: item.distributions.filter((d) => asked.includes(d.population)) } : item;
}

function layout(w: Writer, report: Report, view: ReportView, item: ReportItem, text: ItemText) {
  // A wording split out of a pooled breakdown carries its own levels; otherwise each level's wording, as asked.
  const wordings = item.levels.length > 0 ? [{ levels: item.levels, text: item.text }] : (view.wordings[item.id] ?? [{ levels: [], text: item.text }]);
  const head = [
    ...wordings.map((x) => (x.levels.length > 0 ? `${x.levels.join(", ")}: ${x.text}` : x.text)),
    ...(item.reverse ? [text.reversed] : []),
  ];
  const labelSize = fitSize(w, item.distributions.map((d) => groupName(report, view, d)), LABEL_W - 6, 7.5, 6);
  const rows = mergeHidden(report, view, item.distributions, text).map(({ d, label: merged, right: reason }) => {
    const right = reason ?? rightText(d, item.reverse, view, text, report.lang);
    const label = merged ?? groupName(report, view, d);
    // A hidden row's reason runs across the bar and the figures' column, as drawn below.
    const rightWidth = d.suppressed ? BAR_W + RIGHT_W : RIGHT_W;
    const h = Math.max(BAR_H + 4, w.height(label, { size: labelSize, width: LABEL_W - 6, lineGap: 0.3 }) + 3, w.height(right, { size: 7.5, width: rightWidth, lineGap: 0.3 }) + 3);
    return { d, right, h, label };
  });
  return { head, labelSize, rows };
}

/**
 * Three or more groups hidden for the same reason make one row ("10 grupper": the reason and their
 * names), so a statement put to a small level does not fill a page with "fewer than k".
 */
function mergeHidden(report: Report, view: ReportView, ds: ReportItem["distributions"], text: ItemText): { d: ReportItem["distributions"][number]; label?: string; right?: string }[] {
  const out: { d: ReportItem["distributions"][number]; label?: string; right?: string }[] = [];
  for (const why of new Set(ds.filter((d) => d.suppressed).map((d) => d.why))) {
    const same = ds.filter((d) => d.suppressed && d.why === why && !d.group.startsWith("\u0000total"));
    if (same.length < 3) continue;
    const names = same.map((d) => groupName(report, view, d)).join(", ");
    out.push({ d: same[0]!, label: text.groups(same.length), right: `${text.hidden(why)}: ${names}` });
  }
  const mergedAway = new Set(out.flatMap((m) => ds.filter((d) => d.suppressed && d.why === m.d.why && !d.group.startsWith("\u0000total"))));
  // Shown groups first, in their order; the merged hidden rows next, before the totals.
  const rows = ds.filter((d) => !mergedAway.has(d)).map((d) => ({ d }));
  const firstTotal = rows.findIndex((r) => r.d.group.startsWith("\u0000total"));
  rows.splice(firstTotal < 0 ? rows.length : firstTotal, 0, ...out);
  return rows;
}

/** The height of an item's first block (its text and up to two rows): what a heading above it must keep with it. */
export function itemLeadHeight(w: Writer, report: Report, view: ReportView, item: ReportItem, text: ItemText): number {
  const { head, rows } = layout(w, report, view, askedRows(view, item), text);
  const all = rows.reduce((s, r) => s + r.h, 0);
  const lead = all <= BOTTOM - PAGE.margin - 100 ? all : rows.slice(0, 2).reduce((s, r) => s + r.h, 0);
  return head.reduce((s, l, i) => s + w.height(l, { size: i === 0 ? 8.5 : 8, bold: i === 0, width: CONTENT_WIDTH - 40 }) + 2, 0) + lead + 22;
}

/**
 * One item: its wording(s) as real text (a paragraph a reader can find and search), then one 100 % bar
 * per group as a Figure, kept whole or split between pages with the item repeated. A reverse-keyed
 * item's answers are turned, so red is always the unfavourable end.
 */
export function itemBlock(w: Writer, report: Report, view: ReportView, whole: ReportItem, text: ItemText): void {
  const item = askedRows(view, whole);
  if (item.distributions.length === 0) return;
  const { head, labelSize, rows } = layout(w, report, view, item, text);
  const shades = scaleShades(report.scale.labels.length);
  const labels = item.reverse ? [...report.scale.labels].reverse() : report.scale.labels;
  const axis = 12;
  let start = 0;
  let first = true;
  while (start < rows.length) {
    const lines = first ? head : [`${item.id} ${text.continued}`];
    const lineStyle = (i: number) => ({ size: i === 0 ? 8.5 : 8, bold: i === 0 && first, color: i === 0 ? INK : MUTED, width: CONTENT_WIDTH - 40 });
    const hh = lines.reduce((s, l, i) => s + w.height(l, lineStyle(i)) + 2, 0);
    // As many rows as fit under the item's text on this page; at least two, or the item moves on.
    let end = start;
    let used = hh + axis + 6;
    while (end < rows.length && used + rows[end]!.h <= w.room) used += rows[end++]!.h;
    // An item that would fit whole on a fresh page is never split; a longer one keeps two rows together.
    const rest = rows.slice(start).reduce((sum, r) => sum + r.h, hh + axis + 6);
    const splitting = end < rows.length;
    if ((splitting && rest <= BOTTOM - PAGE.margin && w.y > PAGE.margin + 1) || end - start < Math.min(2, rows.length - start)) {
      w.newPage();
      continue;
    }
    const chunk = rows.slice(start, end);
    // The statement itself: paragraphs outside the figure, so it is navigable and searchable text.
    let y = w.y;
    lines.forEach((line, i) => {
      const s = lineStyle(i);
      const ly = y;
      w.tagged("P", () => w.style(s).text(line, PAGE.margin, ly, { width: CONTENT_WIDTH - 40, lineGap: 1.5 }));
      // The id ties the statement to the CSV's item_id column.
      if (i === 0 && first) w.tagged("P", () => w.box(item.id, PAGE.margin + CONTENT_WIDTH - 36, ly, 36, { size: 7.5, color: MUTED, align: "right" }));
      y += w.height(line, s) + 2;
    });
    w.y = y;
    const alt = `${lines[0]} ${chunk.map(({ d, label, right }) => `${label}: ${d.suppressed ? right : altFigures(d, item.reverse, labels, view, text)}`).join(". ")}.`;
    const height = chunk.reduce((s, r) => s + r.h, 0) + axis + 4;
    w.figure(alt, height, (top) => {
      let y = top;
      const x0 = PAGE.margin + LABEL_W;
      for (const { d, right, h, label } of chunk) {
        w.box(label, PAGE.margin, y + 1, LABEL_W - 6, { size: labelSize, lineGap: 0.3 });
        if (d.counts && !d.suppressed) {
          const sh = shares(d.counts, item.reverse);
          if (sh.n === 0) w.style({ size: 7.5, color: MUTED }).text(text.onlyDontKnow, x0 + 3, y + 1.5, { width: BAR_W - 6, lineBreak: false });
          let x = x0;
          sh.valid.forEach((share, i) => {
            const bw = (BAR_W * share) / 100;
            if (bw <= 0) return;
            w.doc.save().rect(x, y, bw, BAR_H).fillColor(shades[i]!).fill().restore();
            if (i === 0) hatch(w, x, y, bw, BAR_H);
            if (bw >= 19) w.box(String(Math.round(share)), x, y + 1.5, bw, { size: 7.5, color: inkOn(shades[i]!), align: "center" });
            x += bw;
          });
          w.doc.save().rect(x0, y, BAR_W, BAR_H).lineWidth(0.4).strokeColor(RULE).stroke().restore();
        }
        w.box(right, d.suppressed ? x0 + 3 : RIGHT_X, y + 1, d.suppressed ? BAR_W + RIGHT_W : RIGHT_W, { size: 7.5, color: d.suppressed ? MUTED : INK, lineGap: 0.3 });
        y += h;
      }
      // The percent axis under the bars.
      w.doc.save().moveTo(x0, y).lineTo(x0 + BAR_W, y).lineWidth(0.4).strokeColor(MUTED).stroke().restore();
      for (const tick of [0, 50, 100]) {
        const tx = x0 + (BAR_W * tick) / 100;
        w.doc.save().moveTo(tx, y).lineTo(tx, y + 2).lineWidth(0.4).strokeColor(MUTED).stroke().restore();
        const label = `${tick} %`;
        const lw = w.style({ size: 7.5, color: MUTED }).widthOfString(label);
        w.doc.text(label, Math.max(x0, Math.min(tx - lw / 2, x0 + BAR_W - lw)), y + 2.5, { lineBreak: false });
      }
    });
    w.y += 4;
    start = end;
    first = false;
  }
}

/** A row's figures for the alt text, each number with its name: "Slet ikke 10 %, …; gode svar 60 %, score 80, n 10". */
function altFigures(d: ReportItem["distributions"][number], reverse: boolean, labels: readonly string[], view: ReportView, text: ItemText): string {
  if (d.suppressed || !d.counts) return text.hidden(d.why);
  const sh = shares(d.counts, reverse);
  const score = itemScore(d.mean, reverse, view.scale);
  const dk = d.counts.at(-1)! > 0 ? `, ${text.dontKnow} ${pct(sh.dontKnow)}` : "";
  if (sh.n === 0) return `n ${d.n}${dk}`;
  return `${sh.valid.map((v, i) => `${labels[i]} ${pct(v)}`).join(", ")}; ${text.favourable} ${pct(sh.topTwo)}, ${text.score}: ${score === null ? "–" : Math.round(score)}, n ${sh.n}${dk}`;
}

/**
 * White diagonal lines over the most negative answer: both ends of a diverging scale are dark, and
 * the texture keeps "Slet ikke" apart from "I meget høj grad" in greyscale print.
 */
function hatch(w: Writer, x: number, y: number, width: number, height: number): void {
  w.doc.save().rect(x, y, width, height).clip();
  // One path of parallel lines, stroked once: they never overlap, so it looks the same as a stroke per
  // line, with a sixth of the drawing operators (report --by kommune draws some 10 000 bars).
  for (let hx = x - height; hx < x + width; hx += 2.5) w.doc.moveTo(hx, y + height).lineTo(hx + height, y);
  w.doc.lineWidth(0.45).strokeColor("#ffffff").strokeOpacity(0.55).stroke();
  w.doc.restore();
}

function rightText(d: ReportItem["distributions"][number], reverse: boolean, view: ReportView, text: ItemText, lang: "da" | "en"): string {
  if (d.suppressed || !d.counts) return text.hidden(d.why);
  const sh = shares(d.counts, reverse);
  const score = itemScore(d.mean, reverse, view.scale);
  const dk = d.counts.at(-1)! > 0 ? ` · ${text.dontKnow} ${pct(sh.dontKnow)}` : "";
  return sh.n === 0 ? `n ${int(d.n, lang)}${dk}` : `${pct(sh.topTwo)} · ${score === null ? "–" : Math.round(score)} · n ${int(sh.n, lang)}${dk}`;
}
