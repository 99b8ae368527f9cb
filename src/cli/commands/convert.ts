import { tmpdir } from "node:os";
import type { RespondentRow } from "../../adapters/csv/response-reader.ts";
import { CsvTable, EXCEL, STANDARD, StagedOutput } from "../../adapters/csv/table-writer.ts";
import { AnswerKind } from "../../core/scoring/item-stats.ts";
import { allElements } from "../../core/questionnaire/levels.ts";
import { FIXED_COLUMNS } from "../../core/questionnaire/rules.ts";
import { COMMENT_PREFIX, wideColumns } from "../../core/responses/responses.ts";
import { DONT_KNOW } from "../../core/scoring/scoring.ts";
import { compileScoring } from "../../core/scoring/scoring.ts";
import { t } from "../../core/text.ts";
import { UserError } from "../errors.ts";
import type { Io } from "../io.ts";
import { outputPath } from "../load.ts";
import { metadataUnion } from "../peek.ts";
import { openData, readData } from "../read-data.ts";
import { startProvenance, writeProvenanceSidecar } from "../provenance.ts";
import { lastWrites } from "../../adapters/files/last-writes.ts";

export type ConvertOptions = { files: string[]; to?: string; questionnaire?: string; out?: string; lenient?: boolean; rejects?: string; excel?: boolean };

/**
 * Between the wide and the long format (SPEC §3). The data are validated on the way, as by
 * `score`. Comments travel both ways: in the long format each comment is a row of its own with
 * item_id `comment.<element>` and the comment as its value.
 */
export async function convert(options: ConvertOptions, io: Io, stdout: NodeJS.WritableStream = process.stdout): Promise<number> {
  if (options.to !== "long" && options.to !== "wide") throw new UserError(2, t("--to skal være long eller wide", "--to must be long or wide"));
  const toLong = options.to === "long";
  const { files, q } = await openData({ ...options, long: !toLong, outputs: [options.out] }, io);
  const model = compileScoring(q);
  const target = outputPath(options.out, io);
  const output = new StagedOutput(target, tmpdir());
  const provenanceOf = target ? startProvenance(q, files, io) : undefined;
  const table = new CsvTable(output, options.excel ? EXCEL : STANDARD);
  const meta = await metadataUnion(files, model.itemIds);
  const comments = allElements(q).map((element) => `${COMMENT_PREFIX}${element.id}`);
  table.row(toLong ? ["respondent_id", "item_id", "value", ...FIXED_COLUMNS.slice(1), ...meta] : wideColumns(q, meta));
  const cell = (row: RespondentRow, i: number) =>
    row.kinds[i] === AnswerKind.Value ? String(row.values[i]) : row.kinds[i] === AnswerKind.DontKnow ? DONT_KNOW : "";
  const onRow = (row: RespondentRow) => {
    const fixed = [row.questionnaireId, row.version, row.level, row.group, row.submittedAt].map((v) => table.text(v));
    const metaCells = meta.map((name) => table.meta(row.metaValues[row.metaNames.indexOf(name)] ?? ""));
    const commentOf = (name: string) => row.commentValues[row.commentNames.indexOf(name)] ?? "";
    if (toLong) {
      const id = table.text(row.respondentId);
      // The respondent's columns are the same on each of its lines: defused, quoted and joined once, not per line.
      const tail = table.segment([...fixed, ...metaCells]);
      model.itemIds.forEach((item, i) => {
        if (row.kinds[i] !== AnswerKind.Empty) table.rowWith([id, item, cell(row, i)], tail);
      });
      for (const name of comments) {
        const text = commentOf(name);
        if (text.trim() !== "") table.rowWith([id, name, table.text(text)], tail);
      }
    } else {
      table.row([table.text(row.respondentId), ...fixed, ...metaCells, ...model.itemIds.map((_, i) => cell(row, i)), ...comments.map((name) => table.text(commentOf(name)))]);
    }
  };
  const read = await readData(files, q, model, { ...options, long: !toLong }, io, onRow, () => output.drain(), () => output.discard());
  const provenance = await provenanceOf?.(read.perFile);
  await lastWrites(async () => {
    await output.commit(stdout);
    if (provenance) await writeProvenanceSidecar(target, provenance);
    await read.finish();
  });
  return 0;
}
