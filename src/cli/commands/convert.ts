import { tmpdir } from "node:os";
import type { RespondentRow } from "../../adapters/csv/response-reader.ts";
import { CsvTable, STANDARD, StagedOutput } from "../../adapters/csv/table-writer.ts";
import { AnswerKind } from "../../core/scoring/item-stats.ts";
import { FIXED_COLUMNS } from "../../core/questionnaire/rules.ts";
import { DONT_KNOW } from "../../core/scoring/scoring.ts";
import { compileScoring } from "../../core/scoring/scoring.ts";
import { t } from "../../core/text.ts";
import { UserError } from "../errors.ts";
import type { Io } from "../io.ts";
import { outputPath } from "../load.ts";
import { openData, readData } from "../read-data.ts";
import { startProvenance, writeProvenanceSidecar } from "../provenance.ts";

export type ConvertOptions = { files: string[]; to?: string; questionnaire?: string; out?: string; lenient?: boolean; rejects?: string };

/**
 * Between the wide and the long format (SPEC §3). The data are validated on the way, as by
 * `score`; comment columns are not carried, since the long format has no place for them.
 */
export async function convert(options: ConvertOptions, io: Io, stdout: NodeJS.WritableStream = process.stdout): Promise<number> {
  if (options.to !== "long" && options.to !== "wide") throw new UserError(2, t("--to skal være long eller wide", "--to must be long or wide"));
  const toLong = options.to === "long";
  const { files, q } = await openData({ ...options, long: !toLong }, io);
  const model = compileScoring(q);
  const target = outputPath(options.out, io);
  const output = new StagedOutput(target, tmpdir());
  const provenanceOf = target ? startProvenance(q, files, io) : undefined;
  const table = new CsvTable(output, STANDARD);
  let meta: readonly string[] | undefined;
  const cell = (row: RespondentRow, i: number) =>
    row.kinds[i] === AnswerKind.Value ? String(row.values[i]) : row.kinds[i] === AnswerKind.DontKnow ? DONT_KNOW : "";
  const onRow = (row: RespondentRow) => {
    if (meta === undefined) {
      meta = [...row.metaNames];
      table.row(toLong ? ["respondent_id", "item_id", "value", ...FIXED_COLUMNS.slice(1), ...meta] : [...FIXED_COLUMNS, ...meta, ...model.itemIds]);
    }
    const fixed = [row.questionnaireId, row.version, row.level, row.group, row.submittedAt].map((v) => table.text(v));
    const metaCells = meta.map((name) => table.text(row.metaValues[row.metaNames.indexOf(name)] ?? ""));
    if (toLong) {
      model.itemIds.forEach((id, i) => {
        if (row.kinds[i] !== AnswerKind.Empty) table.row([table.text(row.respondentId), id, cell(row, i), ...fixed, ...metaCells]);
      });
    } else {
      table.row([table.text(row.respondentId), ...fixed, ...metaCells, ...model.itemIds.map((_, i) => cell(row, i))]);
    }
  };
  const read = await readData(files, q, model, { ...options, long: !toLong }, io, onRow, () => output.drain(), () => output.discard());
  await output.commit(stdout);
  if (provenanceOf) await writeProvenanceSidecar(target, await provenanceOf(read.perFile));
  await read.finish();
  return 0;
}
