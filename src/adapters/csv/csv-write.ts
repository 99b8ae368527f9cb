/** A cell that is a plain number, such as -3.5 or -3,5: a spreadsheet reads it as a number, never as a formula. */
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

/**
 * A cell that a spreadsheet would run as a formula gets a leading apostrophe (SPEC §3): one that
 * starts with `=`, `+`, `-`, `@`, a tab or a carriage return. A negative number is left as it is
 * — it is a number, and "-3.5" must stay sortable — but "-1+2" or "-A1" is defused.
 * Idempotent: a cell that already starts with `'` is left alone.
 */
export function defuse(cell: string): string {
  // A first-character test before any regular expression: this runs for every cell of a 400 000-row export.
  const c = cell.charCodeAt(0);
  if (c !== 61 && c !== 43 && c !== 45 && c !== 64 && c !== 9 && c !== 13) return cell;
  return PLAIN_NUMBER.test(cell) ? cell : `'${cell}`;
}

/** One CSV field, quoted only where it must be. */
export function csvField(cell: string, delimiter: string): string {
  return needsQuotes(cell, delimiter) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/**
 * Whether a cell holds the delimiter, a quote or a line break. A loop over the characters rather
 * than four `includes`: cells are short, and a native call per test cost more than the test
 * (measured on `convert --to long`, 2.2 million lines of 10 cells).
 */
function needsQuotes(cell: string, delimiter: string): boolean {
  if (delimiter.length !== 1) return cell.includes(delimiter) || cell.includes('"') || cell.includes("\n") || cell.includes("\r");
  const d = delimiter.charCodeAt(0);
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c === d || c === 34 || c === 10 || c === 13) return true;
  }
  return false;
}

/**
 * Cells defused, quoted where they must be and joined: a line without its line end, or a run of
 * cells written once for many lines (see CsvTable.rowWith).
 */
export function csvCells(cells: readonly string[], delimiter = ","): string {
  let line = "";
  for (let i = 0; i < cells.length; i++) line += i === 0 ? csvField(defuse(cells[i]!), delimiter) : delimiter + csvField(defuse(cells[i]!), delimiter);
  return line;
}

/**
 * One CSV line. Every cell is defused here, at the one place all our CSV goes through, so no
 * output (and no output added later) can carry a formula from its input into a spreadsheet.
 */
export const csvLine = (cells: readonly string[], delimiter = ","): string => `${csvCells(cells, delimiter)}\r\n`;
