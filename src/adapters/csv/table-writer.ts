import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { round2 } from "../../core/scoring/rounding.ts";
import { settled, temporaryPath } from "../files/atomic-file.ts";
import { csvCells, csvLine, defuse } from "./csv-write.ts";

const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

export type Dialect = { delimiter: string; decimalComma: boolean; bom: boolean };
export const STANDARD: Dialect = { delimiter: ",", decimalComma: false, bom: false };
/** What Danish Excel opens without an import dialog: semicolons, decimal commas, a BOM. */
export const EXCEL: Dialect = { delimiter: ";", decimalComma: true, bom: true };

/** A number with at most two decimals, or empty when missing. */
export function formatNumber(value: number | null | undefined, dialect: Dialect): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "";
  const text = String(round2(value));
  return dialect.decimalComma ? text.replace(".", ",") : text;
}

/**
 * Output that appears only when complete: written to a temporary file beside the target,
 * then renamed (or copied to stdout). A run that fails or is interrupted leaves nothing behind.
 */
export class StagedOutput {
  private readonly tmp: string;
  private readonly stream: WriteStream;
  private pending: string[] = [];
  private size = 0;

  constructor(private readonly target: string | undefined, tmpDir: string) {
    this.tmp = temporaryPath(target ?? join(tmpDir, "ledelsestjek-stdout"));
    this.stream = createWriteStream(this.tmp);
    // Kept and rethrown at drain/commit, so a full disk is an error rather than a crash. A write
    // error names no file; the message names the user's (or, for stdout, the temporary one).
    this.stream.on("error", (err: NodeJS.ErrnoException) => (this.failure ??= Object.assign(err, { path: err.path ?? target ?? this.tmp })));
  }

  private failure: Error | undefined;

  private check(): void {
    if (this.failure) throw this.failure;
  }

  write(text: string): void {
    this.pending.push(text);
    this.size += text.length;
    if (this.size > 1 << 16) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.stream.write(this.pending.join(""));
    this.pending = [];
    this.size = 0;
  }

  /** Waits until the buffered text is on disk; call now and then in long loops to bound memory. */
  async drain(): Promise<void> {
    this.check();
    this.flush();
    if (!this.stream.writableNeedDrain) return;
    // A stream that fails (a full disk) never drains: wait for whichever comes first.
    await new Promise<void>((resolve, reject) => {
      const settle = () => {
        this.stream.off("drain", settle);
        this.stream.off("error", settle);
        if (this.failure) reject(this.failure);
        else resolve();
      };
      this.stream.on("drain", settle);
      this.stream.on("error", settle);
    });
  }

  async commit(stdout: NodeJS.WritableStream): Promise<void> {
    try {
      this.check();
      this.flush();
      await new Promise<void>((resolve, reject) => this.stream.end((err?: Error | null) => (err ? reject(err) : resolve())));
      this.check();
      if (this.target) await rename(this.tmp, this.target);
      else await pipeline(createReadStream(this.tmp), stdout, { end: false });
    } finally {
      // Renamed, copied or failed: either way no temporary file may stay behind.
      await rm(this.tmp, { force: true });
      settled(this.tmp);
    }
  }

  async discard(): Promise<void> {
    this.pending = [];
    // Let the stream finish opening and close before removing, or a late open would recreate the file.
    await new Promise<void>((resolve) => this.stream.end(() => resolve()));
    await rm(this.tmp, { force: true });
    settled(this.tmp);
  }
}

/** Cells already defused, quoted and joined by CsvTable.segment. */
export type CsvSegment = { readonly text: string; readonly cells: number };

/** CSV rows in a dialect; `freeText` marks the cells that get formula protection. */
export class CsvTable {
  constructor(
    private readonly output: StagedOutput,
    private readonly dialect: Dialect,
  ) {
    if (dialect.bom) output.write("\uFEFF");
  }

  row(cells: string[]): void {
    this.output.write(csvLine(cells, this.dialect.delimiter));
  }

  /** Cells rendered once for many rows: a respondent's fixed columns beside each of its answers (see rowWith). */
  segment(cells: readonly string[]): CsvSegment {
    return { text: csvCells(cells, this.dialect.delimiter), cells: cells.length };
  }

  /** The same bytes as `row([...cells, ...the segment's cells])`, the segment defused and quoted once. */
  rowWith(cells: readonly string[], segment: CsvSegment): void {
    const d = this.dialect.delimiter;
    if (segment.cells === 0) this.output.write(`${csvCells(cells, d)}\r\n`);
    else if (cells.length === 0) this.output.write(`${segment.text}\r\n`);
    else this.output.write(`${csvCells(cells, d)}${d}${segment.text}\r\n`);
  }

  number(value: number | null | undefined): string {
    return formatNumber(value, this.dialect);
  }

  text(value: string): string {
    return defuse(value);
  }

  /**
   * A metadata cell: protected like any text, and a number with a decimal comma ("2,5", as Danish
   * Excel saves it) written with a point in comma-separated output, so it stays one number to R and
   * pandas instead of a quoted string. The --excel dialect keeps the value as it was read.
   */
  meta(value: string): string {
    return defuse(!this.dialect.decimalComma && DECIMAL_COMMA.test(value) ? value.replace(",", ".") : value);
  }
}
