import { csvLine, defuse } from "../csv/csv-write.ts";
import { readIfExists, withFileLock, writeFileAtomic } from "../files/atomic-file.ts";
import { detectDelimiter } from "../files/text-source.ts";

/**
 * A workshop's answer files (besvarelser.csv, runder/*.csv) as SPEC §6.1 asks: rows sorted by
 * pseudonym, never in the order people pressed Indsend, and every change written as a whole new
 * file through a temporary file and a rename under the file's lock — a full disk, a crash or a kill
 * leaves the old file or the new one, never a torn row.
 */

/** The file's records as raw text (a quoted comment may hold line breaks), with their field counts. */
export function splitRecords(text: string, delimiter: string): { raw: string; fields: number; first: string }[] {
  const out: { raw: string; fields: number; first: string }[] = [];
  let start = 0;
  let quoted = false;
  let fields = 1;
  let firstEnd = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === delimiter) {
      if (firstEnd < 0) firstEnd = i;
      fields++;
    } else if (c === undefined || (!quoted && c === "\n")) {
      const raw = text.slice(start, i).replace(/\r$/, "");
      if (raw.trim() !== "") out.push({ raw, fields, first: raw.slice(0, firstEnd < 0 ? raw.length : firstEnd - start).replace(/^"|"$/g, "") });
      start = i + 1;
      fields = 1;
      firstEnd = -1;
    }
  }
  return out;
}

export type RowWrite = { written: true } | { written: false; mismatch: { expected: string[]; found: string[] } };

/**
 * Puts one respondent's complete row into `path`, replacing any earlier row of theirs (a torn row
 * from an older version, or a retry), keeping every other row as it is and the rows sorted by
 * respondent id. The header is written when the file is new.
 */
export async function putRowSorted(path: string, columns: string[], cells: string[], freeText: (column: string) => boolean, options?: { timeoutMs?: number }): Promise<RowWrite> {
  const safe = cells.map((cell, i) => (freeText(columns[i]!) ? defuse(cell) : cell));
  return withFileLock(path, async () => {
    const text = ((await readIfExists(path)) ?? "").replace(/^\uFEFF/, "");
    const bom = (await readIfExists(path))?.startsWith("\uFEFF") ? "\uFEFF" : "";
    const headerLine = text.split(/\r?\n/, 1)[0] ?? "";
    const delimiter = headerLine ? detectDelimiter(headerLine) : ",";
    const records = splitRecords(text, delimiter);
    const header = records.shift();
    const found = header ? header.raw.split(delimiter).map((c) => c.replace(/^"|"$/g, "")) : columns;
    if (found.join("\u0000") !== columns.join("\u0000")) return { written: false, mismatch: { expected: columns, found } };
    const id = safe[0]!;
    const rows = records.filter((r) => r.first !== id);
    rows.push({ raw: csvLine(safe, delimiter).replace(/\r\n$/, ""), fields: columns.length, first: id });
    rows.sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
    const body = [header ? header.raw : csvLine(columns, delimiter).replace(/\r\n$/, ""), ...rows.map((r) => r.raw)].map((line) => `${line}\r\n`).join("");
    await writeFileAtomic(path, bom + body);
    return { written: true };
  }, options);
}

/** Respondent ids of the rows whose field count matches the header's: a row of another length is never an answer. */
export async function completeRowIds(path: string): Promise<{ ids: string[]; level: (id: string) => string }> {
  const text = ((await readIfExists(path)) ?? "").replace(/^\uFEFF/, "");
  const headerLine = text.split(/\r?\n/, 1)[0] ?? "";
  if (!headerLine) return { ids: [], level: () => "" };
  const delimiter = detectDelimiter(headerLine);
  const [header, ...rows] = splitRecords(text, delimiter);
  const complete = rows.filter((r) => r.fields === header!.fields);
  const levels = new Map(complete.map((r) => [r.first, r.raw.split(delimiter)[3]?.replace(/^"|"$/g, "") ?? ""]));
  return { ids: complete.map((r) => r.first), level: (id) => levels.get(id) ?? "" };
}

/** One record's fields, unquoted. */
export function splitFields(raw: string, delimiter: string): string[] {
  const out: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (quoted) {
      if (c === '"' && raw[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) out.push(cell), (cell = "");
    else cell += c;
  }
  out.push(cell);
  return out;
}

/**
 * Answers that came in another way (`workshop answer` at the consultant's machine, `workshop import`):
 * the file rewritten sorted by respondent, `submitted_at` cut to the workshop's date. Rows of another
 * length than the header are kept as they are (never answers; the tools name them).
 */
export async function normaliseRows(path: string, date: string): Promise<void> {
  await withFileLock(path, async () => {
    const original = await readIfExists(path);
    if (original === undefined) return;
    const bom = original.startsWith("\uFEFF") ? "\uFEFF" : "";
    const text = original.replace(/^\uFEFF/, "");
    const delimiter = detectDelimiter(text.split(/\r?\n/, 1)[0] ?? "");
    const [header, ...rows] = splitRecords(text, delimiter);
    if (!header) return;
    const at = splitFields(header.raw, delimiter).indexOf("submitted_at");
    const fixed = rows.map((r) => {
      if (r.fields !== header.fields || at < 0) return r;
      const cells = splitFields(r.raw, delimiter);
      cells[at] = date;
      return { ...r, raw: csvLine(cells, delimiter).replace(/\r\n$/, "") };
    }).sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
    const next = bom + [header.raw, ...fixed.map((r) => r.raw)].map((l) => `${l}\r\n`).join("");
    if (next !== original) await writeFileAtomic(path, next);
  });
}
