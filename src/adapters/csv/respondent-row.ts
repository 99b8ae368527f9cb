/** What the response reader hands on: one respondent's row, the problems it finds, and the summary of a file. */
import type { ReadNotice } from "../../core/responses/excel-cells.ts";
import type { ResponseFormat } from "../../core/responses/response-format.ts";
import type { FoldPartial, FoldSpec } from "../../core/report/folds.ts";
import type { Text } from "../../core/text.ts";
import type { Encoding } from "../files/text-source.ts";

/** One respondent as read; `values` and `kinds` are reused between rows, so consume them at once. */
export type RespondentRow = {
  file: string;
  line: number;
  respondentId: string;
  questionnaireId: string;
  version: string;
  level: string;
  group: string;
  submittedAt: string;
  /** The file's metadata columns and this row's values of them (reused, like `values`). */
  metaNames: readonly string[];
  metaValues: readonly string[];
  /** The file's `comment.<element>` columns and this row's comments (reused, like `values`). */
  commentNames: readonly string[];
  commentValues: readonly string[];
  values: Float64Array;
  kinds: Uint8Array;
  /** OneRowPerRespondent's fingerprint of the row, when the reader has computed it (the parallel reader does, in its workers). */
  fingerprint?: number;
  /** scoreValues(model, the level's plan, values), when the reader has computed it (the parallel reader does); reused like `values`. */
  scores?: Float64Array;
  /** The row's text as in the file (all of a respondent's lines in the long format), for the rejects file. */
  raw: () => string;
  /** Where the row lies in its file, when the reader can read it again from there (a wide file's one-thread reader): then no fingerprint is computed for it up front. */
  place?: RowPlace | undefined;
};

export type DataProblem = { file: string; line: number; column?: string; message: Text; raw?: string };

/** A problem with the file as a whole (its header, its syntax): no row can be read past it. */
export class FileProblem extends Error {
  constructor(readonly problem: DataProblem) {
    super(problem.message.en);
  }
}

export type ReadOptions = {
  /** Accepted for old scripts; the header decides the format (SPEC §3). */
  long?: boolean;
  onRow: (row: RespondentRow) => void;
  /** A bad row; return normally to skip it (--lenient), or throw to stop. */
  onProblem: (problem: DataProblem) => void;
  onProgress?: (bytes: number, size: number) => void;
  /** Told the file's encoding before any row is read (so a note on it stands even when a row stops the reading). */
  readsAs?: (encoding: Encoding) => void;
  /**
   * Awaited between chunks (one thread) and ranges (in parallel): room for what the rows made to be
   * written out (StagedOutput.drain), so an output as large as the input (`convert --to long`) does
   * not wait in memory until the whole file is read.
   */
  drain?: () => Promise<void>;
  /**
   * A cell read leniently (what Excel does to a file, SPEC §5): one call per row and kind, with the
   * line, so notices from several readers can be merged in line order and printed once per kind.
   */
  onNotice?: (notice: ReadNotice) => void;
  /**
   * How a large wide file is read in parallel; unset fields come from the environment
   * (LEDELSESTJEK_THREADS, LEDELSESTJEK_RANGE_BYTES, LEDELSESTJEK_PARALLEL_MIN_BYTES,
   * LEDELSESTJEK_MAIN_SCANS) or the defaults.
   * Every other callback here (`on…`) must return nothing: the parallel reader replays it in line order.
   */
  parallel?: { threads?: number; rangeBytes?: number; minBytes?: number; mainScans?: boolean };
  /**
   * For a result that is a sum over rows (`score --by`): the parallel reader folds the rows of a
   * range where it reads them (core/report/folds.ts) rather than handing each to `onRow`.
   * `admit` is then called instead, in file order, for each such row, and says whether it counts
   * (one respondent, one row); `merge` receives the folds of the admitted rows, in file order.
   * Rows the reader does hand on (those this thread reads itself) go to `onRow` as always.
   */
  fold?: { spec: FoldSpec; admit: (row: AdmitRow, full: () => RespondentRow) => boolean; merge: (partial: FoldPartial) => void };
};

/**
 * What the duplicate check needs of a row; `full` (to `admit`) reads the whole row again, for the rare
 * conflict. A folded row has no fingerprint but its `place`, to be read again when another row of
 * the same respondent comes, maybe after its file is read (OneRowPerRespondent.check).
 */
export type AdmitRow = Pick<RespondentRow, "file" | "line" | "respondentId" | "fingerprint" | "raw" | "place">;

/** Where a row lies in its file (bytes [start, end)), and how to read it from there again. */
export type RowPlace = { start: number; end: number; again: (start: number, end: number, line: number) => RespondentRow };

export type ReadSummary = {
  encoding: Encoding;
  delimiter: string;
  format: ResponseFormat;
  rows: number;
  columns: string[];
  /** How a file read in parallel was read: its ranges, how many workers scanned, and where one thread took over (if it did). */
  ranges?: { total: number; byWorkers: number; oneThreadFrom?: number };
};

/** A metadata value of a row, or undefined when its file has no such column. */
export function metaValue(row: RespondentRow, name: string): string | undefined {
  const i = row.metaNames.indexOf(name);
  return i < 0 ? undefined : row.metaValues[i];
}
