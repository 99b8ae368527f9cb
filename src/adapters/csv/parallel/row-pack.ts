/**
 * A range's respondent rows in a few flat arrays, so that a worker hands thousands of rows to the
 * main thread in one message (typed arrays are moved, not copied) and the main thread rebuilds
 * each RespondentRow exactly: the same strings, the same values and kinds. Measured with
 * --cpu-prof: copying values and kinds whole (memcpy) beat encoding each answer in 16 bits, and
 * numbering the strings that repeat (level, group, metadata, empty comments) beat sending each.
 */
import { OneRowPerRespondent } from "../../../core/responses/duplicates.ts";
import { scoreValues, type ScoringModel } from "../../../core/scoring/scoring.ts";
import type { RespondentRow } from "../respondent-row.ts";

/** The header's names, the same for every row of a file. */
export type RowShape = { items: number; metaNames: string[]; commentNames: string[] };

export type PackedRows = {
  count: number;
  lines: Int32Array;
  /** Per row, OneRowPerRespondent's fingerprint: computed here, off the main thread (not for light rows: see OneRowPerRespondent.check). */
  fingerprints: Float64Array;
  /** Per row, where its record starts and ends in the range's text (for `raw`). */
  spans: Int32Array;
  values: Float64Array;
  kinds: Uint8Array;
  /** Per row, scoreValues' dimension scores: computed here, off the main thread. */
  scores: Float64Array;
  /** The respondent ids end to end, and their lengths. */
  ids: string;
  idLengths: Int32Array;
  /** Per row, the other text fields as numbers into `strings`. */
  fields: Int32Array;
  strings: string[];
};

const growTo = <T extends Int32Array | Float64Array | Uint8Array>(a: T, length: number): T => {
  const b = new (a.constructor as new (n: number) => T)(length);
  b.set(a);
  return b;
};

export class RowPacker {
  /** Rows packed so far. */
  count = 0;
  private capacity: number;
  private lines: Int32Array;
  private fingerprints: Float64Array;
  private spans: Int32Array;
  private values: Float64Array;
  private kinds: Uint8Array;
  private scores: Float64Array;
  private readonly scored: Float64Array;
  private idLengths: Int32Array;
  private fields: Int32Array;
  private ids = "";
  private readonly strings: string[] = [""];
  private readonly numbers = new Map<string, number>([["", 0]]);
  private readonly perRow: number;
  private readonly once = new OneRowPerRespondent();

  /**
   * `capacity`: the rows expected (the previous range's count), so the arrays rarely grow.
   * `light`: only what the duplicate check needs (lines, places, ids), for rows that are folded.
   */
  constructor(
    private readonly shape: RowShape,
    private readonly model: ScoringModel,
    capacity = 1024,
    private readonly light = false,
  ) {
    const whole = light ? 0 : capacity;
    this.scored = new Float64Array(model.dimensions.length);
    this.scores = new Float64Array(whole * model.dimensions.length);
    this.perRow = 5 + shape.metaNames.length + shape.commentNames.length;
    this.capacity = capacity;
    this.lines = new Int32Array(capacity);
    this.fingerprints = new Float64Array(whole);
    this.spans = new Int32Array(2 * capacity);
    this.values = new Float64Array(whole * shape.items);
    this.kinds = new Uint8Array(whole * shape.items);
    this.idLengths = new Int32Array(capacity);
    this.fields = new Int32Array(whole * this.perRow);
  }

  add(row: RespondentRow, start: number, end: number): void {
    const n = this.count++;
    if (n === this.capacity) this.grow();
    this.lines[n] = row.line;
    this.spans[2 * n] = start;
    this.spans[2 * n + 1] = end;
    this.ids += row.respondentId;
    this.idLengths[n] = row.respondentId.length;
    if (this.light) return;
    this.fingerprints[n] = this.once.fingerprint(row, this.model.plans.get(row.level)!.items);
    this.values.set(row.values, n * this.shape.items);
    this.kinds.set(row.kinds, n * this.shape.items);
    // The sink has checked the level; the scores are the same function of the same values as on the main thread.
    this.scores.set(scoreValues(this.model, this.model.plans.get(row.level)!, row.values, this.scored), n * this.scored.length);
    let at = n * this.perRow;
    const fields = this.fields;
    fields[at++] = this.number(row.questionnaireId);
    fields[at++] = this.number(row.version);
    fields[at++] = this.number(row.level);
    fields[at++] = this.number(row.group);
    fields[at++] = this.number(row.submittedAt);
    const { metaValues, commentValues } = row;
    for (let i = 0; i < metaValues.length; i++) fields[at++] = this.number(metaValues[i]!);
    for (let i = 0; i < commentValues.length; i++) fields[at++] = this.number(commentValues[i]!);
  }

