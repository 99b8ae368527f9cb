import { open, type FileHandle } from "node:fs/promises";
import { isUtf8 } from "node:buffer";
import { countLineBreaks, hasUtf8Text } from "./mixed-encoding.ts";

/** How a file's bytes are read: "mixed" when some lines are UTF-8 and others Windows-1252 (mixed-encoding.ts). */
export type Encoding = "utf-8" | "windows-1252" | "mixed";

const CHUNK = 1 << 20;

/**
 * UTF-8 unless the bytes are not valid UTF-8, in which case they are taken to be Windows-1252,
 * as older Danish Excel writes "CSV (semikolonsepareret)" — or "mixed", when some lines beyond
 * ASCII are valid UTF-8 and others are not. The whole file is checked: an æ in row 300 000 must
 * not be misread.
 */
export async function detectEncoding(path: string): Promise<Encoding> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.allocUnsafe(CHUNK + 3);
    let carry = 0;
    let bom: boolean | undefined;
    /** Where the buffer's first byte lies in the file. */
    let offset = 0;
    const fallBack = async (valid: Buffer): Promise<Encoding> => {
      // Lines of both kinds: each is read as what it is (rows added later in the other encoding).
      if (await hasUtf8Text(handle)) return "mixed";
      // A UTF-8 BOM promises UTF-8; bytes that are not contradict it, and guessing either way would misread æøå.
      // The line is counted only then, reading the file up to there again (counting every chunk cost a fifth of the check).
      if (bom) throw new EncodingConflict(path, 1 + (await newlinesBefore(handle, offset)) + countLineBreaks(valid));
      return "windows-1252";
    };
    for (;;) {
      const { bytesRead } = await handle.read(buffer, carry, CHUNK, null);
      const end = carry + bytesRead;
      if (bom === undefined && looksLikeUtf16(buffer.subarray(0, end))) throw new Utf16File(path);
      bom ??= end >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf;
      if (bytesRead === 0) return carry === 0 || isUtf8(buffer.subarray(0, carry)) ? "utf-8" : await fallBack(validPrefix(buffer.subarray(0, carry)));
      // Leave an incomplete multi-byte sequence at the end for the next read.
      let cut = end;
      for (let back = 1; back <= 3 && end - back >= 0; back++) {
        const byte = buffer[end - back]!;
        if ((byte & 0xc0) === 0x80) continue;
        if (byte >= 0xc0) cut = end - back;
        break;
      }
      if (!isUtf8(buffer.subarray(0, cut))) return await fallBack(validPrefix(buffer.subarray(0, cut)));
      offset += cut;
      buffer.copy(buffer, 0, cut, end);
      carry = end - cut;
    }
  } finally {
    await handle.close();
  }
}

/**
 * Bytes decoded whole as `encoding`. Node 20 (from 20.18.3) decodes Windows-1252 as Latin-1 unless
 * it streams (nodejs/node#60888): bytes 0x80–0x9F, which Danish Excel writes for – “ ” ‘ ’ … €, would
 * come out as control characters. So Windows-1252 is always decoded as a stream here; a one-byte
 * encoding carries nothing from one call to the next. UTF-8 is decoded whole, as a stream would keep
 * an unfinished sequence back.
 */
export function decodeBytes(bytes: Uint8Array, encoding: Encoding, options: { ignoreBOM?: boolean } = {}): string {
  return bytesDecoder(encoding, options)(bytes);
}

/** `decodeBytes` as one function for many pieces (cells), reusing one decoder: a piece never ends inside a character. */
export function bytesDecoder(encoding: Encoding, options: { ignoreBOM?: boolean } = {}): (bytes: Uint8Array) => string {
  if (encoding === "mixed") {
    const utf8 = bytesDecoder("utf-8", options);
    const windows1252 = bytesDecoder("windows-1252", options);
    return (bytes) => (isUtf8(bytes) ? utf8 : windows1252)(bytes);
  }
  const decoder = new TextDecoder(encoding, { ignoreBOM: options.ignoreBOM ?? false });
  const stream = { stream: encoding === "windows-1252" };
  return (bytes) => decoder.decode(bytes, stream);
}

