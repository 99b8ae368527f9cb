/**
 * Reading a large wide file with every core. The bytes after the header are cut into ranges of
 * whole lines, handled in file order by this thread: a range nobody has taken it scans itself with
 * its own WideSink, straight into `options`; ranges further ahead go to worker threads (the same
 * WideSink, rows packed), whose rows and recorded calls (problems, notices) it replays in turn.
 * So whatever consumes the rows sees exactly the calls the one-thread reader makes.
 *
 * A range's first line is known before it is scanned (the line feeds before it are counted first),
 * so line numbers are the file's own. A split is only right at a line feed that ends a record: a
 * range ending inside a quoted field, or with records not ending at its line feeds (a lone CR), is
 * read on from there in this thread. Small, long-format and quoted-header files use one thread.
 */
import { closeSync, openSync } from "node:fs";
import type { Worker } from "node:worker_threads";
import type { Questionnaire } from "../../../core/questionnaire/questionnaire.ts";
import type { ScoringModel } from "../../../core/scoring/scoring.ts";
import type { Encoding } from "../../files/text-source.ts";
import { CsvScanner, CsvSyntaxError } from "../csv-scan.ts";
import { FileProblem, type ReadOptions, type ReadSummary } from "../respondent-row.ts";
import { syntaxProblem } from "../scan-problem.ts";
import { WideSink } from "../wide-sink.ts";
import type { FromWorker, Init, ToWorker } from "./protocol.ts";
import { countNewlines, sinkNames, type RangeResult } from "./range-job.ts";
import { cut, headerOf, rawOf, readAt, type ParallelSettings, type Range } from "./ranges.ts";
import { RowUnpacker } from "./row-pack.ts";
import { spawnRangeWorker } from "./spawn-worker.ts";

export { parallelSettings, type ParallelSettings } from "./ranges.ts";

/** Where the one-thread reader takes over: a line start, its line number, and the header. */
export type ReadOn = { byte: number; line: number; header: string };

type Input = { file: string; encoding: Encoding; size: number; q: Questionnaire; model: ScoringModel; options: ReadOptions; settings: ParallelSettings };

/** Reads the file in ranges, or returns undefined when it is to be read in one thread from the start. */
export async function readInRanges(input: Input, readOn: (on: ReadOn) => Promise<ReadSummary>): Promise<ReadSummary | undefined> {
  const { file, encoding, size, q, model, options, settings } = input;
  const fd = openSync(file, "r");
  try {
    const head = headerOf(fd, size, encoding);
    if (!head) return undefined;
    const ranges = cut(fd, size, head.end, settings.rangeBytes);
    if (ranges.length < 2) return undefined;
    // This thread's sink reads the header first: its problems are the one-thread reader's.
    const sink = new WideSink(file, q, model, options);
    const scanner = new CsvScanner(head.delimiter.charCodeAt(0), sink);
    const scan = (text: string, final: boolean): number => {
      try {
        return scanner.scan(text, final);
      } catch (err) {
        throw err instanceof CsvSyntaxError ? syntaxProblem(file, err, (col) => sink.columnName(col)) : err;
      }
    };
    scan(`${head.text}\n`, true);
    const callbacks = Object.keys(options).filter((k) => k.startsWith("on") && k !== "onRow" && k !== "onProgress" && typeof (options as Record<string, unknown>)[k] === "function");
    const init: Init = { file, encoding, delimiter: head.delimiter, header: head.text, q, model, callbacks };
    const pool = new Pool(fd, init, ranges, Math.min(settings.threads - 1, ranges.length - 1), settings.mainScans);
    const unpacker = new RowUnpacker(file, { items: model.itemIds.length, ...sinkNames(sink) }, model.dimensions.length);
    const named = options as unknown as Record<string, (...args: unknown[]) => void>;
    let replayed = 0;
    let byWorkers = 0;
    const rows = () => replayed + sink.rows;
    const on = async (at: ReadOn) => {
      await pool.stop();
      const rest = await readOn(at);
      return { ...rest, rows: rows() + rest.rows, ranges: { total: ranges.length, byWorkers, oneThreadFrom: at.byte } };
    };
    try {
      for (let i = 0; i < ranges.length; i++) {
        const last = i === ranges.length - 1;
        const range = ranges[i]!;
        pool.reach(i);
        if (pool.mine(i)) {
          const bytes = pool.bytes(i);
          const line = pool.lines[i]!;
          const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
          scanner.line = line;
          const end = scan(text, last);
          if (!last && end < text.length) {
            // A record runs past the range (a quoted line break): read on from its start.
            const before = text.slice(0, end);
            return await on({ byte: range.start + (encoding === "utf-8" ? Buffer.byteLength(before, "utf8") : before.length), line: scanner.line, header: head.text });
          }
          if (!last && scanner.line !== line + pool.counts[i]!) return await on({ byte: range.end, line: scanner.line, header: head.text });
          // Let the workers' messages in: ranges handed out, counts and results received.
          await new Promise((resolve) => setImmediate(resolve));
        } else {
          const result = await pool.result(i);
          if (result.outcome.kind === "unsafe") return await on({ byte: range.start, line: pool.lines[i]!, header: head.text });
          const { calls } = result;
          let next = 0;
          const before = (at: number) => {
            while (next < calls.length && calls[next]!.at === at) {
              const call = calls[next++]!;
              named[call.name]?.(...call.args);
            }
          };
          unpacker.replay(result.rows, rawOf(fd, encoding, range), before, (row) => {
            replayed++;
            options.onRow(row);
          });
          if (result.outcome.kind === "fatal") throw new FileProblem(result.outcome.problem);
          if (result.outcome.kind === "bug") throw new Error(`range worker: ${result.outcome.message}`);
          byWorkers++;
        }
        options.onProgress?.(range.end, size);
      }
      sink.finish();
      return { encoding, delimiter: head.delimiter, format: "wide", rows: rows(), columns: sink.columns, ranges: { total: ranges.length, byWorkers } };
    } finally {
      await pool.stop();
    }
  } finally {
    closeSync(fd);
  }
}

