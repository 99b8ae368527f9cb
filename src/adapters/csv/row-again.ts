/**
 * One row of a wide file read again, whole, from its bytes: a respondent's first row, when a later
 * row of the same respondent needs its fingerprint (OneRowPerRespondent.check), or a conflicting
 * row for its message. Nearly every respondent has one row, so the readers skip the fingerprint of a
 * row and give its place instead (RowPlace), and this reads the few that are needed.
 */
import { closeSync, openSync } from "node:fs";
import type { Questionnaire } from "../../core/questionnaire/questionnaire.ts";
import type { ScoringModel } from "../../core/scoring/scoring.ts";
import { latin1, type Encoding } from "../files/text-source.ts";
import { CsvScanner } from "./csv-scan.ts";
import type { RespondentRow } from "./respondent-row.ts";
import { readAt } from "./parallel/ranges.ts";
import { WideSink } from "./wide-sink.ts";

/** What reading a row again needs of its file: the header (decoded, without its line break) and how the file reads. */
export type RowSource = { file: string; encoding: Encoding; delimiter: string; header: string; q: Questionnaire; model: ScoringModel };

export class RowAgain {
  constructor(private readonly source: RowSource) {}

  /**
   * The row in bytes [start, end) of the file, starting on `line`. The file is opened anew, as this
   * may come after it is read (the respondent's next row may be in the next file).
   */
  readonly at = (start: number, end: number, line: number): RespondentRow => {
    const fd = openSync(this.source.file, "r");
    try {
      return this.in(readAt(fd, start, end - start), line);
    } finally {
      closeSync(fd);
    }
  };

  /** The row `record` (its bytes), starting on `line`; its problems were reported the first time. */
  in(record: Uint8Array, line: number): RespondentRow {
    const { file, q, model, delimiter, header, encoding } = this.source;
    let found: RespondentRow | undefined;
    // The sink reuses its arrays once onRow returns: the row is copied.
    const onRow = (row: RespondentRow) => {
      found = { ...row, values: row.values.slice(), kinds: row.kinds.slice(), metaValues: [...row.metaValues], commentValues: [...row.commentValues] };
    };
    const sink = new WideSink(file, q, model, { onRow, onProblem: () => undefined });
    const scanner = new CsvScanner(delimiter.charCodeAt(0), sink);
    scanner.scanText(`${header}\n`, true);
    sink.readBytes(encoding);
    scanner.line = line;
    scanner.scan(record, latin1(record), true);
    if (!found) throw new Error(`line ${line} was read once as a respondent but not again`);
    return found;
  }
}
