/** The messages between the main thread and a range worker (see parallel-reader.ts for the whole story). */
import type { Questionnaire } from "../../../core/questionnaire/questionnaire.ts";
import type { FoldPartial, FoldSpec } from "../../../core/report/folds.ts";
import type { ScoringModel } from "../../../core/scoring/scoring.ts";
import type { Encoding } from "../../files/text-source.ts";
import type { DataProblem } from "../respondent-row.ts";
import type { PackedRows } from "./row-pack.ts";

export type Init = {
  file: string;
  encoding: Encoding;
  delimiter: string;
  /** The first line, decoded, without its line break: every range's sink reads it as the header. */
  header: string;
  q: Questionnaire;
  model: ScoringModel;
  /** The names of the reader's callbacks besides onRow and onProgress; each is recorded and replayed in order. */
  callbacks: string[];
  /** Fold the rows (ReadOptions.fold) rather than pack them whole: only ids, fingerprints and places come back per row. */
  fold?: FoldSpec;
};

export type ToWorker =
  | ({ type: "init" } & Init)
  /** Bytes [start, end) of the file: whole lines; `last` when it runs to the end of the file. */
  | { type: "range"; index: number; start: number; end: number; last: boolean }
  /** The line the range starts on, once the line breaks of the ranges before it are counted. */
  | { type: "line"; index: number; line: number };

/** A call of a forwarded callback, ahead of the range's row number `at`. */
export type ForwardedCall = { at: number; name: string; args: unknown[] };

export type Outcome =
  | { kind: "done" }
  /** The file's own error, as the one-thread reader reports it. */
  | { kind: "fatal"; problem: DataProblem }
  /** The range may not begin or end on a record boundary (a quoted line break, a lone CR): read on in one thread. */
  | { kind: "unsafe" }
  | { kind: "bug"; message: string };

export type FromWorker =
  | { type: "ready" }
  | { type: "header-problem"; problem: DataProblem }
  | { type: "count"; index: number; newlines: number }
  | { type: "result"; index: number; rows: PackedRows; calls: ForwardedCall[]; outcome: Outcome; partial?: FoldPartial }
  | { type: "bug"; message: string };
