import { appendFile, open } from "node:fs/promises";
import { csvLine, defuse } from "./csv-write.ts";
import { withFileLock } from "../files/atomic-file.ts";
import { encodeWindows1252, lineEncodings } from "../files/mixed-encoding.ts";
import { detectDelimiter, detectEncoding } from "../files/text-source.ts";

export type HeaderMismatch = { expected: string[]; found: string[] };

/** The header line, its delimiter, and whether the file ends with a newline, without reading it all. */
const readHeader = async (path: string): Promise<{ columns: string[]; delimiter: string; endsWithNewline: boolean } | undefined> => {
  const handle = await open(path, "r").catch((err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT") return undefined;
    throw err;
  });
  if (!handle) return undefined;
  try {
    const { size } = await handle.stat();
    if (size === 0) return undefined;
    const head = Buffer.alloc(Math.min(size, 1 << 16));
    await handle.read(head, 0, head.length, 0);
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    // Lines end with LF, CRLF or (older Excel for Mac) a CR alone.
    const first = head.toString("utf8").replace(/^\uFEFF/, "").split(/\r\n|\r|\n/, 1)[0]!;
    const delimiter = detectDelimiter(first);
    return { columns: first.split(delimiter).map((c) => c.replace(/^"|"$/g, "")), delimiter, endsWithNewline: last[0] === 0x0a || last[0] === 0x0d };
  } finally {
    await handle.close();
  }
};

/** Whether the file's text is Windows-1252, or mostly so (a row with an emoji went out in UTF-8): the next row's encoding. */
async function mostlyWindows1252(path: string): Promise<boolean> {
  const encoding = await detectEncoding(path).catch(() => "utf-8" as const);
  if (encoding !== "mixed") return encoding === "windows-1252";
  const handle = await open(path, "r");
  try {
    const { utf8, windows1252 } = await lineEncodings(handle);
    return windows1252.length >= utf8.length;
  } finally {
    await handle.close();
  }
}

/**
 * Whether appending rows with `columns` to `path` would be refused, checked before any question is
 * asked: undefined for a new or empty file or one with the same header.
 */
export async function headerMismatch(path: string, columns: string[]): Promise<HeaderMismatch | undefined> {
  const existing = await readHeader(path);
  if (!existing || existing.columns.join("\u0000") === columns.join("\u0000")) return undefined;
  return { expected: columns, found: existing.columns };
}

/**
 * Appends one complete wide row under a lock, writing the header first if the file is new.
 * The row goes out in one write, so concurrent respondents never interleave. Returns the
 * mismatch instead of writing when the file has other columns.
 */
export async function appendResponseRow(
  path: string,
  columns: string[],
  cells: string[],
  freeText: (column: string) => boolean,
): Promise<HeaderMismatch | undefined> {
  const safe = cells.map((cell, i) => (freeText(columns[i]!) ? defuse(cell) : cell));
  return withFileLock(path, async () => {
    const existing = await readHeader(path);
    if (!existing) {
      const handle = await open(path, "a");
      try {
        await handle.write(csvLine(columns) + csvLine(safe));
      } finally {
        await handle.close();
      }
      return undefined;
    }
    if (existing.columns.join("\u0000") !== columns.join("\u0000")) return { expected: columns, found: existing.columns };
    // A file last saved without a final newline must not glue our row onto its last one.
    const line = (existing.endsWithNewline ? "" : "\r\n") + csvLine(safe, existing.delimiter);
    // In the file's own encoding: a UTF-8 row in a file Excel saved in Windows-1252 would show as "Ã¦" in
    // Excel. A character Windows-1252 lacks leaves the row in UTF-8; the readers read such a file line by line.
    // (A file the check cannot place, such as a UTF-8 mark on Windows-1252 text, gets UTF-8 as its mark promises: the answers are never lost to it.)
    const windows1252 = (await mostlyWindows1252(path)) ? encodeWindows1252(line) : undefined;
    await appendFile(path, windows1252 ?? line);
    return undefined;
  });
}
