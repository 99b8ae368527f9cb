import { open, stat } from "node:fs/promises";
import { Quirk } from "../../core/responses/excel-cells.ts";
import { lineEncodings } from "../files/mixed-encoding.ts";
import type { Questionnaire } from "../../core/questionnaire/questionnaire.ts";
import { formatOfHeader, unknownFormatText, type ResponseFormat } from "../../core/responses/response-format.ts";
import type { ScoringModel } from "../../core/scoring/scoring.ts";
import { t } from "../../core/text.ts";
import { CsvScanner, CsvSyntaxError } from "./csv-scan.ts";
import { scanPieces } from "./scan-pieces.ts";
import { decodeBytes, detectDelimiter, detectEncoding, scanFile, splitHeader, type Encoding } from "../files/text-source.ts";
import { LongSink } from "./long-sink.ts";
import { parallelSettings, readInRanges, type ReadOn } from "./parallel/parallel-reader.ts";
import { FileProblem, type ReadOptions, type ReadSummary } from "./respondent-row.ts";
import { syntaxProblem } from "./scan-problem.ts";
import { RowAgain } from "./row-again.ts";
import { WideSink } from "./wide-sink.ts";

/** Where the first line of `bytes` ends (its first CR or LF), or -1. */
const lineEnd = (bytes: Uint8Array): number => {
  const lf = bytes.indexOf(10);
  const cr = bytes.subarray(0, lf < 0 ? bytes.length : lf).indexOf(13);
  return cr >= 0 ? cr : lf;
};

export { FileProblem, metaValue, type AdmitRow, type RowPlace, type DataProblem, type ReadOptions, type ReadSummary, type RespondentRow } from "./respondent-row.ts";

/**
 * Reads a wide or a long response file, told apart by its header, and streams its respondents.
 * A large wide file is read in byte ranges by worker threads (parallel/parallel-reader.ts) with
 * the same sinks; what reaches `options` is the same, call for call, as from this one thread.
 */
export async function readResponses(file: string, q: Questionnaire, model: ScoringModel, options: ReadOptions): Promise<ReadSummary> {
  const encoding = await detectEncoding(file);
  options.readsAs?.(encoding);
  if (encoding === "mixed") await noticeMixed(file, options);
  const stats = await stat(file);
  const size = stats.size;
  const settings = parallelSettings(options.parallel);
  // A row of a regular file can be read again from its place: its fingerprint waits until a second row of its respondent needs it.
  const input: Input = { file, encoding, q, model, options, placed: stats.isFile() };
  if (settings.threads > 1 && size >= settings.minBytes) {
    const summary = await readInRanges({ file, encoding, size, q, model, options, settings }, (on) => readStream(input, on));
    if (summary) return summary;
  }
  return readStream(input);
}

/** A notice for each line in the file's less common encoding (each line is read in its own). */
async function noticeMixed(file: string, options: ReadOptions): Promise<void> {
  const handle = await open(file, "r");
  try {
    const { utf8, windows1252 } = await lineEncodings(handle);
    const [lines, quirk] = utf8.length <= windows1252.length ? [utf8, Quirk.Utf8Lines] : [windows1252, Quirk.Windows1252Lines];
    for (const line of lines) options.onNotice?.({ file, line, quirk });
  } finally {
    await handle.close();
  }
}

type Input = { file: string; encoding: Encoding; q: Questionnaire; model: ScoringModel; options: ReadOptions; placed: boolean };

/** The one-thread reader: from the start, or (`on`) from a line start after the header, with that header. */
async function readStream({ file, encoding, q, model, options, placed }: Input, on?: ReadOn): Promise<ReadSummary> {
  let sink: WideSink | LongSink | undefined;
  let scanner: CsvScanner | undefined;
  let delimiter = ",";
  let format: ResponseFormat = "wide";
  const build = (header: string) => {
    delimiter = detectDelimiter(header);
    // A blank first line falls through to the wide reader, which says the file is empty.
    if (header.trim() !== "") {
      const names = splitHeader(header, delimiter);
      const found = formatOfHeader(names);
      if (!found) throw new FileProblem({ file, line: 1, message: unknownFormatText(names) });
      format = found;
    }
    if (format === "long") sink = new LongSink(file, q, model, options);
    else {
      const wide = (sink = new WideSink(file, q, model, options));
      // The header as the sink reads it, not this first line: a quoted name may hold a line break.
      if (placed) wide.placeRows((read) => new RowAgain({ file, encoding, delimiter, header: read, q, model }).at);
    }
    scanner = new CsvScanner(delimiter.charCodeAt(0), sink);
  };
  try {
    if (on) {
      build(on.header);
      scanner!.scanText(`${on.header}\n`, true);
      scanner!.line = on.line;
      sink!.readBytes(encoding);
    }
    // The bytes are scanned as Latin-1, as the range readers do; a cell with a byte over 127 is decoded by the sink.
    const scan = (bytes: Uint8Array, final: boolean, offset: number): number => {
      if (!scanner) {
        // The header ends at a LF, a CRLF or (Excel's "CSV (Macintosh)") a CR alone.
        const eol = lineEnd(bytes);
        if (eol < 0 && !final) return 0;
        build(decodeBytes(bytes.subarray(0, eol < 0 ? bytes.length : eol), encoding, { ignoreBOM: true }));
        sink!.readBytes(encoding);
      }
      const wide = sink instanceof WideSink ? sink : undefined;
      return scanPieces(scanner!, bytes, final, wide && ((at) => (wide.base = offset + at)));
    };
    await scanFile(file, { encoding, byte: on?.byte ?? 0 }, scan, async (read, size) => {
      options.onProgress?.(read, size);
      await options.drain?.();
    });
    sink!.finish();
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw syntaxProblem(file, err, (col) => sink?.columnName(col));
    throw err;
  }
  if (!sink || sink.columns.length === 0) throw new FileProblem({ file, line: 1, message: t("filen er tom", "the file is empty") });
  return { encoding, delimiter, format, rows: sink.rows, columns: sink.columns };
}
