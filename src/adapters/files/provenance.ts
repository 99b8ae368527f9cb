import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";

/**
 * An input file's provenance for the report's colophon: its name (never the folder it sits in, which
 * can name a person), the SHA-256 of its bytes and its number of data rows (records after the header,
 * counting line breaks outside quotes, so a comment with a line break is one row). Kept small so the
 * shared provenance helper of every output can take its place.
 */
export type FileProvenance = { name: string; sha256: string; rows: number };

export async function fileProvenance(path: string): Promise<FileProvenance> {
  const bytes = await readFile(path);
  return { name: basename(path), sha256: createHash("sha256").update(bytes).digest("hex"), rows: dataRows(bytes) };
}

/**
 * Records after the header: line ends outside double quotes, not counting blank lines. Scans with
 * `indexOf` (native) for line ends and quotes, as a byte loop in JavaScript costs most of a second on
 * 100 000 rows.
 */
export function dataRows(input: Uint8Array): number {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  let records = 0;
  let quoted = false;
  let start = 0;
  let nextQuote = bytes.indexOf(0x22);
  let pos = 0;
  while (pos < bytes.length) {
    const nl = bytes.indexOf(0x0a, pos);
    const end = nl < 0 ? bytes.length : nl;
    while (nextQuote >= 0 && nextQuote < end) {
      quoted = !quoted;
      nextQuote = bytes.indexOf(0x22, nextQuote + 1);
    }
    if (!quoted) {
      let last = end;
      while (last > start && (bytes[last - 1] === 0x0d || bytes[last - 1] === 0x20)) last--;
      if (last > start) records++;
      start = end + 1;
    }
    pos = end + 1;
  }
  if (quoted && start < bytes.length) records++;
  return Math.max(0, records - 1);
}
