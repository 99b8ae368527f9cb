/**
 * The rare rows a worker's fold must not hold: a respondent's second row (SPEC §3, one respondent
 * one row) is found only by the main thread, which checks every id in file order. It then folds
 * that range again itself, leaving those rows out, and reads a conflicting row whole for its message.
 */
import type { FoldPartial } from "../../../core/report/folds.ts";
import { closeSync, openSync } from "node:fs";
import { CsvScanner } from "../csv-scan.ts";
import type { RespondentRow } from "../respondent-row.ts";
import { WideSink } from "../wide-sink.ts";
import type { Init } from "./protocol.ts";
import { latin1 } from "../../files/text-source.ts";
import { RangeJob } from "./range-job.ts";
import { readAt } from "./ranges.ts";

export class Refold {
  private scanner: RangeJob | undefined;

  constructor(private readonly init: Init) {}

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
    return this.rowIn(Buffer.from(text.slice(spans[2 * r]!, spans[2 * r + 1]!), "latin1"), line);
  }

  /**
   * The row in bytes [start, end) of the file, read again whole: a respondent's first row, when a
   * later one needs its fingerprint (OneRowPerRespondent.check). The file is opened anew, as this
   * may come after it is read (the respondent's next row may be in the next file).
   */
  readonly rowAt = (start: number, end: number, line: number): RespondentRow => {
    const fd = openSync(this.init.file, "r");
    try {
      return this.rowIn(readAt(fd, start, end - start), line);
    } finally {
      closeSync(fd);
    }
  };

  /** The row `record` (its bytes), starting on `line`. */
  private rowIn(record: Uint8Array, line: number): RespondentRow {
    const { init } = this;
    let found: RespondentRow | undefined;
    // The sink reuses its arrays once onRow returns: the row is copied.
    const onRow = (row: RespondentRow) => {
      found = { ...row, values: row.values.slice(), kinds: row.kinds.slice(), metaValues: [...row.metaValues], commentValues: [...row.commentValues] };
    };
    const sink = new WideSink(init.file, init.q, init.model, { onRow, onProblem: () => undefined });
    const scanner = new CsvScanner(init.delimiter.charCodeAt(0), sink);
    scanner.scanText(`${init.header}\n`, true);
    sink.readBytes(init.encoding);
    scanner.line = line;
    scanner.scan(record, latin1(record), true);
    if (!found) throw new Error(`line ${line} was read once as a respondent but not again`);
    return found;
  }
}
