/**
 * Files that mix UTF-8 and Windows-1252 line by line: a Windows-1252 export with rows added later
 * in UTF-8 (by a script, by another program, by pasting), or the other way round. Read whole as
 * Windows-1252, every UTF-8 "Ærø" would come out as "Ã†rÃ¸"; so each line with letters beyond
 * ASCII is classified, and each cell is decoded as UTF-8 when its bytes are valid UTF-8, else as
 * Windows-1252 (`bytesDecoder("mixed")`). Danish Windows-1252 text is practically never valid UTF-8:
 * æ, ø and å are bytes that UTF-8 allows only as the start of a sequence with more to follow.
 */
import { isAscii, isUtf8 } from "node:buffer";
import type { FileHandle } from "node:fs/promises";

const CHUNK = 1 << 20;
const LF = 10;

/** The lines (1-based) beyond ASCII in each encoding: `utf8` valid UTF-8, `windows1252` not. */
export type LineEncodings = { utf8: number[]; windows1252: number[] };

/**
 * Classifies the lines of the file beyond ASCII. With `untilBoth`, it stops as soon as it has met
 * a line of each kind (all a caller deciding "mixed" needs); the lines are then incomplete.
 */
export async function lineEncodings(handle: FileHandle, untilBoth: boolean): Promise<LineEncodings> {
  const found: LineEncodings = { utf8: [], windows1252: [] };
  let buffer = Buffer.allocUnsafe(CHUNK);
  let carry = 0;
  let position = 0;
  let line = 1;
  for (;;) {
    // A line longer than the buffer (a long comment) makes it grow.
    if (carry === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(buffer.length)]);
    const { bytesRead } = await handle.read(buffer, carry, buffer.length - carry, position);
    position += bytesRead;
    const end = carry + bytesRead;
    // A UTF-8 BOM is a mark, not a line's text (else it would make any file with one look partly UTF-8).
    if (position === bytesRead && end >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) buffer.fill(0x20, 0, 3);
    // Whole lines only (a character is never cut), except at the end of the file.
    const cut = bytesRead === 0 ? end : buffer.subarray(0, end).lastIndexOf(LF) + 1;
    const whole = buffer.subarray(0, cut);
    if (isAscii(whole)) line += countLf(whole);
    else {
      for (let from = 0; from < whole.length; line++) {
        const lf = whole.indexOf(LF, from);
        const to = lf < 0 ? whole.length : lf + 1;
        const text = whole.subarray(from, to);
        if (!isAscii(text)) (isUtf8(text) ? found.utf8 : found.windows1252).push(line);
        if (untilBoth && found.utf8.length > 0 && found.windows1252.length > 0) return found;
        from = to;
      }
    }
    if (bytesRead === 0) return found;
    buffer.copy(buffer, 0, cut, end);
    carry = end - cut;
  }
}

const countLf = (bytes: Uint8Array): number => {
  let n = 0;
  for (let i = bytes.indexOf(LF); i >= 0; i = bytes.indexOf(LF, i + 1)) n++;
  return n;
};

/** Windows-1252's byte for each character it has beyond ASCII (0x80–0xFF), from the decoder itself. */
let windows1252Bytes: Map<string, number> | undefined;

/**
 * `text` as Windows-1252 bytes, or undefined when it holds a character Windows-1252 lacks. So a row
 * added to a file Excel saved in Windows-1252 goes out as the file's other lines do.
 */
export function encodeWindows1252(text: string): Buffer | undefined {
  if (!windows1252Bytes) {
    // Node 20 decodes Windows-1252 as Latin-1 unless it streams (see text-source.ts decodeBytes).
    const decoder = new TextDecoder("windows-1252");
    windows1252Bytes = new Map();
    for (let byte = 0x80; byte <= 0xff; byte++) {
      const ch = decoder.decode(Uint8Array.of(byte), { stream: true });
      if (ch !== "\ufffd" && ch.length === 1) windows1252Bytes.set(ch, byte);
    }
  }
  const bytes = Buffer.allocUnsafe(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const byte = code < 0x80 ? code : windows1252Bytes.get(text[i]!);
    if (byte === undefined) return undefined;
    bytes[i] = byte;
  }
  return bytes;
}
