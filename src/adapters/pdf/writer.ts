import type PDFDocument from "pdfkit";
import { CONTENT_WIDTH, INK, PAGE } from "./style.ts";

export type Doc = InstanceType<typeof PDFDocument>;
type Struct = ReturnType<Doc["struct"]>;
type Outline = Doc["outline"];

export const BOTTOM = PAGE.height - PAGE.margin - 10;

/** Where content may go on a page, in the units the writer draws in. */
/** `scale`: how much larger the page draws than these units (slides draw at 1.6×); 1 when absent. */
export type Geometry = { left: number; top: number; width: number; bottom: number; scale?: number };
export const A4: Geometry = { left: PAGE.margin, top: PAGE.margin, width: CONTENT_WIDTH, bottom: BOTTOM };
export type TextStyle = { size?: number; bold?: boolean; color?: string; width?: number; x?: number; lineGap?: number; align?: "left" | "center" | "right" };

/** Room a heading keeps for what follows it, so it never ends a page. */
const KEEP_WITH_NEXT = 70;

/**
 * A tagged-PDF writer over pdfkit: every mark on a page is either inside a structure element
 * (Document › Sect › H1-H4, P, Table, Figure …) or an artifact, and content flows down the page,
 * moving to a new page only when the next block would not fit whole.
 */
export class Writer {
  readonly doc: Doc;
  private readonly stack: Struct[];
  private readonly outlines: Outline[];

  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly bottom: number;
  readonly scale: number;

  constructor(doc: Doc, geometry: Geometry = A4) {
    this.doc = doc;
    ({ left: this.left, top: this.top, width: this.width, bottom: this.bottom } = geometry);
    this.scale = geometry.scale ?? 1;
    const root = doc.struct("Document");
    doc.addStructure(root);
    this.stack = [root];
    this.outlines = [doc.outline];
  }

  get y(): number {
    return this.doc.y;
  }

  set y(value: number) {
    this.doc.y = value;
  }

  get room(): number {
    return this.bottom - this.doc.y;
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.y = this.top;
  }

  /** Starts a new page unless `height` more points fit on this one; true when it did. */
  ensure(height: number): boolean {
    if (this.doc.y + height <= this.bottom) return false;
    this.newPage();
    return true;
  }

  /** Opens a grouping element (Sect, Table, TR, L …) that the next elements go into. */
  open(type: string, options: Record<string, unknown> = {}): Struct {
    const s = this.doc.struct(type, options);
    this.stack.at(-1)!.add(s);
    this.stack.push(s);
    return s;
  }

  close(): void {
    const s = this.stack.pop()!;
    s.end();
  }

  /** Draws inside a leaf structure element of `type`; pdfkit marks the content with its MCID. */
  tagged(type: string, draw: () => void, options: Record<string, unknown> = {}): void {
    this.stack.at(-1)!.add(this.doc.struct(type, options, draw));
  }

  /** Marks decoration (rules, page numbers, repeated table headers) as an artifact: not read aloud. */
  artifact(draw: () => void, type: "Layout" | "Pagination" = "Layout"): void {
    this.doc.markContent("Artifact", { type });
    draw();
    this.doc.endMarkedContent();
  }

  style(s: TextStyle): Doc {
    return this.doc.font(s.bold ? "Sans-Bold" : "Sans").fontSize(s.size ?? 9.5).fillColor(s.color ?? INK);
  }

  private readonly heights = new Map<string, number>();
  private readonly advances = new Map<string, number>();

  /**
   * An upper bound of `word`'s width at `size`: the sum of its letters' advances (kerning only narrows
   * DejaVu's pairs) plus 3 %. Shaping every word of every table just to choose a type size costs more
   * than the whole rest of the report; this needs one measurement per letter.
   */
  wordWidth(word: string, size: number, bold: boolean): number {
    let units = 0;
    for (const ch of word) {
      const key = `${bold ? "B" : "R"}${ch}`;
      let a = this.advances.get(key);
      if (a === undefined) {
        this.style({ size: 1000, bold });
        a = this.doc.widthOfString(ch);
        this.advances.set(key, a);
      }
      units += a;
    }
    return (units / 1000) * size * 1.03;
  }

