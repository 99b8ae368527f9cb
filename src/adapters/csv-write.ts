/** A cell that a spreadsheet would run as a formula gets a leading apostrophe (SPEC §3). */
export const defuse = (cell: string): string => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

/** One CSV field, quoted only where it must be. */
export function csvField(cell: string, delimiter: string): string {
  return cell.includes(delimiter) || cell.includes('"') || cell.includes("\n") || cell.includes("\r")
    ? `"${cell.replaceAll('"', '""')}"`
    : cell;
}

export const csvLine = (cells: readonly string[], delimiter = ","): string =>
  `${cells.map((cell) => csvField(cell, delimiter)).join(delimiter)}\r\n`;
