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

/** Records after the header: line ends outside double quotes, not counting blank lines. */
export function dataRows(bytes: Uint8Array): number {
  let records = 0;
  let quoted = false;
  let content = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x22) quoted = !quoted;
    if (!quoted && (b === 0x0a || b === 0x0d)) {
      if (content) records++;
      content = false;
    } else if (b !== 0x20 && b !== 0x09 && b !== 0xef && b !== 0xbb && b !== 0xbf) content = true;
  }
  if (content) records++;
  return Math.max(0, records - 1);
}
