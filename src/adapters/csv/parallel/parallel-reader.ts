/**
 * Reading a large wide file with every core. The bytes after the header are cut into ranges of
 * whole lines; worker threads scan and check them with the same WideSink as the one-thread
 * reader, and this thread replays their rows and forwarded calls (problems, notices) range by
 * range, in file order — so whatever consumes them (scoring, the one-row-per-respondent check,
 * group summaries, output in file order) sees exactly the calls the one-thread reader makes.
 *
 * A range's first line is known before it is scanned (the line feeds of the ranges before it are
 * counted first), so every line number is the file's own. Splitting at a line feed is only right
 * when that line feed ends a record: a range that ends inside a quoted field, or whose records do
 * not end where its line feeds are (a lone CR), is "unsafe", and the file is read on from that
 * range's start in this thread. Small files, long-format files and headers with quotes are read
 * in one thread from the start.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import type { Questionnaire } from "../../../core/questionnaire/questionnaire.ts";
import { formatOfHeader } from "../../../core/responses/response-format.ts";
import type { ScoringModel } from "../../../core/scoring/scoring.ts";
import { detectDelimiter, splitHeader, type Encoding } from "../../files/text-source.ts";
import { FileProblem, type ReadOptions, type ReadSummary } from "../respondent-row.ts";
import type { FromWorker, ToWorker } from "./protocol.ts";
import { RowUnpacker, type PackedRows, type RowShape } from "./row-pack.ts";
import { spawnRangeWorker } from "./spawn-worker.ts";
import type { ForwardedCall, Outcome } from "./protocol.ts";

export type ParallelSettings = { threads: number; rangeBytes: number; minBytes: number };

/** Where the one-thread reader takes over: a line start, its line number, and the header. */
export type ReadOn = { byte: number; line: number; header: string };

const DEFAULTS: ParallelSettings = { threads: Math.min(availableParallelism(), 8), rangeBytes: 4 << 20, minBytes: 8_000_000 };

const fromEnv = (name: string): number | undefined => {
  const value = Number(process.env[name]);
  return process.env[name] !== undefined && process.env[name] !== "" && Number.isInteger(value) && value >= 0 ? value : undefined;
};

/** The settings: the caller's, else LEDELSESTJEK_THREADS / _RANGE_BYTES / _PARALLEL_MIN_BYTES, else the defaults. */
export function parallelSettings(given: Partial<ParallelSettings> = {}): ParallelSettings {
  return {
    threads: given.threads ?? fromEnv("LEDELSESTJEK_THREADS") ?? DEFAULTS.threads,
    rangeBytes: Math.max(1, given.rangeBytes ?? fromEnv("LEDELSESTJEK_RANGE_BYTES") ?? DEFAULTS.rangeBytes),
    minBytes: given.minBytes ?? fromEnv("LEDELSESTJEK_PARALLEL_MIN_BYTES") ?? DEFAULTS.minBytes,
  };
}

type Input = { file: string; encoding: Encoding; size: number; q: Questionnaire; model: ScoringModel; options: ReadOptions; settings: ParallelSettings };
type Result = { rows: PackedRows; calls: ForwardedCall[]; outcome: Outcome };

/** Reads the file in ranges, or returns undefined when it is to be read in one thread from the start. */
export async function readInRanges(input: Input, readOn: (on: ReadOn) => Promise<ReadSummary>): Promise<ReadSummary | undefined> {
  const { file, encoding, size, options, settings } = input;
  const fd = openSync(file, "r");
  try {
    const head = headerOf(fd, size, encoding);
    if (!head) return undefined;
    const ranges = cut(fd, size, head.end, settings.rangeBytes);
    if (ranges.length < 2) return undefined;
    const pool = new Pool(input, head, ranges);
    try {
      const { shape, columns } = await pool.start(Math.min(settings.threads, ranges.length));
      const unpacker = new RowUnpacker(file, shape, input.model.dimensions.length);
      const callbacks = options as unknown as Record<string, (...args: unknown[]) => void>;
      let rows = 0;
      for (let i = 0; i < ranges.length; i++) {
        const result = await pool.result(i);
        if (result.outcome.kind === "unsafe") {
          await pool.stop();
          const rest = await readOn({ byte: ranges[i]!.start, line: pool.lines[i]!, header: head.text });
          return { ...rest, rows: rows + rest.rows };
        }
        const { calls } = result;
        let next = 0;
        const before = (at: number) => {
          while (next < calls.length && calls[next]!.at === at) {
            const call = calls[next++]!;
            callbacks[call.name]?.(...call.args);
          }
        };
        unpacker.replay(result.rows, rawOf(fd, encoding, ranges[i]!), before, (row) => {
          rows++;
          options.onRow(row);
        });
        if (result.outcome.kind === "fatal") throw new FileProblem(result.outcome.problem);
        if (result.outcome.kind === "bug") throw new Error(`range worker: ${result.outcome.message}`);
        options.onProgress?.(ranges[i]!.end, size);
      }
      return { encoding, delimiter: head.delimiter, format: "wide", rows, columns };
    } finally {
      await pool.stop();
    }
  } finally {
    closeSync(fd);
  }
}

type Range = { start: number; end: number };
type Head = { text: string; end: number; delimiter: string };

const LF = 10;
const WINDOW = 1 << 16;

function readAt(fd: number, start: number, length: number): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  let read = 0;
  while (read < length) {
    const n = readSync(fd, bytes, read, length - read, start + read);
    if (n === 0) break;
    read += n;
  }
  return bytes.subarray(0, read);
}