/** The workers and who scans which range: workers take ranges from two ahead of this thread (the next is left for it to scan directly, unpacked) to a few ahead. */
class Pool {
  readonly lines: (number | undefined)[];
  readonly counts: (number | undefined)[];
  private readonly owners: (Worker | "main" | undefined)[];
  private readonly cached = new Map<number, Buffer>();
  private readonly results = new Map<number, RangeResult>();
  private workers: Worker[] = [];
  private idle: Worker[] = [];
  private next: number;
  private at = 0;
  /** How far ahead of this thread the workers start: 2 leaves it the next range; 0 leaves it none. */
  private readonly lead: number;
  private wake: (() => void) | undefined;
  private failure: Error | undefined;

  constructor(
    private readonly fd: number,
    init: Init,
    private readonly ranges: Range[],
    n: number,
    mainScans: boolean,
  ) {
    this.lead = mainScans ? 2 : 0;
    this.next = mainScans ? 1 : 0;
    this.lines = ranges.map(() => undefined);
    this.counts = ranges.map(() => undefined);
    this.owners = ranges.map(() => undefined);
    this.lines[0] = 2;
    for (let w = 0; w < n; w++) {
      const worker = spawnRangeWorker();
      worker.on("error", (err) => this.fail(err));
      worker.on("message", (message: FromWorker) => this.receive(worker, message));
      worker.postMessage({ type: "init", ...init } satisfies ToWorker);
      this.workers.push(worker);
    }
  }

  /** This thread has reached range `i`. */
  reach(i: number): void {
    this.at = i;
    this.assign();
  }

  /** Whether range `i` is this thread's to scan (then it is claimed). */
  mine(i: number): boolean {
    if (this.owners[i] === undefined && this.lead > 0) this.owners[i] = "main";
    return this.owners[i] === "main";
  }

  /** The bytes of one of this thread's ranges, counted. */
  bytes(i: number): Buffer {
    const bytes = this.cached.get(i) ?? this.count(i);
    this.cached.delete(i);
    return bytes;
  }

  async result(index: number): Promise<RangeResult> {
    for (;;) {
      if (this.failure) throw this.failure;
      const result = this.results.get(index);
      if (result) {
        this.results.delete(index);
        return result;
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  async stop(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    this.idle = [];
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private count(i: number): Buffer {
    const { start, end } = this.ranges[i]!;
    const bytes = readAt(this.fd, start, end - start);
    this.counted(i, countNewlines(bytes));
    return bytes;
  }

  private counted(i: number, newlines: number): void {
    this.counts[i] = newlines;
    // Each range's first line follows from the counts before it, in order.
    for (let k = 0; k + 1 < this.ranges.length && this.lines[k] !== undefined && this.counts[k] !== undefined; k++) {
      if (this.lines[k + 1] !== undefined) continue;
      this.lines[k + 1] = this.lines[k]! + this.counts[k]!;
      const owner = this.owners[k + 1];
      if (owner && owner !== "main") owner.postMessage({ type: "line", index: k + 1, line: this.lines[k + 1]! } satisfies ToWorker);
    }
  }

  private fail(err: Error): void {
    this.failure ??= err;
    this.wake?.();
  }

  private receive(worker: Worker, message: FromWorker): void {
    if (message.type === "ready") this.idle.push(worker);
    else if (message.type === "count") this.counted(message.index, message.newlines);
    else if (message.type === "result") {
      this.results.set(message.index, { rows: message.rows, calls: message.calls, outcome: message.outcome });
      this.idle.push(worker);
      this.wake?.();
    } else this.fail(new Error(`range worker: ${message.type === "bug" ? message.message : "header problem after the header was read"}`));
    this.assign();
  }

  private assign(): void {
    const ahead = 3 * this.workers.length + 2;
    while (this.idle.length > 0) {
      const index = Math.max(this.next, this.at + this.lead);
      if (index >= this.ranges.length || index > this.at + ahead) return;
      // The ranges skipped are this thread's: count them now, so the worker learns its first line.
      for (let k = this.next; k < index; k++) {
        if (this.owners[k] !== undefined) continue;
        this.owners[k] = "main";
        if (this.counts[k] === undefined) this.cached.set(k, this.count(k));
      }
      const worker = this.idle.shift()!;
      this.next = index + 1;
      this.owners[index] = worker;
      const { start, end } = this.ranges[index]!;
      worker.postMessage({ type: "range", index, start, end, last: index === this.ranges.length - 1 } satisfies ToWorker);
      if (this.lines[index] !== undefined) worker.postMessage({ type: "line", index, line: this.lines[index]! } satisfies ToWorker);
    }
  }
}
