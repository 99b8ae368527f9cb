/**
 * Reading a large wide file with every core. The bytes after the header are cut into ranges of
 * whole lines, handled in file order by this thread: a range nobody has taken it scans itself with
 * its own WideSink, straight into `options`; ranges further ahead go to worker threads (the same
 * WideSink, rows packed), whose rows and recorded calls (problems, notices) it replays in turn.
 * So whatever consumes the rows sees exactly the calls the one-thread reader makes.
 *
 * Folding (ReadOptions.fold: score --by, report, gaps), every range is scanned by a RangeJob —
 * by a worker, or by this thread when the result it needs next is not ready — which folds its
 * rows itself and sends back only their ids, fingerprints and places with the partial sums. This
 * thread checks the ids in file order (one respondent, one row), folds a range again without a
 * duplicate it finds (refold.ts), and merges the partial sums in file order.
 *
 * A range's first line is known before it is scanned (the line feeds before it are counted first),
 * so line numbers are the file's own. A split is only right at a line feed that ends a record: a
 * range ending inside a quoted field, or with records not ending at its line feeds (a lone CR), is
 * read on from there in this thread. Small, long-format and quoted-header files use one thread.
 */
import { closeSync, openSync } from "node:fs";
import type { Questionnaire } from "../../../core/questionnaire/questionnaire.ts";
import type { ScoringModel } from "../../../core/scoring/scoring.ts";
import type { Encoding } from "../../files/text-source.ts";
import { CsvScanner, CsvSyntaxError } from "../csv-scan.ts";
import { FileProblem, type ReadOptions, type ReadSummary } from "../respondent-row.ts";
import { scanPieces } from "../scan-pieces.ts";
import { syntaxProblem } from "../scan-problem.ts";
import { WideSink } from "../wide-sink.ts";
import type { Init } from "./protocol.ts";
import { sinkNames, type RangeResult } from "./range-job.ts";
import { cut, headerOf, rawOf, readAt, type ParallelSettings } from "./ranges.ts";
import { lightRows } from "./light-rows.ts";
import { RowUnpacker } from "./row-pack.ts";
import { Pool } from "./pool.ts";
import { Refold } from "./refold.ts";
import { foldFits } from "../../../core/report/folds.ts";

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
    const scan = (read: () => number): number => {
      try {
        return read();
      } catch (err) {
        throw err instanceof CsvSyntaxError ? syntaxProblem(file, err, (col) => sink.columnName(col)) : err;
      }
    };
    scan(() => scanner.scanText(`${head.text}\n`, true));
    // Ranges are scanned as bytes, a cell with a byte over 127 decoded by the sink.
    sink.readBytes(encoding);
    const callbacks = Object.keys(options).filter((k) => k.startsWith("on") && k !== "onRow" && k !== "onProgress" && typeof (options as Record<string, unknown>)[k] === "function");
    // Folding needs every --by column in the header; without one, rows are replayed and the first reports it.
    const fold = options.fold && foldFits(options.fold.spec, sinkNames(sink).metaNames) ? options.fold : undefined;
    const init: Init = { file, encoding, delimiter: head.delimiter, header: head.text, q, model, callbacks, ...(fold ? { fold: fold.spec } : {}) };
    const refold = new Refold(init);
    // Folding, this thread scans into results too, whenever the next result it needs is not ready, so it never waits on a worker while there is a range to scan.
    const pool = new Pool(fd, init, ranges, Math.min(settings.threads - 1, ranges.length - 1), settings.mainScans && !fold);
    const local = new Map<number, RangeResult>();
    /** Ranges whose rows came back from elsewhere, and (folding) those this thread scanned itself among them. */
    let byWorkers = 0;
    let byThisThread = 0;
    const folded = async (i: number): Promise<RangeResult> => {
      for (;;) {
        const mine = local.get(i);
        if (mine) {
          local.delete(i);
          byThisThread++;
          return mine;
        }
        const ready = pool.ready(i);
        if (ready) return ready;
        const j = settings.mainScans ? pool.claim() : undefined;
        if (j === undefined) {
          await pool.message();
          continue;
        }
        const bytes = pool.claimed(j);
        local.set(j, refold.job().scan(bytes, pool.lines[j]!, pool.counts[j]!, j === ranges.length - 1));
        // Let the workers' messages in: ranges handed out, counts and results received.
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    const unpacker = new RowUnpacker(file, { items: model.itemIds.length, ...sinkNames(sink) }, model.dimensions.length);
    const named = options as unknown as Record<string, (...args: unknown[]) => void>;
    let replayed = 0;
    const rows = () => replayed + sink.rows;
    const on = async (at: ReadOn) => {
      await pool.stop();
      const rest = await readOn(at);
      return { ...rest, rows: rows() + rest.rows, ranges: { total: ranges.length, byWorkers: byWorkers - byThisThread, oneThreadFrom: at.byte } };
    };
    try {
      for (let i = 0; i < ranges.length; i++) {
        const last = i === ranges.length - 1;
        const range = ranges[i]!;
        pool.reach(i);
        if (!fold && pool.mine(i)) {
          const bytes = pool.bytes(i);
          const line = pool.lines[i]!;
          scanner.line = line;
          const end = scan(() => scanPieces(scanner, bytes, last));
          // A record runs past the range (a quoted line break): read on from its start.
          if (!last && end < bytes.length) return await on({ byte: range.start + end, line: scanner.line, header: head.text });
          if (!last && scanner.line !== line + pool.counts[i]!) return await on({ byte: range.end, line: scanner.line, header: head.text });
          // Let the workers' messages in: ranges handed out, counts and results received.
          await new Promise((resolve) => setImmediate(resolve));
        } else {
          const result = fold ? await folded(i) : await pool.result(i);
          if (result.outcome.kind === "unsafe") return await on({ byte: range.start, line: pool.lines[i]!, header: head.text });
          const { calls } = result;
          let next = 0;
          const before = (at: number) => {
            while (next < calls.length && calls[next]!.at === at) {
              const call = calls[next++]!;
              named[call.name]?.(...call.args);
            }
          };
          const { raw, text } = rawOf(fd, encoding, range);
          if (fold && result.partial) {
            const excluded = new Set<number>();
            lightRows(file, result.rows, raw, range.start, refold.rowAt, before, (row, r) => {
              replayed++;
              if (!fold.admit(row, () => refold.row(text(), result.rows.spans, r, row.line))) excluded.add(r);
            });
            if (result.outcome.kind === "done") fold.merge(excluded.size === 0 ? result.partial : refold.range(readAt(fd, range.start, range.end - range.start), pool.lines[i]!, pool.counts[i]!, last, excluded));
          } else {
            unpacker.replay(result.rows, raw, before, (row) => {
              replayed++;
              options.onRow(row);
            });
          }
          if (result.outcome.kind === "fatal") throw new FileProblem(result.outcome.problem);
          if (result.outcome.kind === "bug") throw new Error(`range worker: ${result.outcome.message}`);
          byWorkers++;
        }
        options.onProgress?.(range.end, size);
        await options.drain?.();
      }
      sink.finish();
      return { encoding, delimiter: head.delimiter, format: "wide", rows: rows(), columns: sink.columns, ranges: { total: ranges.length, byWorkers: byWorkers - byThisThread } };
    } finally {
      await pool.stop();
    }
  } finally {
    closeSync(fd);
  }
}
