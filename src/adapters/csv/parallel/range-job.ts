/**
 * Scanning one byte range into packed rows: what a range worker does, and what the main thread
 * does itself when it would otherwise wait. The header is read once, by the same WideSink as the
 * one-thread reader; every row is packed, every other call the sink makes (problems, notices) is
 * recorded in order, for the main thread to replay.
 */
import { makeFold, type Fold, type FoldPartial } from "../../../core/report/folds.ts";
import { scoreValues } from "../../../core/scoring/scoring.ts";
import { CsvScanner, CsvSyntaxError } from "../csv-scan.ts";
import { FileProblem, type ReadOptions } from "../respondent-row.ts";
import { scanPieces } from "../scan-pieces.ts";
import { syntaxProblem } from "../scan-problem.ts";
import { WideSink } from "../wide-sink.ts";
import type { ForwardedCall, Init, Outcome } from "./protocol.ts";
import { RowPacker, type PackedRows, type RowShape } from "./row-pack.ts";

/** The sink, remembering where the current record lies in the text so a row's `raw` can be rebuilt. */
class SpanSink extends WideSink {
  spanStart = 0;
  spanEnd = 0;
  // `base` (WideSink's): where the piece being scanned starts in the range (scanPieces).
  override record(fields: number, line: number, buf: string, start: number, end: number): void {
    this.spanStart = this.base + start;
    this.spanEnd = this.base + end;
    super.record(fields, line, buf, start, end);
  }
}

/** The header's metadata and comment columns, in the order a WideSink gives its rows their values. */
export function sinkNames(sink: WideSink): { metaNames: string[]; commentNames: string[] } {
  // WideSink's private fields, read here rather than changing the sink (its per-row code is shared).
  const self = sink as unknown as { metaNames: unknown; commentNames: unknown };
  if (!Array.isArray(self.metaNames) || !Array.isArray(self.commentNames)) throw new Error("WideSink no longer keeps metaNames/commentNames");
  return { metaNames: self.metaNames as string[], commentNames: self.commentNames as string[] };
}


export const countNewlines = (bytes: Uint8Array): number => {
  let n = 0;
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) n++;
  return n;
};

export type RangeResult = { rows: PackedRows; calls: ForwardedCall[]; outcome: Outcome; partial?: FoldPartial };

export class RangeJob {
  readonly shape: RowShape;
  readonly columns: string[];
  private readonly sink: SpanSink;
  private packer: RowPacker;
  private calls: ForwardedCall[] = [];
  private readonly fold: Fold | undefined;
  private readonly scores: Float64Array;
  /** Rows not to fold, by their number in the range (the duplicates the main thread found), and the row count so far. */
  private excluded: ReadonlySet<number> = new Set();
  private ordinal = 0;

  /** Throws the header's FileProblem as the one-thread reader would. */
  constructor(private readonly init: Init) {
    const callbacks: Record<string, unknown> = {};
    // The header's own calls (a metadata column after the items is a notice) come before any packer: the
    // main thread has made them already, reading the header itself, and scan() starts the list afresh.
    for (const name of init.callbacks) callbacks[name] = (...args: unknown[]) => this.calls.push({ at: (this.packer as RowPacker | undefined)?.count ?? 0, name, args });
    const options = {
      ...callbacks,
      long: false,
      onRow: (row) => {
        this.packer.add(row, this.sink.spanStart, this.sink.spanEnd);
        if (this.fold && !this.excluded.has(this.ordinal++)) this.fold.add(row, scoreValues(init.model, init.model.plans.get(row.level)!, row.values, this.scores));
      },
      onProblem: callbacks.onProblem as ReadOptions["onProblem"],
    } satisfies ReadOptions;
    this.sink = new SpanSink(init.file, init.q, init.model, options);
    try {
      new CsvScanner(init.delimiter.charCodeAt(0), this.sink).scanText(`${init.header}\n`, true);
    } catch (err) {
      if (err instanceof CsvSyntaxError) throw syntaxProblem(init.file, err, (c) => this.sink.columnName(c));
      throw err;
    }
    this.sink.readBytes(init.encoding);
    this.shape = { items: init.model.itemIds.length, ...sinkNames(this.sink) };
    this.columns = this.sink.columns;
    this.scores = new Float64Array(init.model.dimensions.length);
    this.fold = init.fold ? makeFold(init.fold, init.q, init.model, this.shape.metaNames) : undefined;
    this.packer = new RowPacker(this.shape, init.model, 1024, this.fold !== undefined);
  }

  /** Scans the whole lines `bytes`, the first on `line`, with `newlines` line feeds; `last` when they end the file. */
  scan(bytes: Uint8Array, line: number, newlines: number, last: boolean, excluded: ReadonlySet<number> = new Set()): RangeResult {
    this.packer = new RowPacker(this.shape, this.init.model, Math.ceil(this.packer.count * 1.05) + 16, this.fold !== undefined);
    this.calls = [];
    this.excluded = excluded;
    this.ordinal = 0;
    const scanner = new CsvScanner(this.init.delimiter.charCodeAt(0), this.sink);
    scanner.line = line;
    let outcome: Outcome = { kind: "done" };
    try {
      // A character per byte, decoded by the sink where a cell needs it (BaseSink.readBytes).
      scanPieces(scanner, bytes, true, (offset) => (this.sink.base = offset));
      // Records end at line feeds only if the scanner counted as many lines as there are line
      // feeds (a lone CR ends a record too); a range must end with one unless it ends the file.
      const unterminated = bytes.length > 0 && bytes[bytes.length - 1] !== 10 ? 1 : 0;
      if (scanner.line - line !== newlines + unterminated || (unterminated && !last)) outcome = { kind: "unsafe" };
    } catch (err) {
      // An open quote at the end of a range: the split may lie inside a quoted line break.
      if (err instanceof CsvSyntaxError && err.code === "unclosed_quote" && !last) outcome = { kind: "unsafe" };
      else if (err instanceof CsvSyntaxError) outcome = { kind: "fatal", problem: syntaxProblem(this.init.file, err, (c) => this.sink.columnName(c)).problem };
      else if (err instanceof FileProblem) outcome = { kind: "fatal", problem: err.problem };
      else outcome = { kind: "bug", message: err instanceof Error ? (err.stack ?? err.message) : String(err) };
    }
    return { rows: this.packer.done(), calls: this.calls, outcome, ...(this.fold ? { partial: this.fold.take() } : {}) };
  }
}
