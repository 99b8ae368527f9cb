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

/** How much is read at a time: some 200 rows of a wide export. */
const BLOCK = 1 << 16;

export class RowAgain {
  /** One sink under the header, made at the first row read again and kept: making it (the header's columns) cost 50 µs a row when a file was given twice. */
  private reader: { sink: WideSink; scanner: CsvScanner } | undefined;
  private found: RespondentRow | undefined;
  /** The file, while rows are read again in a burst (see `opened`). */
  private fd: number | undefined;
  /** Bytes [blockStart, blockStart + blockLength) of the file, read at once: a file given twice asks for its rows in order. Made at the first row read again (most files have none). */
  private block = Buffer.alloc(0);
  private blockStart = 0;
  private blockLength = 0;

  constructor(private readonly source: RowSource) {}

  /**
   * The row in bytes [start, end) of the file, starting on `line`. The file is opened by name when
   * needed, as this may come after it is read (the respondent's next row may be in the next file).
   */
  readonly at = (start: number, end: number, line: number): RespondentRow => {
    if (start < this.blockStart || end > this.blockStart + this.blockLength) {
      if (end - start > this.block.length) this.block = Buffer.allocUnsafe(Math.max(BLOCK, end - start));
      this.blockLength = readAt(this.opened(), start, this.block.length, this.block).length;
      this.blockStart = start;
    }
    return this.in(this.block.subarray(start - this.blockStart, end - this.blockStart), line);
  };

  /**
   * The file, open until the reader next waits (a chunk or range later), then closed: opened and
   * closed for each row, a file given twice spent 2 of its 3.4 s in open and close (100 000 rows).
   */
  private opened(): number {
    if (this.fd === undefined) {
      const fd = (this.fd = openSync(this.source.file, "r"));
      setImmediate(() => {
        closeSync(fd);
        this.fd = undefined;
        this.blockLength = 0;
      });
    }
    return this.fd;
  }

  /** The row `record` (its bytes), starting on `line`; its problems were reported the first time. */
  in(record: Uint8Array, line: number): RespondentRow {
    const { scanner } = (this.reader ??= this.makeReader());
    this.found = undefined;
    scanner.line = line;
    scanner.scan(record, latin1(record), true);
    const found = this.found as RespondentRow | undefined;
    if (!found) throw new Error(`line ${line} was read once as a respondent but not again`);
    return found;
  }

  private makeReader(): { sink: WideSink; scanner: CsvScanner } {
    const { file, q, model, delimiter, header, encoding } = this.source;
    // The sink reuses its arrays once onRow returns: the row is copied, field by field (a spread of it cost V8 a microsecond or more).
    const onRow = (row: RespondentRow) => {
      this.found = {
        file: row.file, line: row.line, respondentId: row.respondentId, questionnaireId: row.questionnaireId, version: row.version, level: row.level, group: row.group, submittedAt: row.submittedAt,
        metaNames: row.metaNames, metaValues: [...row.metaValues], commentNames: row.commentNames, commentValues: [...row.commentValues], values: row.values.slice(), kinds: row.kinds.slice(), raw: row.raw,
      };
    };
    const sink = new WideSink(file, q, model, { onRow, onProblem: () => undefined });
    const scanner = new CsvScanner(delimiter.charCodeAt(0), sink);
    scanner.scanText(`${header}\n`, true);
    sink.readBytes(encoding);
    return { sink, scanner };
  }
}
