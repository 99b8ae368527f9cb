/** The rows of a folded range as the main thread's duplicate check reads them back (see RowPacker's `light`). */
import type { AdmitRow } from "../respondent-row.ts";
import type { PackedRows } from "./row-pack.ts";

/** A folded row as the duplicate check sees it: its place, id and fingerprint. */
class AdmittedRow {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly fingerprint: number,
    readonly respondentId: string,
    private readonly text: (start: number, end: number) => string,
    private readonly start: number,
    private readonly end: number,
  ) {}

  raw(): string {
    return this.text(this.start, this.end);
  }
}

/** The light rows of one range in order (see RowPacker's `light`); `before(i)` runs ahead of row i (and with i = count at the end). */
export function lightRows(file: string, p: PackedRows, raw: (start: number, end: number) => string, before: (i: number) => void, each: (row: AdmitRow, r: number) => void): void {
  const { ids, idLengths, spans, lines, fingerprints, count } = p;
  let pos = 0;
  for (let r = 0; r < count; r++) {
    before(r);
    each(new AdmittedRow(file, lines[r]!, fingerprints[r]!, ids.slice(pos, (pos += idLengths[r]!)), raw, spans[2 * r]!, spans[2 * r + 1]!), r);
  }
  before(count);
}
