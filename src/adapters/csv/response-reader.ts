import type { Questionnaire } from "../../core/questionnaire/questionnaire.ts";
import { formatOfHeader, unknownFormatText, type ResponseFormat } from "../../core/responses/response-format.ts";
import type { ScoringModel } from "../../core/scoring/scoring.ts";
import { t } from "../../core/text.ts";
import { CsvScanner, CsvSyntaxError } from "./csv-scan.ts";
import { detectDelimiter, readTextChunks, splitHeader } from "../files/text-source.ts";
import { LongSink } from "./long-sink.ts";
import { FileProblem, type ReadOptions, type ReadSummary } from "./respondent-row.ts";
import { WideSink } from "./wide-sink.ts";

export { FileProblem, metaValue, type DataProblem, type ReadOptions, type ReadSummary, type RespondentRow } from "./respondent-row.ts";

/** Reads a wide or a long response file, told apart by its header, and streams its respondents. */
export async function readResponses(file: string, q: Questionnaire, model: ScoringModel, options: ReadOptions): Promise<ReadSummary> {
  const source = await readTextChunks(file);
  let sink: WideSink | LongSink | undefined;
  let scanner: CsvScanner | undefined;
  let buffer = "";
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
    sink = format === "long" ? new LongSink(file, q, model, options) : new WideSink(file, q, model, options);
    scanner = new CsvScanner(delimiter.charCodeAt(0), sink);
  };
  try {
    for await (const { text, bytes } of source.chunks) {
      buffer = buffer.length > 0 ? buffer + text : text;
      if (!scanner) {
        const eol = buffer.search(/\r?\n/);
        if (eol < 0) continue;
        build(buffer.slice(0, eol));
      }
      buffer = buffer.slice(scanner!.scan(buffer, false));
      options.onProgress?.(bytes, source.size);
    }
    if (!scanner) build(buffer);
    scanner!.scan(buffer, true);
    sink!.finish();
  } catch (err) {
    if (err instanceof CsvSyntaxError) {
      const column = sink?.columnName(err.col);
      throw new FileProblem({
        file,
        line: err.line,
        ...(column ? { column } : {}),
        message: err.code === "unclosed_quote"
          ? t("et felt i anførselstegn lukkes aldrig", "a quoted field is never closed")
          : t("tekst efter et afsluttende anførselstegn", "text after a closing quote"),
      });
    }
    throw err;
  }
  if (!sink || sink.columns.length === 0) throw new FileProblem({ file, line: 1, message: t("filen er tom", "the file is empty") });
  return { encoding: source.encoding, delimiter, format, rows: sink.rows, columns: sink.columns };
}