/** The first line, if it is a plain wide header (no quotes, no stray CR); anything else is left to one thread. */
function headerOf(fd: number, size: number, encoding: Encoding): Head | undefined {
  const bytes = readAt(fd, 0, Math.min(size, 1 << 20));
  const eol = bytes.indexOf(LF);
  if (eol < 0) return undefined;
  const text = new TextDecoder(encoding).decode(bytes.subarray(0, eol)).replace(/\r$/, "");
  if (text.trim() === "" || text.includes('"') || text.includes("\r")) return undefined;
  const delimiter = detectDelimiter(text);
  if (formatOfHeader(splitHeader(text, delimiter)) !== "wide") return undefined;
  return { text, end: eol + 1, delimiter };
}

/** Ranges of about `rangeBytes` from `start` to the end, each ending just after a line feed (the last at the end of the file). */
function cut(fd: number, size: number, start: number, rangeBytes: number): Range[] {
  const ranges: Range[] = [];
  let from = start;
  while (from < size) {
    let end = size;
    for (let probe = from + rangeBytes; probe < size; probe += WINDOW) {
      const at = readAt(fd, probe, Math.min(WINDOW, size - probe)).indexOf(LF);
      if (at >= 0) {
        end = Math.max(probe + at + 1, from + 1);
        break;
      }
    }
    ranges.push({ start: from, end });
    from = end;
  }
  return ranges;
}

/** A row's text as the sink's `raw` gives it: the range is read again and decoded the same way, only when asked. */
function rawOf(fd: number, encoding: Encoding, range: Range): (start: number, end: number) => string {
  let text: string | undefined;
  return (start, end) => {
    text ??= new TextDecoder(encoding, { ignoreBOM: true }).decode(readAt(fd, range.start, range.end - range.start));
    return text.slice(start, end).replace(/\r?\n$/, "");
  };
}

/** The workers, the ranges handed to them (at most two per worker waiting to be replayed), and their results. */
class Pool {
  readonly lines: (number | undefined)[];
  private readonly counts: (number | undefined)[];
  private readonly owners: (Worker | undefined)[];
  private readonly results = new Map<number, Result>();
  private workers: Worker[] = [];
  private idle: Worker[] = [];
  private next = 0;
  private consumed = 0;
  private wake: (() => void) | undefined;
  private failure: Error | undefined;

  constructor(
    private readonly input: Input,
    private readonly head: Head,
    private readonly ranges: Range[],
  ) {
    this.lines = ranges.map(() => undefined);
    this.counts = ranges.map(() => undefined);
    this.owners = ranges.map(() => undefined);
    this.lines[0] = 2;
  }

  async start(n: number): Promise<{ shape: RowShape; columns: string[] }> {
    const { file, encoding, q, model, options } = this.input;
    const callbacks = Object.keys(options).filter((k) => k.startsWith("on") && k !== "onRow" && k !== "onProgress" && typeof (options as Record<string, unknown>)[k] === "function");
    const init: ToWorker = { type: "init", file, encoding, delimiter: this.head.delimiter, header: this.head.text, q, model, callbacks };
    this.workers = Array.from({ length: n }, () => spawnRangeWorker());
    const ready = this.workers.map(
      (worker) =>
        new Promise<Extract<FromWorker, { type: "ready" }>>((resolve, reject) => {
          worker.on("error", (err) => this.fail(err));
          worker.on("message", (message: FromWorker) => {
            if (message.type === "ready") resolve(message);
            else if (message.type === "header-problem") reject(new FileProblem(message.problem));
            else if (message.type === "bug") reject(new Error(`range worker: ${message.message}`));
            else this.receive(worker, message);
          });
          worker.once("error", reject);
          worker.postMessage(init);
        }),
    );
    const [first] = await Promise.all(ready);
    this.idle = [...this.workers];
    this.assign();
    return { shape: first!.shape, columns: first!.columns };
  }

  async result(index: number): Promise<Result> {
    for (;;) {
      if (this.failure) throw this.failure;
      const result = this.results.get(index);
      if (result) {
        this.results.delete(index);
        this.consumed = index + 1;
        this.assign();
        return result;
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  async stop(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private fail(err: Error): void {
    this.failure ??= err;
    this.wake?.();
  }

  private receive(worker: Worker, message: FromWorker): void {
    if (message.type === "count") {
      this.counts[message.index] = message.newlines;
      // Each range's first line follows from the counts before it, in order.
      for (let i = 0; i + 1 < this.ranges.length && this.lines[i] !== undefined && this.counts[i] !== undefined; i++) {
        if (this.lines[i + 1] === undefined) {
          this.lines[i + 1] = this.lines[i]! + this.counts[i]!;
          this.owners[i + 1]?.postMessage({ type: "line", index: i + 1, line: this.lines[i + 1]! } satisfies ToWorker);
        }
      }
    } else if (message.type === "result") {
      this.results.set(message.index, { rows: message.rows, calls: message.calls, outcome: message.outcome });
      this.idle.push(worker);
      this.assign();
      this.wake?.();
    } else if (message.type === "bug") this.fail(new Error(`range worker: ${message.message}`));
  }

  private assign(): void {
    const window = 2 * this.workers.length;
    while (this.idle.length > 0 && this.next < this.ranges.length && this.next < this.consumed + window) {
      const worker = this.idle.shift()!;
      const index = this.next++;
      const { start, end } = this.ranges[index]!;
      this.owners[index] = worker;
      worker.postMessage({ type: "range", index, start, end, last: index === this.ranges.length - 1 } satisfies ToWorker);
      if (this.lines[index] !== undefined) worker.postMessage({ type: "line", index, line: this.lines[index]! } satisfies ToWorker);
    }
  }
}
