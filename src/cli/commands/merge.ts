import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import type { RespondentRow } from "../../adapters/csv/response-reader.ts";
import { CsvTable, EXCEL, STANDARD, StagedOutput } from "../../adapters/csv/table-writer.ts";
import { AnswerKind } from "../../core/scoring/item-stats.ts";
import { allElements } from "../../core/questionnaire/levels.ts";
import type { Questionnaire } from "../../core/questionnaire/questionnaire.ts";
import { COMMENT_PREFIX, wideColumns } from "../../core/responses/responses.ts";
import { compileScoring, DONT_KNOW, type ScoringModel } from "../../core/scoring/scoring.ts";
import { t } from "../../core/text.ts";
import { UserError } from "../errors.ts";
import type { Io } from "../io.ts";
import { outputPath } from "../load.ts";
import { metadataUnion } from "../peek.ts";
import { openData, readData, shownPath } from "../read-data.ts";
import { startProvenance, writeProvenanceSidecar } from "../provenance.ts";
import { lastWrites } from "../../adapters/files/last-writes.ts";

export type MergeOptions = {
  files: string[]; out?: string; force?: boolean; questionnaire?: string; lenient?: boolean; rejects?: string; excel?: boolean;
  /** false for a staged file that replaces another (workshop import): no `<out>.provenance.json` is left beside it. */
  sidecar?: boolean;
};

export type MergeSummary = {
  out: string;
  /** Valid rows read from each file, duplicates included, in the order given. */
  files: { file: string; rows: number }[];
  /** Rows dropped because an identical row of the same respondent came first. */
  duplicates: number;
  /** Respondents written: one row each. */
  written: number;
};

/** `merge`: the summary on stderr; the work is `mergeResponses`, which `workshop import` calls too. */
export async function merge(options: MergeOptions, io: Io): Promise<number> {
  if (!options.out) throw new UserError(2, t("merge kræver --out FIL.csv", "merge needs --out FILE.csv"));
  const summary = await mergeResponses(options.files, options.out, options, io);
  const shown = shownPath(io);
  const perFile = summary.files.map(({ file, rows }) => t(`  ${shown(file)}: ${rows} række(r)`, `  ${shown(file)}: ${rows} row(s)`));
  io.err(t(
    `Flettet:\n${perFile.map((l) => l.da).join("\n")}\n${summary.duplicates} ens dublet(ter) talt én gang; ${summary.written} respondenter skrevet til ${shown(summary.out)}.`,
    `Merged:\n${perFile.map((l) => l.en).join("\n")}\n${summary.duplicates} identical duplicate(s) counted once; ${summary.written} respondents written to ${shown(summary.out)}.`,
  )[io.lang]);
  return 0;
}

/**
 * Combines response files of one questionnaire and version into one wide file, one row per
 * respondent (SPEC §3), written via a temporary file beside `out` and a rename: on any error
 * nothing is written and an existing file is left as it was. Metadata columns are the union of
 * the files' (first seen first); every text cell is protected against spreadsheet formulas.
 */
export async function mergeResponses(files: string[], out: string, options: Omit<MergeOptions, "files" | "out">, io: Io): Promise<MergeSummary> {
  const target = outputPath(out, io)!;
  const shown = shownPath(io);
  const data = await openData({ ...options, files, outputs: [target] }, io);
  if (existsSync(target) && !options.force) {
    throw new UserError(2, t(`${shown(target)} findes allerede. Brug --force for at overskrive den.`, `${shown(target)} already exists. Use --force to overwrite it.`));
  }
  const { q } = data;
  const model = compileScoring(q);
  const metadata = await metadataUnion(data.files, model.itemIds);
  // The temporary file lies beside the target (StagedOutput), so the final rename never crosses file systems.
  const output = new StagedOutput(target, tmpdir());
  const provenanceOf = options.sidecar === false ? undefined : startProvenance(q, data.files, io);
  const write = wideRowWriter(q, model, metadata, new CsvTable(output, options.excel ? EXCEL : STANDARD));
  try {
    const read = await readData(data.files, q, model, { ...options, files }, io, write, () => output.drain(), () => output.discard());
    const provenance = await provenanceOf?.(read.perFile);
    await lastWrites(async () => {
      await output.commit(process.stdout);
      if (provenance) await writeProvenanceSidecar(target, provenance);
      await read.finish();
    });
    return { out: target, files: data.files.map((file, i) => ({ file, rows: read.perFile[i]! })), duplicates: read.duplicates, written: read.rows };
  } catch (err) {
    await output.discard();
    throw err;
  }
}

/** Writes the header, then returns a function writing one respondent as a wide row in the header's order. */
function wideRowWriter(q: Questionnaire, model: ScoringModel, metadata: string[], table: CsvTable): (row: RespondentRow) => void {
  table.row(wideColumns(q, metadata));
  const comments = allElements(q).map((element) => `${COMMENT_PREFIX}${element.id}`);
  // Rows of one file share their name arrays, so the column lookups are made once per file.
  const lookups = new WeakMap<readonly string[], number[]>();
  const positions = (names: readonly string[], wanted: readonly string[]) => {
    let found = lookups.get(names);
    if (!found) lookups.set(names, (found = wanted.map((name) => names.indexOf(name))));
    return found;
  };
  const answer = (row: RespondentRow, i: number) =>
    row.kinds[i] === AnswerKind.Value ? String(row.values[i]) : row.kinds[i] === AnswerKind.DontKnow ? DONT_KNOW : "";
  // One array filled in place for every row: spreading four arrays into a new one per row cost more than writing it.
  const items = model.itemIds.length;
  const cells: string[] = new Array<string>(6 + metadata.length + items + comments.length).fill("");
  return (row) => {
    let k = 0;
    for (const v of [row.respondentId, row.questionnaireId, row.version, row.level, row.group, row.submittedAt]) cells[k++] = table.text(v);
    for (const i of positions(row.metaNames, metadata)) cells[k++] = table.meta(i < 0 ? "" : row.metaValues[i]!);
    for (let i = 0; i < items; i++) cells[k++] = answer(row, i);
    for (const i of positions(row.commentNames, comments)) cells[k++] = table.text(i < 0 ? "" : row.commentValues[i]!);
    table.row(cells);
  };
}
