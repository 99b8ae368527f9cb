import { open } from "node:fs/promises";
import { formatOfHeader, metadataColumns, type ResponseFormat } from "../core/responses/response-format.ts";
import { bytesDecoder, detectDelimiter, splitHeader } from "../adapters/files/text-source.ts";

export type Peeked = {
  /** The header's column names. */
  columns: string[];
  /** Undefined when the header is neither format; the reader then says so with the expected columns. */
  format: ResponseFormat | undefined;
  /** The header's delimiter: `,` or `;` (Danish Excel). */
  delimiter: "," | ";";
  /** The questionnaire id and version of the first data row, when the file has both columns and a row. */
  id: { id: string; version: string } | undefined;
};

/** The header and the first data row of a response file, read from its first 64 KB. */
export async function peekFile(file: string): Promise<Peeked | undefined> {
  const handle = await open(file, "r").catch(() => undefined);
  if (!handle) return undefined;
  try {
    const buffer = Buffer.alloc(1 << 16);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    // Column names may hold æøå.
    const bytes = buffer.subarray(0, bytesRead);
    // Lines end with LF, CRLF or (Excel's "CSV (Macintosh)") a CR alone.
    const lastLine = Math.max(bytes.lastIndexOf(10), bytes.lastIndexOf(13));
    const whole = lastLine >= 0 && bytesRead === buffer.length ? bytes.subarray(0, lastLine + 1) : bytes;
    // Line by line, as a file may mix the two (mixed-encoding.ts): a line is UTF-8 when it is valid UTF-8.
    const decode = bytesDecoder("mixed");
    const parts: string[] = [];
    for (let from = 0; from < whole.length; ) {
      const lf = whole.indexOf(10, from);
      const to = lf < 0 ? whole.length : lf + 1;
      parts.push(decode(whole.subarray(from, to)));
      from = to;
    }
    const text = parts.join("");
    const lines = text.split(/\r\n|\r|\n/);
    const header = lines[0];
    if (header === undefined || header.trim() === "") return undefined;
    const delimiter = detectDelimiter(header);
    const columns = splitHeader(header, delimiter);
    const first = lines.slice(1).find((line) => line.trim() !== "");
    // Quoted cells are split as the header is: a comma file may quote a version Excel wrote as "2,1".
    const cells = first === undefined ? [] : splitHeader(first, delimiter);
    const id = cells[columns.indexOf("questionnaire_id")];
    const version = cells[columns.indexOf("questionnaire_version")];
    return { columns, delimiter, format: formatOfHeader(columns), id: id !== undefined && version !== undefined ? { id, version } : undefined };
  } finally {
    await handle.close();
  }
}

/** The questionnaire id and version of a response file's first data row, read from its first 64 KB. */
export async function peekQuestionnaire(file: string): Promise<{ id: string; version: string } | undefined> {
  return (await peekFile(file))?.id;
}

/** The metadata columns of all files, in the order first seen, read from their headers before any row. */
export async function metadataUnion(files: string[], itemIds: readonly string[]): Promise<string[]> {
  const union = new Set<string>();
  for (const file of files) {
    const peeked = await peekFile(file);
    if (peeked?.format) for (const name of metadataColumns(peeked.columns, peeked.format, itemIds)) union.add(name);
  }
  return [...union];
}