/** The line feeds in the file's first `length` bytes. */
async function newlinesBefore(handle: FileHandle, length: number): Promise<number> {
  const buffer = Buffer.allocUnsafe(CHUNK);
  let count = 0;
  for (let position = 0; position < length; ) {
    const { bytesRead } = await handle.read(buffer, 0, Math.min(CHUNK, length - position), position);
    if (bytesRead === 0) break;
    count += countLineBreaks(buffer.subarray(0, bytesRead));
    position += bytesRead;
  }
  return count;
}

/** A file that starts with a UTF-8 byte-order mark but holds bytes that are not UTF-8 (`line` is the first such line). */
export class EncodingConflict extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
  ) {
    super(`${file}:${line}: UTF-8 BOM but not UTF-8`);
    this.name = "EncodingConflict";
  }
}

/**
 * A file saved as UTF-16 ("Unicode-tekst" in Excel): a UTF-16 byte-order mark, or NUL bytes in
 * every other position, which no CSV in UTF-8 or Windows-1252 has.
 */
export class Utf16File extends Error {
  constructor(readonly file: string) {
    super(`${file}: UTF-16`);
    this.name = "Utf16File";
  }
}

export function looksLikeUtf16(head: Uint8Array): boolean {
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) return true;
  const sample = Math.min(head.length, 4096);
  let nul = 0;
  for (let i = 0; i < sample; i++) if (head[i] === 0) nul++;
  return sample >= 16 && nul > sample / 4;
}


/** The bytes before the first invalid UTF-8 sequence (found by halving, so it stays fast on a large chunk). */
function validPrefix(bytes: Buffer): Buffer {
  let lo = 0;
  let hi = bytes.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (isUtf8(bytes.subarray(0, mid)) || isUtf8(bytes.subarray(0, mid - 1)) || isUtf8(bytes.subarray(0, mid - 2)) || isUtf8(bytes.subarray(0, mid - 3))) lo = mid;
    else hi = mid;
  }
  return bytes.subarray(0, lo);
}

/** Bytes as a string of a character each (Latin-1): what the CSV scanner slices its fields from. */
export const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");

/**
 * Hands the file's bytes from `from.byte` (a UTF-8 BOM at the start left out) to `scan` in pieces
 * of about 1 MB, read into one buffer: `scan` returns how many bytes it used, and the rest comes
 * again at the front of the next piece (the buffer grows for a record longer than itself). The last
 * call is `final`. After each piece, `after` is awaited with the bytes read so far (a progress bar,
 * an output's drain).
 */
export async function scanFile(
  path: string,
  from: { encoding: Encoding; byte: number },
  scan: (bytes: Uint8Array, final: boolean, offset: number) => number,
  after: (read: number, size: number) => Promise<void> | void,
): Promise<void> {
  const handle = await open(path, "r");
  try {
    const { size } = await handle.stat();
    let buffer = Buffer.allocUnsafe(CHUNK);
    let position = from.byte;
    if (position === 0 && from.encoding !== "windows-1252") {
      const { bytesRead } = await handle.read(buffer, 0, 3, 0);
      if (bytesRead === 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) position = 3;
    }
    let filled = 0;
    for (;;) {
      if (filled === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(buffer.length)]);
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, position);
      position += bytesRead;
      filled += bytesRead;
      // The bytes handed on start at byte `position - filled` of the file.
      if (bytesRead === 0) {
        scan(buffer.subarray(0, filled), true, position - filled);
        return;
      }
      const used = scan(buffer.subarray(0, filled), false, position - filled);
      buffer.copyWithin(0, used, filled);
      filled -= used;
      await after(position, size);
    }
  } finally {
    await handle.close();
  }
}

/** `;` or `,`, whichever the header line uses more of outside quotes. */
export function detectDelimiter(headerLine: string): ";" | "," {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const c of headerLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === ";") semicolons++;
    else if (!quoted && c === ",") commas++;
  }
  return semicolons > commas ? ";" : ",";
}

/** The column names of a header line: quoted names unescaped (`""`), surrounding spaces trimmed. */
export function splitHeader(headerLine: string, delimiter: string): string[] {
  const names: string[] = [];
  let name = "";
  let quoted = false;
  for (let i = 0; i < headerLine.length; i++) {
    const c = headerLine[i]!;
    if (c === '"') {
      if (quoted && headerLine[i + 1] === '"') {
        name += '"';
        i++;
      } else quoted = !quoted;
    } else if (c === delimiter && !quoted) {
      names.push(name.trim());
      name = "";
    } else name += c;
  }
  names.push(name.trim());
  return names;
}
