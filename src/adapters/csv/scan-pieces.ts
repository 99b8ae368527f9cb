/** Scanning bytes a piece at a time, each piece read as a Latin-1 string small enough for V8's young generation. */
import { latin1 } from "../files/text-source.ts";
import type { CsvScanner } from "./csv-scan.ts";

/**
 * At most this many bytes are read into one string. V8 puts a string over 128 KB in its
 * large-object space, on pages of its own that are mapped, faulted in and given back for every
 * such string, and Node makes one of 1 MB or more an external string, in memory fresh from malloc:
 * 512 KB ranges read whole spent 0.4 s of CPU of a 400 000-row `score` in reading their text, and
 * a third of the page faults (measured on this 2-core VM, where a page fault is dear). A 64 KB
 * string comes from the young generation, whose pages are reused.
 */
export const PIECE_BYTES = 1 << 16;

/**
 * What `scanner.scan(bytes, latin1(bytes), final)` does, in pieces: returns where the unfinished
 * tail begins (all of `bytes` with `final`). `at` is told each piece's offset in `bytes` before it is
 * scanned, for a sink that places records in the whole. A record longer than a piece is read again
 * in a piece twice the size, as often as it takes.
 */
export function scanPieces(scanner: CsvScanner, bytes: Uint8Array, final: boolean, at?: (offset: number) => void, pieceBytes = PIECE_BYTES): number {
  let offset = 0;
  let size = pieceBytes;
  for (;;) {
    const end = Math.min(bytes.length, offset + size);
    const piece = bytes.subarray(offset, end);
    at?.(offset);
    const used = scanner.scan(piece, latin1(piece), final && end === bytes.length);
    if (end === bytes.length) return offset + used;
    if (used === 0) size *= 2;
    else {
      offset += used;
      size = pieceBytes;
    }
  }
}
