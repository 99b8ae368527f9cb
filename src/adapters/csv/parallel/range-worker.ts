/**
 * A range worker: reads the header once with the same WideSink as the one-thread reader, then
 * scans the byte ranges it is given, packing each respondent row and recording every other call
 * the sink makes (problems, notices) in order, for the main thread to replay.
 */
import { openSync, readSync } from "node:fs";
import { parentPort } from "node:worker_threads";
import { CsvScanner, CsvSyntaxError } from "../csv-scan.ts";
import { FileProblem, type ReadOptions } from "../respondent-row.ts";
import { syntaxProblem } from "../scan-problem.ts";
import { WideSink } from "../wide-sink.ts";
import type { ForwardedCall, FromWorker, Outcome, ToWorker } from "./protocol.ts";
import { RowPacker, transferables, type RowShape } from "./row-pack.ts";

const port = parentPort!;
const post = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

/** The sink, remembering where the current record lies in the text so a row's `raw` can be rebuilt. */
class SpanSink extends WideSink {
  spanStart = 0;
  spanEnd = 0;
  override record(fields: number, line: number, buf: string, start: number, end: number): void {
    this.spanStart = start;
    this.spanEnd = end;
    super.record(fields, line, buf, start, end);
  }
  names(): { metaNames: string[]; commentNames: string[] } {
    // The header's metadata and comment columns, in the order WideSink gives rows their values.
    // They are WideSink's private fields, read here rather than changing the sink (its per-row code is shared).
    const self = this as unknown as { metaNames: unknown; commentNames: unknown };
    if (!Array.isArray(self.metaNames) || !Array.isArray(self.commentNames)) throw new Error("WideSink no longer keeps metaNames/commentNames");
    return { metaNames: self.metaNames as string[], commentNames: self.commentNames as string[] };
  }
}

type State = { init: Extract<ToWorker, { type: "init" }>; fd: number; sink: SpanSink; shape: RowShape; packer: RowPacker; calls: ForwardedCall[] };
let state: State | undefined;
const lines = new Map<number, number>();
const waiting = new Map<number, (line: number) => void>();

function init(message: Extract<ToWorker, { type: "init" }>): void {
  const callbacks: Record<string, unknown> = {};
  for (const name of message.callbacks) {
    callbacks[name] = (...args: unknown[]) => {
      state!.calls.push({ at: state!.packer.count, name, args });
    };
  }
  const options = {
    ...callbacks,
    long: false,
    onRow: (row) => state!.packer.add(row, state!.sink.spanStart, state!.sink.spanEnd),
    onProblem: callbacks.onProblem as ReadOptions["onProblem"],
  } satisfies ReadOptions;
  const sink = new SpanSink(message.file, message.q, message.model, options);
  try {
    new CsvScanner(message.delimiter.charCodeAt(0), sink).scan(`${message.header}\n`, true);
  } catch (err) {
    if (err instanceof FileProblem) return post({ type: "header-problem", problem: err.problem });
    if (err instanceof CsvSyntaxError) return post({ type: "header-problem", problem: syntaxProblem(message.file, err, (c) => sink.columnName(c)).problem });
    throw err;
  }
  const shape: RowShape = { items: message.model.itemIds.length, ...sink.names() };
  state = { init: message, fd: openSync(message.file, "r"), sink, shape, packer: new RowPacker(shape, message.model), calls: [] };
  post({ type: "ready", shape, columns: sink.columns });
}

const lineOf = (index: number): Promise<number> =>
  lines.has(index) ? Promise.resolve(lines.get(index)!) : new Promise((resolve) => waiting.set(index, resolve));

async function range(message: Extract<ToWorker, { type: "range" }>): Promise<void> {
  const s = state!;
  const bytes = Buffer.allocUnsafe(message.end - message.start);
  for (let read = 0; read < bytes.length; ) read += readSync(s.fd, bytes, read, bytes.length - read, message.start + read);
  let newlines = 0;
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) newlines++;
  post({ type: "count", index: message.index, newlines });
  const line = await lineOf(message.index);
  lines.delete(message.index);
  // ignoreBOM: a byte-order mark inside the file is a character of the data, as in the one-thread stream.
  const text = new TextDecoder(s.init.encoding, { ignoreBOM: true }).decode(bytes);
  s.packer = new RowPacker(s.shape, s.init.model, Math.ceil(s.packer.count * 1.05) + 16);
  s.calls = [];
  const scanner = new CsvScanner(s.init.delimiter.charCodeAt(0), s.sink);
  scanner.line = line;
  let outcome: Outcome = { kind: "done" };
  try {
    scanner.scan(text, true);
    // Each record ends on a line feed only where the lines the scanner counted match the line feeds
    // (a lone CR ends a record too); and a range that does not end with one may end inside a field.
    const unterminated = bytes.length > 0 && bytes[bytes.length - 1] !== 10 ? 1 : 0;
    if (scanner.line - line !== newlines + unterminated || (unterminated && !message.last)) outcome = { kind: "unsafe" };
  } catch (err) {
    if (err instanceof CsvSyntaxError && err.code === "unclosed_quote" && !message.last) outcome = { kind: "unsafe" };
    else if (err instanceof CsvSyntaxError) outcome = { kind: "fatal", problem: syntaxProblem(s.init.file, err, (c) => s.sink.columnName(c)).problem };
    else if (err instanceof FileProblem) outcome = { kind: "fatal", problem: err.problem };
    else outcome = { kind: "bug", message: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  const rows = s.packer.done();
  post({ type: "result", index: message.index, rows, calls: s.calls, outcome }, transferables(rows));
}

port.on("message", (message: ToWorker) => {
  try {
    if (message.type === "init") init(message);
    else if (message.type === "line") {
      const resolve = waiting.get(message.index);
      if (resolve) {
        waiting.delete(message.index);
        resolve(message.line);
      } else lines.set(message.index, message.line);
    } else {
      range(message).catch((err: unknown) => post({ type: "bug", message: err instanceof Error ? (err.stack ?? err.message) : String(err) }));
    }
  } catch (err) {
    post({ type: "bug", message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
