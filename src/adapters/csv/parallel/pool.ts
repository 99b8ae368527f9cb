/** The range workers of the parallel reader, and who scans which range (see parallel-reader.ts). */
import type { Worker } from "node:worker_threads";
import type { FromWorker, Init, ToWorker } from "./protocol.ts";
import { countNewlines, type RangeResult } from "./range-job.ts";
import { readAt, type Range } from "./ranges.ts";
import { spawnRangeWorker } from "./spawn-worker.ts";

/**
 * The workers and who scans which range. Replaying, workers take ranges from two ahead of this
 * thread (the next is left for it to scan directly, unpacked) to a few ahead. Folding, workers take
 * ranges in order from the first, and this thread claims the next untaken one whenever the result
 * it needs next has not come (`claim`).
 */
export class Pool {
  readonly lines: (number | undefined)[];
  readonly counts: (number | undefined)[];
  private readonly owners: (Worker | "main" | undefined)[];
  private readonly cached = new Map<number, Buffer>();
  private readonly results = new Map<number, RangeResult>();
  private workers: Worker[] = [];
  /**
   * Free places in the workers' queues: each worker holds two ranges, so it has the next at hand
   * when it finishes one, rather than waiting for this thread to come up from scanning its own.
   */
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

  /** Range `index`'s result if it has come, else undefined. */
  ready(index: number): RangeResult | undefined {
    if (this.failure) throw this.failure;
    const result = this.results.get(index);
    if (result) this.results.delete(index);
    return result;
  }

  /** The next range nobody has taken, for this thread to scan, unless it is too far ahead; its first line is made known first. */
  claim(): number | undefined {
    const index = this.next;
    // Further ahead than the workers go: it claims only while it would otherwise wait, and folded results are small.
    if (index >= this.ranges.length || index > this.at + 2 * this.ahead()) return undefined;
    // Its first line follows from the line feeds before it: a worker busy scanning may not have sent the count of a range it holds yet.
    for (let k = 0; this.lines[index] === undefined && k < index; k++) {
      if (this.counts[k] === undefined) this.counted(k, countNewlines(this.scratch(k)));
    }
    this.owners[index] = "main";
    this.next = index + 1;
    return index;
  }

  /** How many ranges past the one being processed may be scanned: folded results are small, replayed ones hold every answer. */
  private ahead(): number {
    return this.lead === 0 ? 16 * this.workers.length + 8 : 3 * this.workers.length + 2;
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

  private spare: Buffer | undefined;

  /** Range `i`'s bytes in one reused buffer: valid until the next call, for bytes used at once. */
  scratch(i: number): Buffer {
    const { start, end } = this.ranges[i]!;
    if (!this.spare || this.spare.length < end - start) this.spare = Buffer.allocUnsafe(Math.max(end - start, 1 << 20));
    return readAt(this.fd, start, end - start, this.spare);
  }

  /** Range `i`'s bytes (as `scratch`: used at once), counted. */
  claimed(i: number): Buffer {
    const bytes = this.scratch(i);
    this.counted(i, countNewlines(bytes));
    return bytes;
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
    if (message.type === "ready") this.idle.push(worker, worker);
    else if (message.type === "count") this.counted(message.index, message.newlines);
    else if (message.type === "result") {
      this.results.set(message.index, { rows: message.rows, calls: message.calls, outcome: message.outcome, ...(message.partial ? { partial: message.partial } : {}) });
      this.idle.push(worker);
    } else this.fail(new Error(`range worker: ${message.type === "bug" ? message.message : "header problem after the header was read"}`));
    this.assign();
    // A count may let this thread claim the next range: wake it for any message.
    this.wake?.();
  }

  /** Waits for the next message from a worker (a count or a result). */
  async message(): Promise<void> {
    if (this.failure) throw this.failure;
    await new Promise<void>((resolve) => (this.wake = resolve));
  }

  private assign(): void {
    const ahead = this.ahead();
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
