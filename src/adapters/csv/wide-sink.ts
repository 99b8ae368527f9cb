import type { Questionnaire } from "../../core/questionnaire/questionnaire.ts";
import { AnswerKind } from "../../core/scoring/item-stats.ts";
import { COMMENT_PREFIX } from "../../core/responses/responses.ts";
import { FIXED_COLUMNS } from "../../core/questionnaire/rules.ts";
import { looksLikeItem, nearest, Quirk } from "../../core/responses/excel-cells.ts";
import type { ScoringModel } from "../../core/scoring/scoring.ts";
import { t, type Text } from "../../core/text.ts";
import { BaseSink } from "./base-sink.ts";
import type { ReadOptions, RespondentRow, RowPlace } from "./respondent-row.ts";

const FIXED_INDEX = new Map<string, number>(FIXED_COLUMNS.map((name, i) => [name, i]));

const DIGIT_0 = 48;

/** The wide format of SPEC §3: fixed columns, metadata, items, comments. */
export class WideSink extends BaseSink {
  private itemOf = new Int32Array(0);
  private fixedOf = new Int8Array(0);
  private metaOf = new Int32Array(0);
  private metaNames: string[] = [];
  private commentOf = new Int32Array(0);
  private commentNames: string[] = [];
  private readonly fixed: string[] = ["", "", "", "", "", ""];
  private meta: string[] = [];
  private comments: string[] = [];
  private readonly values: Float64Array;
  private readonly kinds: Uint8Array;
  private rowProblem: { column: string; message: Text } | undefined;
  /** With `placeRows`, the file offset of the bytes being scanned: rows carry their place in the file. */
  base = 0;
  private placer: ((header: string) => RowPlace["again"]) | undefined;
  private again: RowPlace["again"] | undefined;

  /** The scale's answers a single digit can be (min..max within 0..9), read once rather than per cell. */
  private readonly lowest: number;
  private readonly highest: number;

  constructor(file: string, q: Questionnaire, model: ScoringModel, options: ReadOptions) {
    super(file, q, model, options);
    this.values = new Float64Array(model.itemIds.length);
    this.kinds = new Uint8Array(model.itemIds.length);
    this.lowest = Math.max(q.scale.min, 0);
    this.highest = Math.min(q.scale.max, 9);
  }

  /** The bytes being scanned (CsvSink.begin): a one-digit answer is read from them rather than from the string (measured 0.93–0.95 of a range's time). */
  private bytes: Uint8Array = new Uint8Array(0);
  begin(bytes: Uint8Array): void {
    this.bytes = bytes;
  }

  field(col: number, buf: string, start: number, end: number, wide: boolean): void {
    if (this.header) {
      this.headerCells[col] = wide ? this.decoded(buf.slice(start, end)) : buf.slice(start, end);
      return;
    }
    const item = this.itemOf[col];
    if (item !== undefined && item >= 0) {
      // Fast path: a single digit, the common case in Likert data, needs no string.
      if (end - start === 1) {
        const v = this.bytes[start]! - DIGIT_0;
        if (v >= this.lowest && v <= this.highest) {
          this.values[item] = v;
          this.kinds[item] = AnswerKind.Value;
          this.answered++;
          return;
        }
      }
      this.itemCell(col, item, wide ? this.decoded(buf.slice(start, end)) : buf.slice(start, end));
      return;
    }
    this.text(col, start === end ? "" : wide ? this.decoded(buf.slice(start, end)) : buf.slice(start, end));
  }

  quoted(col: number, value: string): void {
    const cell = this.decoded(value);
    if (this.header) {
      this.headerCells[col] = cell;
      return;
    }
    const item = this.itemOf[col];
    if (item !== undefined && item >= 0) this.itemCell(col, item, cell);
    else this.text(col, cell, true);
  }

  private itemCell(col: number, item: number, cell: string): void {
    const problem = this.parseAnswer(item, cell, this.values, this.kinds);
    if (this.kinds[item] !== AnswerKind.Empty) this.answered++;
    if (problem && !this.rowProblem) this.rowProblem = { column: this.columns[col]!, message: problem };
  }

  private text(col: number, value: string, quoted = false): void {
    // R's write.csv writes a missing value as NA, unquoted (a text "NA" comes quoted): an empty cell, so a
    // missing respondent_id or level is named as missing and a missing group is no group called "NA".
    if (value === "NA" && !quoted) {
      value = "";
      this.quirks |= Quirk.RMissing;
    }
    const f = this.fixedOf[col];
    if (f !== undefined && f >= 0) this.fixed[f] = value;
    else {
      const m = this.metaOf[col];
      if (m !== undefined && m >= 0) this.meta[m] = value;
      else {
        const c = this.commentOf[col];
        if (c !== undefined && c >= 0) this.comments[c] = value;
      }
    }
  }

