import { INK, RULE } from "./style.ts";
import type { TextStyle, Writer } from "./writer.ts";

export type Column = { header: string; width: number; align?: "left" | "center" | "right" };
export type Cell = {
  text: string;
  bold?: boolean;
  color?: string;
  size?: number;
  /** Background fill; `hatch` adds diagonal lines (hidden cells), readable without colour. */
  fill?: string;
  hatch?: boolean;
};
export type TableOptions = { size?: number; headerSize?: number; rowHeader?: boolean; rotateHeaders?: number; pad?: number; strongRows?: Set<number>; noHeader?: boolean };

/**
 * The largest size, from `size` down to `min` in half points, at which every word of `texts` fits
 * `width` — so text breaks only between words. A word's width grows in proportion to the size, so one
 * measurement at 10 pt gives the answer.
 */
export function fitSize(w: Writer, texts: readonly string[], width: number, size: number, min: number, bold = false): number {
  const words = new Set(texts.flatMap((t) => t.split(/\s+/)));
  let widest = 0;
  for (const word of words) widest = Math.max(widest, w.wordWidth(word, 10, bold));
  if (widest === 0) return size;
  const fit = Math.floor(((width * 10) / widest) * 2) / 2;
  return Math.max(min, Math.min(size, fit));
}

/**
 * A real table (Table › TR › TH/TD, header cells scoped): rows never split, and when a row does
 * not fit the page the table goes on on the next page with its header repeated (as an artifact,
 * so a screen reader hears it once).
 */
export function table(w: Writer, columns: Column[], rows: Cell[][], o: TableOptions = {}): void {
  const doc = w.doc;
  const pad = o.pad ?? 3;
  const size = o.size ?? 8.5;
  const headerSize = o.headerSize ?? 8;
  const xs = columns.reduce<number[]>((acc, c, i) => [...acc, acc[i]! + c.width], [w.left]);
  const width = xs.at(-1)! - w.left;
  const headerStyle = (): TextStyle => ({ size: headerSize, bold: true });
  const headerHeight = o.rotateHeaders
    ? o.rotateHeaders
    : Math.max(...columns.map((c) => w.height(c.header, { ...headerStyle(), width: c.width - 2 * pad, lineGap: 0.5 }))) + 2 * pad;
  // Per column, the largest size at which its longest word fits, so a cell breaks only between words.
  const fits = columns.map((c, i) => fitSize(w, rows.map((r) => r[i]?.text ?? ""), c.width - 2 * pad, 12, 5.5, true));
  const cellStyle = (cell: Cell, i: number): TextStyle => ({ size: Math.min(cell.size ?? size, fits[i]!), bold: cell.bold ?? (o.rowHeader && i === 0), color: cell.color ?? INK, width: columns[i]!.width - 2 * pad, lineGap: 0.5 });
  const rowHeight = (row: Cell[]) => Math.max(...row.map((cell, i) => w.height(cell.text, cellStyle(cell, i)))) + 2 * pad;

  const headerCells = (top: number) =>
    columns.map((c, i) => () => {
      w.style(headerStyle());
      if (o.rotateHeaders && i > 0) {
        const lines = w.height(c.header, { ...headerStyle(), width: headerHeight - 2 * pad, lineGap: 0.5 });
        const x = xs[i]! + Math.max(0, (c.width - lines) / 2);
        doc.save().rotate(-90, { origin: [x, top + headerHeight - pad] });
        doc.text(c.header, x, top + headerHeight - pad, { width: headerHeight - 2 * pad, lineGap: 0.5 });
        doc.restore();
      } else {
        const y = o.rotateHeaders ? top + headerHeight - pad - headerSize * 1.3 : top + pad;
        doc.text(c.header, xs[i]! + pad, y, { width: c.width - 2 * pad, lineGap: 0.5, align: o.rotateHeaders ? "left" : (c.align ?? "left") });
      }
    });
  const rule = (y: number, weight: number, color: string) =>
    w.artifact(() => doc.save().moveTo(w.left, y).lineTo(w.left + Math.min(width, w.width), y).lineWidth(weight).strokeColor(color).stroke().restore());

  const header = (asArtifact: boolean) => {
    const top = w.y;
    const cells = headerCells(top);
    if (asArtifact) w.artifact(() => cells.forEach((draw) => draw()), "Pagination");
    else {
      w.open("TR");
      cells.forEach((draw) => w.tagged("TH", draw, { scope: "Column" }));
      w.close();
    }
    w.y = top + headerHeight;
    rule(w.y, 0.8, INK);
  };

  w.open("Table");
  w.ensure((o.noHeader ? 0 : headerHeight) + (rows[0] ? rowHeight(rows[0]) : 0) + 4);
  if (!o.noHeader) header(false);
  rows.forEach((row, r) => {
    const h = rowHeight(row);
    if (w.ensure(h) && !o.noHeader) header(true);
    const top = w.y;
    w.open("TR");
    row.forEach((cell, i) => {
      const type = o.rowHeader && i === 0 ? "TH" : "TD";
      w.tagged(type, () => {
        if (cell.fill) doc.save().rect(xs[i]! + 0.5, top + 0.5, columns[i]!.width - 1, h - 1).fillColor(cell.fill).fill().restore();
        if (cell.hatch) {
          doc.save().rect(xs[i]! + 0.5, top + 0.5, columns[i]!.width - 1, h - 1).clip();
          for (let hx = xs[i]! - h; hx < xs[i]! + columns[i]!.width; hx += 4) doc.moveTo(hx, top + h).lineTo(hx + h, top).lineWidth(0.5).strokeColor("#9a9a9a").stroke();
          doc.restore();
        }
        const s = cellStyle(cell, i);
        const textH = w.height(cell.text, s);
        w.box(cell.text, xs[i]! + pad, top + (h - textH) / 2, columns[i]!.width - 2 * pad, { ...s, align: columns[i]!.align ?? "left" });
      }, type === "TH" ? { scope: "Row" } : {});
    });
    w.close();
    w.y = top + h;
    rule(w.y, o.strongRows?.has(r) ? 0.8 : 0.3, o.strongRows?.has(r) ? INK : RULE);
  });
  w.close();
  w.y += 6;
}
