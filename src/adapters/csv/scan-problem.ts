/** The scanner's syntax errors in the reader's words: the same file:line (column) from every path that reads. */
import { t } from "../../core/text.ts";
import { CsvSyntaxError } from "./csv-scan.ts";
import { FileProblem } from "./respondent-row.ts";

export function syntaxProblem(file: string, err: CsvSyntaxError, columnName: (col: number) => string | undefined): FileProblem {
  const column = columnName(err.col);
  return new FileProblem({
    file,
    line: err.line,
    ...(column ? { column } : {}),
    message: err.code === "unclosed_quote"
      ? t("et felt i anførselstegn lukkes aldrig", "a quoted field is never closed")
      : t("tekst efter et afsluttende anførselstegn", "text after a closing quote"),
  });
}
