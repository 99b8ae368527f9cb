/** The rows of a folded range as the main thread's duplicate check reads them back (see RowPacker's `light`). */
import type { AdmitRow, RespondentRow, RowPlace } from "../respondent-row.ts";
import type { PackedRows } from "./row-pack.ts";

/** A folded row as the duplicate check sees it: its id, line and place (no fingerprint: see OneRowPerRespondent.check). */
class AdmittedRow implements AdmitRow, RowPlace {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly respondentId: string,
    private readonly text: (start: number, end: number) => string,
    /** Where the row lies in the range's text (`text`) and, shifted by `offset`, in the file. */
    private readonly from: number,
    private readonly to: number,
    private readonly offset: number,
    readonly again: (start: number, end: number, line: number) => RespondentRow,
  ) {}

  raw(): string {
    return this.text(this.from, this.to);
  }

  get place(): RowPlace {
    return this;
  }

  get start(): number {
    return this.offset + this.from;
  }

  get end(): number {
    return this.offset + this.to;
  }
}

/**
 * The light rows of one range in order (see RowPacker's `light`); `before(i)` runs ahead of row i (and
 * with i = count at the end). The range starts at byte `offset` of the file; `again` reads a row of it anew.
 */
export function lightRows(
  file: string,
  p: PackedRows,
  raw: (start: number, end: number) => string,
  offset: number,
  again: RowPlace["again"],
  before: (i: number) => void,
  each: (row: AdmitRow, r: number) => void,
): void {
  const { ids, idLengths, spans, lines, count } = p;
  let pos = 0;
  for (let r = 0; r < count; r++) {
    before(r);
    each(new AdmittedRow(file, lines[r]!, ids.slice(pos, (pos += idLengths[r]!)), raw, spans[2 * r]!, spans[2 * r + 1]!, offset, again), r);
  }
  before(count);
}
