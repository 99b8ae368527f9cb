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
  return cell.includes(delimiter) || cell.includes('"') || cell.includes("\n") || cell.includes("\r")
    ? `"${cell.replaceAll('"', '""')}"`
    : cell;
}

/**
 * One CSV line. Every cell is defused here, at the one place all our CSV goes through, so no
 * output (and no output added later) can carry a formula from its input into a spreadsheet.
 */
export const csvLine = (cells: readonly string[], delimiter = ","): string =>
  `${cells.map((cell) => csvField(defuse(cell), delimiter)).join(delimiter)}\r\n`;
