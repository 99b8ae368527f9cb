/**
 * The rare rows a worker's fold must not hold: a respondent's second row (SPEC §3, one respondent
 * one row) is found only by the main thread, which checks every id in file order. It then folds
 * that range again itself, leaving those rows out, and reads a conflicting row whole for its message.
 */
import type { FoldPartial } from "../../../core/report/folds.ts";
import type { RespondentRow } from "../respondent-row.ts";
import { RowAgain } from "../row-again.ts";
import type { Init } from "./protocol.ts";
import { RangeJob } from "./range-job.ts";

export class Refold {
  private scanner: RangeJob | undefined;
  private readonly again: RowAgain;

  constructor(private readonly init: Init) {
    this.again = new RowAgain(init);
  }

  /** This thread's RangeJob: it scans ranges here as a worker does, when there is nothing to wait for. */
  job(): RangeJob {
    return (this.scanner ??= new RangeJob(this.init));
  }

  /** The fold of a range's rows but `excluded` (their numbers in the range), read again from its bytes. */
  range(bytes: Uint8Array, line: number, newlines: number, last: boolean, excluded: ReadonlySet<number>): FoldPartial {
    const result = this.job().scan(bytes, line, newlines, last, excluded);
    if (!result.partial || result.outcome.kind !== "done") throw new Error("a range read once without trouble could not be read again");
    return result.partial;
  }

  /** Row `r` of a range whose bytes read as Latin-1 are `text`, read again whole (its problems were reported the first time). */
  row(text: string, spans: Int32Array, r: number, line: number): RespondentRow {
    return this.again.in(Buffer.from(text.slice(spans[2 * r]!, spans[2 * r + 1]!), "latin1"), line);
  }

  /** The row in bytes [start, end) of the file, read again whole (see RowAgain). */
  get rowAt(): RowAgain["at"] {
    return this.again.at;
  }
}