  /** The height `text` takes in style `s`; remembered, as the same labels are measured for every item. */
  height(text: string, s: TextStyle): number {
    const key = `${s.size ?? 9.5}|${s.bold ? 1 : 0}|${s.width ?? this.width}|${s.lineGap ?? 1.5}|${text}`;
    let h = this.heights.get(key);
    if (h === undefined) {
      const doc = this.style(s);
      const lineGap = s.lineGap ?? 1.5;
      // One line needs no wrapping: pdfkit's height of a line, without running its line wrapper.
      h = !text.includes("\n") && text !== "" && doc.widthOfString(text) <= (s.width ?? this.width)
        ? doc.currentLineHeight(true) + lineGap
        : doc.heightOfString(text, { width: s.width ?? this.width, lineGap });
      this.heights.set(key, h);
    }
    return h;
  }

  /**
   * Draws `text` in a box of `width`: on one line without pdfkit's line wrapper when it fits (the
   * wrapper measures every word again, which dominates the time of a report with many bars), wrapped
   * at word boundaries otherwise. Use inside a tagged element or an artifact.
   */
  box(text: string, x: number, y: number, width: number, s: TextStyle & { align?: "left" | "center" | "right" }): void {
    const doc = this.style(s);
    const lineGap = s.lineGap ?? 1.5;
    if (!text.includes("\n")) {
      const textWidth = doc.widthOfString(text);
      if (textWidth <= width) {
        const dx = s.align === "center" ? (width - textWidth) / 2 : s.align === "right" ? width - textWidth : 0;
        doc.text(text, x + dx, y, { lineBreak: false, lineGap });
        return;
      }
    }
    doc.text(text, x, y, { width, lineGap, align: s.align ?? "left" });
  }

  /** A heading H1-H4 with a bookmark for H1-H3, kept together with `keep` points of what follows. */
  heading(level: 1 | 2 | 3 | 4, text: string, keep = KEEP_WITH_NEXT): void {
    const size = [0, 22, 16, 13, 10.5][level]!;
    const s: TextStyle = { size, bold: true };
    const h = this.height(text, s);
    if (this.doc.y > this.top + 1) this.doc.y += size * 0.6;
    this.ensure(h + keep);
    if (level <= 3) {
      // The title (H1) and the sections (H2) are top-level bookmarks; elements (H3) sit under their section.
      const parent = level <= 2 ? this.outlines[0]! : (this.outlines[level - 1] ?? this.outlines.at(-1)!);
      this.outlines[level] = parent.addItem(text);
      this.outlines.length = level + 1;
    }
    const y = this.doc.y;
    this.tagged(`H${level}`, () => {
      this.style(s).text(text, this.left, y, { width: this.width, lineGap: 1.5 });
    });
    this.doc.y = y + h + size * 0.35;
  }

  /** A paragraph, moved whole to the next page when it does not fit. */
  para(text: string, s: TextStyle = {}): void {
    const h = this.height(text, s);
    this.ensure(h);
    const y = this.doc.y;
    const x = s.x ?? this.left;
    this.tagged("P", () => {
      this.style(s).text(text, x, y, { width: s.width ?? this.width, lineGap: s.lineGap ?? 1.5, align: s.align ?? "left" });
    });
    this.doc.y = y + h + (s.size ?? 9.5) * 0.5;
  }

  /** A chart: kept whole on one page, tagged Figure with `alt` carrying its numbers, and a layout box. */
  figure(alt: string, height: number, draw: (top: number) => void): void {
    this.ensure(height);
    const top = this.doc.y;
    // The bounding box is in the page's own units: on a scaled page (slides) the layout units are scaled back.
    const k = this.scale;
    this.tagged("Figure", () => draw(top), { alt, bbox: [this.left * k, top * k, (this.left + this.width) * k, (top + height) * k], placement: "Block" });
    this.doc.y = top + height;
  }

  /** Ends every open element; call once before `doc.end()`. */
  finish(): void {
    while (this.stack.length > 0) this.close();
  }
}
