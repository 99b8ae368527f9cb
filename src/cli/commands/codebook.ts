import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { csvLine } from "../../adapters/csv/csv-write.ts";
import { writeFileAtomic } from "../../adapters/files/atomic-file.ts";
import { bundledFor, bundledIds, toolVersion } from "../../adapters/files/bundled.ts";
import { sameVersion } from "../../core/responses/excel-cells.ts";
import { inputFileProblem } from "../../adapters/files/file-check.ts";
import { buildCodebook, type Codebook } from "../../core/codebook/codebook.ts";
import { renderMarkdown } from "../../core/codebook/markdown.ts";
import { renderR } from "../../core/codebook/r-script.ts";
import { renderSpss, type SyntaxOptions } from "../../core/codebook/spss.ts";
import { renderStata } from "../../core/codebook/stata.ts";
import { t, type Lang } from "../../core/text.ts";
import { UserError } from "../errors.ts";
import type { Io } from "../io.ts";
import { loadQuestionnaire, outputPath } from "../load.ts";
import { peekFile } from "../peek.ts";

export type CodebookOptions = { questionnaire?: string; format?: string; data?: string; out?: string };

const FORMATS = ["md", "csv", "sps", "r", "do"] as const;
type Format = (typeof FORMATS)[number];

/**
 * `codebook` (SPEC §5, "For researchers"): the data dictionary of the wide CSV, or syntax for SPSS,
 * R or Stata that reads it. With an existing --data file its own header decides the columns and
 * their order (metadata such as `kommune` included), so the syntax reads exactly that file.
 */
export async function codebook(options: CodebookOptions, io: Io): Promise<number> {
  const format = (options.format ?? "md").toLowerCase() as Format;
  if (!FORMATS.includes(format)) {
    throw new UserError(2, t(`--format skal være en af ${FORMATS.join(", ")}, ikke "${options.format}"`, `--format must be one of ${FORMATS.join(", ")}, not "${options.format}"`));
  }
  const data = options.data ?? "besvarelser.csv";
  const target = outputPath(options.out, io);
  const dataFile = resolve(io.cwd, data);
  // A folder or a named pipe as --data: say so before anything opens it (a pipe would block).
  const problem = existsSync(dataFile) ? inputFileProblem(dataFile) : undefined;
  if (problem) throw new UserError(1, t(`Kan ikke læse ${data}: ${problem.da}.`, `Cannot read ${data}: ${problem.en}.`));
  const peeked = existsSync(dataFile) ? await peekFile(dataFile) : undefined;
  if (peeked && peeked.format !== "wide") {
    throw new UserError(1, t(
      `${data}: kodebogen beskriver det brede format, men filens overskrift er ${peeked.format === "long" ? "det lange format" : "ingen af formaterne"}. Lav en bred fil med: ledelsestjek convert ${data} --to wide --out bred.csv`,
      `${data}: the codebook describes the wide format, but the file's header is ${peeked.format === "long" ? "the long format" : "neither format"}. Make a wide file with: ledelsestjek convert ${data} --to wide --out wide.csv`,
    ));
  }
  const guess = options.questionnaire ?? (peeked?.id && bundledIds().includes(peeked.id.id) ? bundledFor(peeked.id.id, peeked.id.version) : undefined);
  const { questionnaire: q } = await loadQuestionnaire(guess, io);
  // A data file of another questionnaire or version says nothing about this one's columns. The version
  // is compared as the reader does: Danish Excel re-saves "2.1" as "2,1" and "2.0" as "2" (SPEC §5).
  const sameQuestionnaire = (id: { id: string; version: string }) => id.id === q.id && (id.version === q.version || sameVersion(id.version, q.version));
  const other = peeked?.id && !sameQuestionnaire(peeked.id) ? peeked.id : undefined;
  if (other && options.questionnaire === undefined) {
    throw new UserError(1, t(
      `${data} er besvarelser til ${other.id} ${other.version}, som ikke er indbygget. Angiv spørgeskemaets fil: ledelsestjek codebook SKEMA.yaml --data ${data}`,
      `${data} holds responses to ${other.id} ${other.version}, which is not bundled. Name the questionnaire's file: ledelsestjek codebook QUESTIONNAIRE.yaml --data ${data}`,
    ));
  }
  if (other && options.data !== undefined) {
    throw new UserError(1, t(
      `${data} er besvarelser til ${other.id} ${other.version}, ikke ${q.id} ${q.version}. Lav kodebogen til filens eget spørgeskema (udelad SKEMA), eller vælg en anden --data.`,
      `${data} holds responses to ${other.id} ${other.version}, not ${q.id} ${q.version}. Make the codebook for the file's own questionnaire (leave out the questionnaire argument), or choose another --data.`,
    ));
  }
  const header = other ? undefined : peeked?.columns;
  if (other) io.err(t(`Bemærk: ${data} er til ${other.id} ${other.version}; kodebogen viser kolonnerne, som run skriver dem for ${q.id} ${q.version}.`, `Note: ${data} is for ${other.id} ${other.version}; the codebook shows the columns run writes for ${q.id} ${q.version}.`)[io.lang]);
  const book = buildCodebook(q, io.lang, header);
  // The syntax names the data file by its absolute path, so it runs from any folder (pspp /x/c.sps, source(), do).
  const syntax: SyntaxOptions = { data: dataFile, delimiter: (header && peeked?.delimiter) || ",", toolVersion: toolVersion() };
  const text = render(book, format, syntax, io.lang);
  if (target) {
    await writeFileAtomic(target, text);
    io.err(t(`Kodebogen er skrevet til ${options.out}.`, `The codebook was written to ${options.out}.`)[io.lang]);
  } else {
    io.out(text);
  }
  return 0;
}

function render(book: Codebook, format: Format, syntax: SyntaxOptions, lang: Lang): string {
  switch (format) {
    case "md":
      return renderMarkdown(book, lang);
    case "sps":
      return renderSpss(book, syntax);
    case "r":
      return renderR(book, syntax);
    case "do":
      return renderStata(book, syntax);
    case "csv":
      return codebookCsv(book);
  }
}

/** One row per column of the data file; list fields joined with `;`, wordings as `level: text` joined with ` | `. */
function codebookCsv(book: Codebook): string {
  const header = ["column", "variable", "kind", "label", "element", "element_label", "area", "area_label", "levels", "wording", "reverse", "mirror_of", "rates", "mirrored_by", "source", "citation", "values", "missing"];
  const missing = `empty = ${book.missing.empty}; ${book.missing.ved_ikke}`;
  const rows = book.columns.map((c) => [
    c.column, c.variable, c.kind, c.label, c.element ?? "", c.element_label ?? "", c.area ?? "", c.area_label ?? "",
    c.levels?.join(";") ?? "", c.wording?.map((w) => `${w.level}: ${w.text}`).join(" | ") ?? "",
    c.reverse === null ? "" : String(c.reverse), c.mirror_of ?? "", c.rates ?? "", c.mirrored_by?.join(";") ?? "", c.source ?? "", c.citation ?? "",
    c.values ? Object.entries(c.values).map(([v, label]) => `${v}=${label}`).join("; ") : "",
    c.kind === "item" ? missing : "",
  ]);
  return [header, ...rows].map((cells) => csvLine(cells)).join("");
}
