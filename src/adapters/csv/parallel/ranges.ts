/** Cutting a file into ranges of whole lines, its plain header, and the settings of the parallel reader. */
import { readSync } from "node:fs";
import { availableParallelism } from "node:os";
import { formatOfHeader } from "../../../core/responses/response-format.ts";
import { decodeBytes, detectDelimiter, splitHeader, type Encoding } from "../../files/text-source.ts";

/**
 * threads: all threads reading, the main thread included (1 = the one-thread reader);
 * rangeBytes: about how many bytes each range holds; minBytes: smaller files are read in one thread;
 * mainScans: whether the main thread scans ranges too (off: workers scan them all, for tests).
 */
export type ParallelSettings = { threads: number; rangeBytes: number; minBytes: number; mainScans: boolean };

/** What LEDELSESTJEK_THREADS=0 asks for, and the default: every core (at most 8). */
const ALL_CORES = Math.min(availableParallelism(), 8);
// Every core by default: on the 2-core development machine score --by level on 400 000 rows took 0.75–0.95 of the
// one-thread time in paired runs (0.7 before the one-thread reader walked bytes too; see README "Hastighed").
// Below 64 MB one thread is as fast or faster: the workers cost about 0.6–0.9 s of CPU time beyond the reading
// (starting, warming up their own JIT, packing rows, the main thread's check of them), which two cores win back only
// on a large file. Paired runs of score --by level, one thread ÷ two: 0.72 at 7.5 MB, 0.83 at 15 MB, 0.86 at 25 MB,
// 0.90 at 50 MB, 0.98 at 63 MB, 1.08 at 100 MB. Ranges of 512 KB ran as fast as of 1 MB and kept peak RSS about 15 MB lower.
const DEFAULTS: ParallelSettings = { threads: ALL_CORES, rangeBytes: 1 << 19, minBytes: 64 << 20, mainScans: true };

const fromEnv = (name: string): number | undefined => {
  const raw = process.env[name];
  const value = Number(raw);
  return raw !== undefined && raw !== "" && Number.isInteger(value) && value >= 0 ? value : undefined;
};

/** The caller's settings, else LEDELSESTJEK_THREADS / _RANGE_BYTES / _PARALLEL_MIN_BYTES / _MAIN_SCANS, else the defaults. */
export function parallelSettings(given: Partial<ParallelSettings> = {}): ParallelSettings {
  return {
    threads: given.threads ?? (fromEnv("LEDELSESTJEK_THREADS") === 0 ? ALL_CORES : fromEnv("LEDELSESTJEK_THREADS")) ?? DEFAULTS.threads,
    rangeBytes: Math.max(1, given.rangeBytes ?? fromEnv("LEDELSESTJEK_RANGE_BYTES") ?? DEFAULTS.rangeBytes),
    minBytes: given.minBytes ?? fromEnv("LEDELSESTJEK_PARALLEL_MIN_BYTES") ?? DEFAULTS.minBytes,
    mainScans: given.mainScans ?? (fromEnv("LEDELSESTJEK_MAIN_SCANS") ?? 1) !== 0,
  };
}

export type Range = { start: number; end: number };
export type Head = { text: string; end: number; delimiter: string };

const LF = 10;
/** How much is read at a time to find the line feed that ends a range: a line of a wide export is a few hundred bytes. */
const WINDOW = 1 << 12;

/**
 * Bytes [start, start + length) of the file; into `into` when it is large enough (a range's bytes
 * are scanned at once and dropped: reusing one buffer kept 40 MB of spent ones from waiting for
 * the garbage collector, measured as peak RSS on 400 000 rows).
 */
export function readAt(fd: number, start: number, length: number, into?: Buffer): Buffer {
  const bytes = into && into.length >= length ? into.subarray(0, length) : Buffer.allocUnsafe(length);
  let read = 0;
  while (read < length) {
    const n = readSync(fd, bytes, read, length - read, start + read);
    if (n === 0) break;
    read += n;
  }
  return bytes.subarray(0, read);
}

/** The first line, if it is a plain wide header (no quotes, no stray CR); anything else is left to one thread. */
export function headerOf(fd: number, size: number, encoding: Encoding): Head | undefined {
  const bytes = readAt(fd, 0, Math.min(size, 1 << 20));
  const eol = bytes.indexOf(LF);
  if (eol < 0) return undefined;
  const text = decodeBytes(bytes.subarray(0, eol), encoding).replace(/\r$/, "");
  if (text.trim() === "" || text.includes('"') || text.includes("\r")) return undefined;
  const delimiter = detectDelimiter(text);
  if (formatOfHeader(splitHeader(text, delimiter)) !== "wide") return undefined;
  return { text, end: eol + 1, delimiter };
}

/** Ranges of about `rangeBytes` from `start` to the end, each ending just after a line feed (the last at the end of the file). */
export function cut(fd: number, size: number, start: number, rangeBytes: number): Range[] {
  const ranges: Range[] = [];
  // One buffer for every window: a fresh 64 KB one per range cost 70 ms of page faults on 400 000 rows, before any worker could start.
  const window = Buffer.allocUnsafe(WINDOW);
  let from = start;
  while (from < size) {
    let end = size;
    for (let probe = from + rangeBytes; probe < size; probe += WINDOW) {
      const at = readAt(fd, probe, Math.min(WINDOW, size - probe), window).indexOf(LF);
      if (at >= 0) {
        end = probe + at + 1;
        break;
      }
    }
    ranges.push({ start: from, end });
    from = end;
  }
  return ranges;
}

/**
 * A row's text as the sink's `raw` gives it, from its place in the range read as Latin-1 (as the
 * range readers scan it): the range is read again only when asked. `text` is the whole range so read.
 */
export function rawOf(fd: number, encoding: Encoding, range: Range): { raw: (start: number, end: number) => string; text: () => string } {
  let read: string | undefined;
  const text = () => (read ??= readAt(fd, range.start, range.end - range.start).toString("latin1"));
  return { text, raw: (start, end) => decodeBytes(Buffer.from(text().slice(start, end), "latin1"), encoding, { ignoreBOM: true }).replace(/\r?\n$/, "") };
}