  record(fields: number, line: number, buf: string, start: number, end: number): void {
    if (this.header) {
      if (fields === 0) return;
      // The header as read, a line break in a quoted name and all: what a row read again is read under.
      if (this.placer) this.again = this.placer(this.decoded(buf.slice(start, end)).replace(/\r?\n$/, ""));
      this.readHeader(line);
      return;
    }
    const raw = () => this.decoded(buf.slice(start, end)).replace(/\r?\n$/, "");
    const problem = this.rowProblem;
    this.rowProblem = undefined;
    if (fields === 0) return this.reset();
    // Excel saves rows of only ";;;;" below the data; an empty respondent_id is the cheap first test.
    if ((fields !== this.columns.length || this.fixed[0] === "") && BaseSink.onlySeparators(raw())) {
      this.notice(line, Quirk.Separators);
      return this.reset();
    }
    if (fields !== this.columns.length) {
      this.problem(line, undefined, t(`rækken har ${fields} felter, men overskriften har ${this.columns.length}`, `the row has ${fields} fields, but the header has ${this.columns.length}`), raw());
      return this.reset();
    }
    if (problem) {
      this.problem(line, problem.column, problem.message, raw());
      return this.reset();
    }
    const row: RespondentRow = {
      file: this.file,
      line,
      respondentId: this.fixed[0]!,
      questionnaireId: this.fixed[1]!,
      version: this.fixed[2]!,
      level: this.fixed[3]!,
      group: this.fixed[4]!,
      submittedAt: this.fixed[5]!,
      metaNames: this.metaNames,
      metaValues: this.meta,
      commentNames: this.commentNames,
      commentValues: this.comments,
      values: this.values,
      kinds: this.kinds,
      raw,
      place: this.again && { start: this.base + start, end: this.base + end, again: this.again },
    };
    if (this.checkRespondent(row)) {
      this.rows++;
      this.options.onRow(row);
    }
    this.reset();
  }

  /** Rows carry their place in the file (see `base`), read again, when needed, under the header by `placer`'s function: their fingerprints wait until then. */
  placeRows(placer: (header: string) => RowPlace["again"]): void {
    this.placer = placer;
  }

  /** After the header, an empty cell is what reset() leaves: the scanner need not hand it on. */
  get reportsEmpty(): boolean {
    return this.header;
  }

  private reset(): void {
    this.quirks = 0;
    this.answered = 0;
    this.fixed.fill("");
    this.meta.fill("");
    this.comments.fill("");
    this.values.fill(NaN);
    this.kinds.fill(AnswerKind.Empty);
  }

  private readHeader(line: number): void {
    this.header = false;
    this.columns = this.headerCells.map((c) => c.trim());
    const n = this.columns.length;
    this.itemOf = new Int32Array(n).fill(-1);
    this.fixedOf = new Int8Array(n).fill(-1);
    this.metaOf = new Int32Array(n).fill(-1);
    this.commentOf = new Int32Array(n).fill(-1);
    const itemIndex = new Map(this.model.itemIds.map((id, i) => [id, i]));
    const elements = new Set(this.q.areas.flatMap((a) => a.elements.map((e) => e.id)));
    const seen = new Set<string>();
    let firstItem = -1;
    this.columns.forEach((name, col) => {
      // An unnamed column (R's row names, a stray separator) holds nothing a result can name: skipped, with a notice.
      if (name === "") return this.notice(line, Quirk.Unnamed, String(col + 1));
      if (seen.has(name)) this.fatal(line, name, t(`kolonnen "${name}" står to gange i overskriften`, `column "${name}" appears twice in the header`));
      seen.add(name);
      const item = itemIndex.get(name);
      if (item !== undefined) {
        this.itemOf[col] = item;
        if (firstItem < 0) firstItem = col;
      } else if (FIXED_INDEX.has(name)) this.fixedOf[col] = FIXED_INDEX.get(name)!;
      else if (name.startsWith(COMMENT_PREFIX)) {
        if (!elements.has(name.slice(COMMENT_PREFIX.length))) this.fatal(line, name, t(`"${name}" er en kommentar til et element, som ${this.q.id} ikke har`, `"${name}" is a comment on an element ${this.q.id} does not have`));
        this.commentOf[col] = this.commentNames.length;
        this.commentNames.push(name);
      } else {
        if (firstItem >= 0) {
          // After the items a column is metadata (Excel users add them there), unless it is a mistyped item id.
          const meant = nearest(name, this.model.itemIds);
          if (meant !== undefined || looksLikeItem(name, this.model.itemIds)) {
            const hint = meant !== undefined ? [` — mente du ${meant}?`, ` — did you mean ${meant}?`] : ["", ""];
            this.fatal(line, name, t(`"${name}" er ikke et spørgsmål i ${this.q.id} ${this.q.version}${hint[0]}`, `"${name}" is not an item of ${this.q.id} ${this.q.version}${hint[1]}`));
          }
          this.notice(line, Quirk.MetaAfterItems, name);
        }
        this.metaOf[col] = this.metaNames.length;
        this.metaNames.push(name);
      }
    });
    // formatOfHeader has already seen the six fixed columns; this guards a header only the scanner splits differently.
    const missing = FIXED_COLUMNS.filter((name) => !seen.has(name));
    if (missing.length > 0) this.fatal(line, undefined, t(`overskriften mangler ${missing.join(", ")}`, `the header lacks ${missing.join(", ")}`));
    this.meta = this.metaNames.map(() => "");
    this.comments = this.commentNames.map(() => "");
    this.reset();
  }
}