  private number(s: string): number {
    if (s === "") return 0;
    let n = this.numbers.get(s);
    if (n === undefined) {
      n = this.strings.length;
      this.strings.push(s);
      this.numbers.set(s, n);
    }
    return n;
  }

  private grow(): void {
    const c = (this.capacity *= 2);
    const items = this.shape.items;
    this.lines = growTo(this.lines, c);
    this.spans = growTo(this.spans, 2 * c);
    this.idLengths = growTo(this.idLengths, c);
    if (this.light) return;
    this.fingerprints = growTo(this.fingerprints, c);
    this.values = growTo(this.values, c * items);
    this.kinds = growTo(this.kinds, c * items);
    this.scores = growTo(this.scores, c * this.scored.length);
    this.fields = growTo(this.fields, c * this.perRow);
  }

  /** The rows so far (the arrays as they are, moved rather than trimmed); the packer is spent afterwards. */
  done(): PackedRows {
    const { count, lines, fingerprints, spans, values, kinds, scores, ids, idLengths, fields, strings } = this;
    return { count, lines, fingerprints, spans, values, kinds, scores, ids, idLengths, fields, strings };
  }
}

export const transferables = (p: PackedRows): ArrayBuffer[] =>
  [p.lines, p.fingerprints, p.spans, p.values, p.kinds, p.scores, p.idLengths, p.fields].map((a) => a.buffer as ArrayBuffer);

/** A replayed row: its `raw` is a method, not a closure per row. */
class ReplayedRow {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly fingerprint: number,
    readonly respondentId: string,
    readonly questionnaireId: string,
    readonly version: string,
    readonly level: string,
    readonly group: string,
    readonly submittedAt: string,
    readonly metaNames: readonly string[],
    readonly metaValues: readonly string[],
    readonly commentNames: readonly string[],
    readonly commentValues: readonly string[],
    readonly values: Float64Array,
    readonly kinds: Uint8Array,
    readonly scores: Float64Array,
    private readonly text: (start: number, end: number) => string,
    private readonly start: number,
    private readonly end: number,
  ) {}

  raw(): string {
    return this.text(this.start, this.end);
  }
}

/** Rebuilds the rows of one range in order; like the sinks, it reuses `values`, `kinds` and the value arrays. */
export class RowUnpacker {
  private readonly values: Float64Array;
  private readonly kinds: Uint8Array;
  private readonly scores: Float64Array;
  private readonly meta: string[];
  private readonly comments: string[];

  constructor(
    private readonly file: string,
    private readonly shape: RowShape,
    dimensions: number,
  ) {
    this.scores = new Float64Array(dimensions);
    this.values = new Float64Array(shape.items);
    this.kinds = new Uint8Array(shape.items);
    this.meta = shape.metaNames.map(() => "");
    this.comments = shape.commentNames.map(() => "");
  }

  /** Calls `each` with every row of `p`; `before(i)` runs ahead of row i (and with i = count at the end). */
  replay(p: PackedRows, raw: (start: number, end: number) => string, before: (i: number) => void, each: (row: RespondentRow) => void): void {
    const { items, metaNames, commentNames } = this.shape;
    const { values, kinds, scores, meta, comments, file } = this;
    const dims = scores.length;
    const perRow = 5 + meta.length + comments.length;
    const { fields, strings, ids, idLengths, spans, lines, fingerprints, count } = p;
    const pv = p.values;
    const pk = p.kinds;
    const ps = p.scores;
    let pos = 0;
    for (let r = 0; r < count; r++) {
      before(r);
      // Plain loops: a subarray per row (to hand to set) cost more than the copying (--cpu-prof).
      for (let i = 0, o = r * items; i < items; i++, o++) {
        values[i] = pv[o]!;
        kinds[i] = pk[o]!;
      }
      for (let d = 0, o = r * dims; d < dims; d++, o++) scores[d] = ps[o]!;
      const respondentId = ids.slice(pos, (pos += idLengths[r]!));
      let at = r * perRow;
      const questionnaireId = strings[fields[at++]!]!;
      const version = strings[fields[at++]!]!;
      const level = strings[fields[at++]!]!;
      const group = strings[fields[at++]!]!;
      const submittedAt = strings[fields[at++]!]!;
      for (let i = 0; i < meta.length; i++) meta[i] = strings[fields[at++]!]!;
      for (let i = 0; i < comments.length; i++) comments[i] = strings[fields[at++]!]!;
      each(new ReplayedRow(file, lines[r]!, fingerprints[r]!, respondentId, questionnaireId, version, level, group, submittedAt, metaNames, meta, commentNames, comments, values, kinds, scores, raw, spans[2 * r]!, spans[2 * r + 1]!));
    }
    before(count);
  }
}
