import { appendFile, open, readFile } from "node:fs/promises";
import { csvLine, defuse } from "./csv-write.ts";
import { withFileLock } from "./atomic-file.ts";

export type HeaderMismatch = { expected: string[]; found: string[] };

const readHeader = async (path: string): Promise<{ columns: string[]; delimiter: string; endsWithNewline: boolean } | undefined> => {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
  if (text.length === 0) return undefined;
  const first = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0]!;
  const delimiter = first.split(";").length > first.split(",").length ? ";" : ",";
  return { columns: first.split(delimiter).map((c) => c.replace(/^"|"$/g, "")), delimiter, endsWithNewline: /\n$/.test(text) };
};

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
    await appendFile(path, (existing.endsWithNewline ? "" : "\r\n") + csvLine(safe, existing.delimiter));
    return undefined;
  });
}
