import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { isUtf8 } from "node:buffer";

export type Encoding = "utf-8" | "windows-1252";

const CHUNK = 1 << 20;

/**
 * UTF-8 unless the bytes are not valid UTF-8, in which case they are taken to be Windows-1252,
 * as older Danish Excel writes "CSV (semikolonsepareret)". The whole file is checked: an æ in
 * row 300 000 must not be misread.
 */
export async function detectEncoding(path: string): Promise<Encoding> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.allocUnsafe(CHUNK + 3);
    let carry = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, carry, CHUNK, null);
      const end = carry + bytesRead;
      if (bytesRead === 0) return carry === 0 || isUtf8(buffer.subarray(0, carry)) ? "utf-8" : "windows-1252";
      // Leave an incomplete multi-byte sequence at the end for the next read.
      let cut = end;
      for (let back = 1; back <= 3 && end - back >= 0; back++) {
        const byte = buffer[end - back]!;
        if ((byte & 0xc0) === 0x80) continue;
        if (byte >= 0xc0) cut = end - back;
        break;
      }
      if (!isUtf8(buffer.subarray(0, cut))) return "windows-1252";
      buffer.copy(buffer, 0, cut, end);
      carry = end - cut;
    }
  } finally {
    await handle.close();
  }
}

export type TextChunks = { encoding: Encoding; size: number; chunks: AsyncIterable<{ text: string; bytes: number }> };

/** The file as decoded text chunks, BOM removed, with the bytes read so far for a progress bar. */
export async function readTextChunks(path: string): Promise<TextChunks> {
  const encoding = await detectEncoding(path);
  const { size } = await stat(path);
  async function* chunks() {
    const decoder = new TextDecoder(encoding, { ignoreBOM: false });
    let bytes = 0;
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      yield { text: decoder.decode(chunk, { stream: true }), bytes };
    }
    const rest = decoder.decode();
    if (rest) yield { text: rest, bytes };
  }
  return { encoding, size, chunks: chunks() };
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
