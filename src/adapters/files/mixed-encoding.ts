/**
 * Files that mix UTF-8 and Windows-1252 line by line: a Windows-1252 export with rows added later
 * in UTF-8 (by a script, by another program, by pasting), or the other way round. Read whole as
 * Windows-1252, every UTF-8 "Ærø" would come out as "Ã†rÃ¸"; so a file that is not UTF-8 but holds
 * UTF-8 text (`hasUtf8Text`) is "mixed", and each cell is decoded as UTF-8 when its bytes are valid
 * UTF-8, else as Windows-1252 (`bytesDecoder("mixed")`); `lineEncodings` names the lines for the
 * notice. Danish Windows-1252 text is practically never valid UTF-8: æ, ø and å are bytes that
 * UTF-8 allows only as the start of a sequence with more to follow.
 */
import { isAscii, isUtf8 } from "node:buffer";
import type { FileHandle } from "node:fs/promises";

const CHUNK = 1 << 20;
const LF = 10;
const CR = 13;

/** A UTF-8 sequence of two to four bytes, in the bytes read as Latin-1 (each match confirmed with isUtf8). */
const SEQUENCE = /[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}/g;

/**
 * The lines (1-based, ended by LF, CRLF or a CR alone) beyond ASCII in each encoding: `utf8` holds
 * the lines with UTF-8 text, `windows1252` those that are not valid UTF-8. A line with cells of both
 * (a UTF-8 group beside a Windows-1252 comment) is in both.
 */
export type LineEncodings = { utf8: number[]; windows1252: number[] };

/** Classifies the lines of the file beyond ASCII: for the notice on a mixed file, and the encoding of a row added to one. */
export async function lineEncodings(handle: FileHandle): Promise<LineEncodings> {
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
    const cut = bytesRead === 0 ? end : lastLineEnd(buffer, end);
    const whole = buffer.subarray(0, cut);
    if (isAscii(whole)) line += countLineBreaks(whole);
    else {
      const within = isUtf8(whole) ? [] : utf8Sequences(whole);
      for (let from = 0, k = 0; from < whole.length; line++) {
        const to = nextLineStart(whole, from);
        const text = whole.subarray(from, to);
        if (!isAscii(text)) {
          if (isUtf8(text)) found.utf8.push(line);
          else {
            found.windows1252.push(line);
            while (k < within.length && within[k]! < from) k++;
            if (k < within.length && within[k]! < to) found.utf8.push(line);
          }
        }
        from = to;
      }
    }
    if (bytesRead === 0) return found;
    buffer.copy(buffer, 0, cut, end);
    carry = end - cut;
  }
}

/**
 * The first bytes of the UTF-8 sequences Danish and other Western text is made of: C2 and C3 for the
 * letters and signs of Latin-1 (æøå, é, §, °), E2 for punctuation and € (– “ ” …), F0 for emoji.
 * In Windows-1252 they are Â, Ã, â and ð, which Danish text hardly has before such a byte.
 */
const LEADS = [0xc2, 0xc3, 0xe2, 0xf0];

/**
 * Whether a file that is not valid UTF-8 holds UTF-8 text too: found by hopping to the lead bytes
 * above and checking that a whole UTF-8 sequence starts there (native searches: the whole check took
 * 10 ms for 30 MB of Windows-1252, where classifying every line took 200 ms). Text of other scripts
 * only (Greek, say) is not looked for.
 */
export async function hasUtf8Text(handle: FileHandle): Promise<boolean> {
  const buffer = Buffer.allocUnsafe(CHUNK + 3);
  let carry = 0;
  for (let position = 0; ; ) {
    const { bytesRead } = await handle.read(buffer, carry, CHUNK, position);
    position += bytesRead;
    const end = carry + bytesRead;
    const bytes = buffer.subarray(0, end);
    for (const lead of LEADS) {
      for (let i = bytes.indexOf(lead); i >= 0; i = bytes.indexOf(lead, i + 1)) {
        const length = lead === 0xf0 ? 4 : lead === 0xe2 ? 3 : 2;
        if (i + length <= end && isUtf8(bytes.subarray(i, i + length))) return true;
      }
    }
    if (bytesRead === 0) return false;
    // The last three bytes again, in front of the next piece: a sequence may straddle the two.
    carry = Math.min(3, end);
    buffer.copy(buffer, 0, end - carry, end);
  }
}

/** Where UTF-8 sequences start in bytes that are not valid UTF-8 as a whole, in order. */
function utf8Sequences(bytes: Buffer): number[] {
  const starts: number[] = [];
  for (const match of bytes.toString("latin1").matchAll(SEQUENCE)) {
    if (isUtf8(bytes.subarray(match.index, match.index + match[0].length))) starts.push(match.index);
  }
  return starts;
}

/** Just after the line that starts at `from`: after its LF, CRLF or lone CR, or at the end. */
function nextLineStart(bytes: Uint8Array, from: number): number {
  for (let i = from; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === LF) return i + 1;
    if (c === CR) return bytes[i + 1] === LF ? i + 2 : i + 1;
  }
  return bytes.length;
}

/** Just after the last line end in the first `end` bytes; a CR as the very last byte may be the first half of a CRLF, so it does not count. */
function lastLineEnd(bytes: Uint8Array, end: number): number {
  for (let i = end - 1; i >= 0; i--) {
    // Found from the end, a CR before the last byte is alone: a CRLF's LF would have come first.
    if (bytes[i] === LF || (bytes[i] === CR && i < end - 1)) return i + 1;
  }
  return 0;
}

/** Line ends in `bytes`: each LF, and each CR not followed by a LF. */
export function countLineBreaks(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(LF); i >= 0; i = bytes.indexOf(LF, i + 1)) n++;
  for (let i = bytes.indexOf(CR); i >= 0; i = bytes.indexOf(CR, i + 1)) if (bytes[i + 1] !== LF) n++;
  return n;
}

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
