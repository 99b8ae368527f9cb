/** A range worker: a RangeJob on its own thread, fed ranges by the parallel reader. */
import { openSync, readSync } from "node:fs";
import { parentPort } from "node:worker_threads";
import { FileProblem } from "../respondent-row.ts";
import type { FromWorker, ToWorker } from "./protocol.ts";
import { countNewlines, RangeJob } from "./range-job.ts";
import { transferables } from "./row-pack.ts";

const port = parentPort!;
const post = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
const bug = (err: unknown) => post({ type: "bug", message: err instanceof Error ? (err.stack ?? err.message) : String(err) });

let job: RangeJob | undefined;
const spare: Buffer[] = [];
let fd = -1;
const lines = new Map<number, number>();
const waiting = new Map<number, (line: number) => void>();

const lineOf = (index: number): Promise<number> =>
  lines.has(index) ? Promise.resolve(lines.get(index)!) : new Promise((resolve) => waiting.set(index, resolve));

async function range(message: Extract<ToWorker, { type: "range" }>): Promise<void> {
  // Buffers are reused (at most two ranges wait here at a time): spent ones would wait for the garbage collector.
  const length = message.end - message.start;
  const buffer = spare.pop();
  const bytes = buffer && buffer.length >= length ? buffer.subarray(0, length) : Buffer.allocUnsafe(Math.max(length, 1 << 20)).subarray(0, length);
  for (let read = 0; read < bytes.length; ) read += readSync(fd, bytes, read, bytes.length - read, message.start + read);
  const newlines = countNewlines(bytes);
  // The main thread needs this count to tell the ranges after this one their first line.
  post({ type: "count", index: message.index, newlines });
  const line = await lineOf(message.index);
  lines.delete(message.index);
  const result = job!.scan(bytes, line, newlines, message.last);
  spare.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.buffer.byteLength - bytes.byteOffset));
  post({ type: "result", index: message.index, ...result }, transferables(result.rows));
}

port.on("message", (message: ToWorker) => {
  try {
    if (message.type === "init") {
      try {
        job = new RangeJob(message);
      } catch (err) {
        if (err instanceof FileProblem) return post({ type: "header-problem", problem: err.problem });
        throw err;
      }
      fd = openSync(message.file, "r");
      post({ type: "ready" });
    } else if (message.type === "line") {
      const resolve = waiting.get(message.index);
      if (resolve) {
        waiting.delete(message.index);
        resolve(message.line);
      } else lines.set(message.index, message.line);
    } else range(message).catch(bug);
  } catch (err) {
    bug(err);
  }
});
