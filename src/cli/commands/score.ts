import { tmpdir } from "node:os";
import { FileProblem, metaValue, type RespondentRow } from "../../adapters/csv/response-reader.ts";
import { CsvTable, EXCEL, STANDARD, StagedOutput, type Dialect } from "../../adapters/csv/table-writer.ts";
import type { FoldPartial } from "../../core/report/folds.ts";
import type { GroupSummaryPartial } from "../../core/scoring/group-summary.ts";
import { groupOrder, GroupSummary } from "../../core/scoring/group-summary.ts";
import { ItemStatistics } from "../../core/scoring/item-stats.ts";
import type { LevelGrouping } from "../../core/scoring/level-groups.ts";
import { bandFor } from "../../core/questionnaire/levels.ts";
import type { Questionnaire } from "../../core/questionnaire/questionnaire.ts";
import { compileScoring, scoreValues, type ScoringModel } from "../../core/scoring/scoring.ts";
import { hiddenReason } from "../../core/disclosure/disclosure-text.ts";
import { t } from "../../core/text.ts";
import { UserError } from "../errors.ts";
import type { Io } from "../io.ts";
import { ItemGroups, writeItemStats } from "../item-stats-output.ts";
import { groupingFor, mirrorOrder } from "../grouping.ts";
import { outputPath } from "../load.ts";
import { metadataUnion } from "../peek.ts";
import { openData, readData } from "../read-data.ts";
import { startProvenance, writeProvenanceSidecar, type Provenance } from "../provenance.ts";
import { lastWrites } from "../../adapters/files/last-writes.ts";

export type ScoreOptions = {
  files: string[];
  questionnaire?: string;
  by?: string;
  itemStats?: boolean;
  format?: string;
  out?: string;
  long?: boolean;
  lenient?: boolean;
  excel?: boolean;
  rejects?: string;
  mergeLevels?: string[];
};

export async function score(options: ScoreOptions, io: Io, stdout: NodeJS.WritableStream = process.stdout): Promise<number> {
  const format = options.format ?? "csv";
  if (format !== "csv" && format !== "json") throw new UserError(2, t(`--format skal være csv eller json, ikke "${format}"`, `--format must be csv or json, not "${format}"`));
  if (options.excel && format === "json") throw new UserError(2, t("--excel gælder kun CSV", "--excel applies to CSV only"));
  const { files, q } = await openData({ ...options, outputs: [options.out] }, io);
  const model = compileScoring(q);
  const byColumns = parseBy(options.by);
  const grouping = groupingFor(q, options.mergeLevels);
  const dialect: Dialect = options.excel ? EXCEL : STANDARD;
  const target = outputPath(options.out, io);
  const output = new StagedOutput(target, tmpdir());
  // Hashing is skipped where nothing would record it (CSV to standard output).
  const provenanceOf = format === "json" || target ? startProvenance(q, files, io) : undefined;

  const groups = byColumns.length > 0 && !options.itemStats ? new GroupSummary(byColumns, model.dimensions) : undefined;
  const items = options.itemStats ? new ItemStatistics(q, model, grouping) : undefined;
  // --item-stats --by: the items broken down by the --by groups (as the report's item rows), not by level.
  const itemGroups = items && byColumns.length > 0 ? new ItemGroups(byColumns, grouping) : undefined;
  const perRespondent = !groups && !items ? respondentWriter(q, model, output, dialect, format, await metadataUnion(files, model.itemIds)) : undefined;
  const scores = new Float64Array(model.dimensions.length);
  const byValues: string[] = byColumns.map(() => "");

  const onRow = (row: RespondentRow) => {
    if (row.scores) scores.set(row.scores);
    else scoreValues(model, model.plans.get(row.level)!, row.values, scores);
    if (groups || itemGroups) for (let i = 0; i < byColumns.length; i++) byValues[i] = byValue(row, byColumns[i]!, grouping);
    groups?.add(byValues, scores, grouping.populationOf(row.level));
    items?.add(row.level, row.values, row.kinds, itemGroups?.key(row.level, byValues));
    perRespondent?.row(row, scores);
  };
  // Group figures are sums over rows: the parallel reader's workers fold their rows into groups themselves.
  const fold = groups ? { spec: { kind: "groups" as const, byColumns, merges: grouping.merges }, merge: (p: FoldPartial) => groups.mergePartial(p as GroupSummaryPartial) } : undefined;
  const read = await readData(files, q, model, { ...options, ...(fold ? { fold } : {}) }, io, onRow, () => output.drain(), () => output.discard());

  const provenance = await provenanceOf?.(read.perFile);
  if (groups) writeGroups(q, groups, byColumns, grouping, output, dialect, format, io, provenance);
  if (items) writeItemStats(q, items.result(q.anonymity.min_group_size, itemGroups?.order), output, dialect, format, io.lang, provenance, itemGroups);
  perRespondent?.end(provenance);
  await lastWrites(async () => {
    await output.commit(stdout);
    if (format === "csv" && provenance) await writeProvenanceSidecar(target, provenance);
    await read.finish();
  });
  return 0;
}

export const parseBy = (by: string | undefined): string[] => (by ? by.split(",").map((c) => c.trim()).filter(Boolean) : []);

/** The value of a --by column for a row; a column the file lacks stops the run. */
export function byValue(row: RespondentRow, column: string, grouping?: LevelGrouping, option = "--by"): string {
  if (column === "level") return grouping ? grouping.keyOf(row.level) : row.level;
  if (column === "group") return row.group;
  const value = metaValue(row, column);
  if (value === undefined) {
    const available = ["level", "group", ...row.metaNames].join(", ");
    throw new FileProblem({ file: row.file, line: 1, column, message: t(`${option} ${column}: kolonnen findes ikke i filen (mulige: ${available})`, `${option} ${column}: the file has no such column (possible: ${available})`) });
  }
  return value;
}

/** Per respondent; the files' metadata columns (kommune, wave…) follow the scores, so SPEC §5's columns keep their places. */
function respondentWriter(q: Questionnaire, model: ScoringModel, output: StagedOutput, dialect: Dialect, format: string, metadata: string[]) {
  const dims = model.dimensions;
  const metaOf = (row: RespondentRow) => metadata.map((name) => metaValue(row, name) ?? "");
  if (format === "json") {
    let first = true;
    output.write(`{"questionnaire":${JSON.stringify({ id: q.id, version: q.version })},"respondents":[`);
    return {
      row(row: RespondentRow, scores: Float64Array) {
        const s: Record<string, number | null> = {};
        const b: Record<string, string | null> = {};
        dims.forEach((dim, i) => {
          const v = scores[i]!;
          s[dim] = Number.isNaN(v) ? null : v;
          b[dim] = bandFor(s[dim], q.bands)?.label ?? null;
        });
        const meta = metadata.length > 0 ? { metadata: Object.fromEntries(metadata.map((name, i) => [name, metaOf(row)[i]!])) } : {};
        output.write(`${first ? "" : ","}\n${JSON.stringify({ respondent_id: row.respondentId, level: row.level, group: row.group, scores: s, bands: b, ...meta })}`);
        first = false;
      },
      // The provenance comes last: the row counts are known only once every file is read.
      end: (provenance: Provenance | undefined) => output.write(`\n],"provenance":${JSON.stringify(provenance)}}\n`),
    };
  }
  const table = new CsvTable(output, dialect);
  table.row(["respondent_id", "level", "group", ...dims, ...metadata]);
  const cells: string[] = new Array(dims.length + 3 + metadata.length);
  return {
    row(row: RespondentRow, scores: Float64Array) {
      cells[0] = table.text(row.respondentId);
      cells[1] = row.level;
      cells[2] = table.text(row.group);
      for (let i = 0; i < dims.length; i++) cells[i + 3] = table.number(scores[i]);
      for (let i = 0; i < metadata.length; i++) cells[i + 3 + dims.length] = table.meta(metaValue(row, metadata[i]!) ?? "");
      table.row(cells);
    },
    end: (_provenance: Provenance | undefined) => undefined,
  };
}

function writeGroups(q: Questionnaire, groups: GroupSummary, byColumns: string[], grouping: LevelGrouping, output: StagedOutput, dialect: Dialect, format: string, io: Io, provenance: Provenance | undefined): void {
  const rows = groups.rows(q.anonymity.min_group_size, groupOrder(byColumns, grouping.order), mirrorOrder(q));
  if (format === "json") {
    // Field by field, not `({ why, ...row }) => ({ ...row, reason })`: V8 copies spread objects slowly (see publish in group-summary.ts).
    const groupsJson = rows.map((r) => ({
      by: r.by, population: r.population, dimension: r.dimension, total: r.total, n: r.n, mean: r.mean, sd: r.sd, median: r.median, min: r.min, max: r.max, suppressed: r.suppressed,
      reason: r.why ? hiddenReason(r.why, q.anonymity.min_group_size)[io.lang] : null,
    }));
    output.write(`${JSON.stringify({ questionnaire: { id: q.id, version: q.version }, merged_levels: grouping.merges, groups: groupsJson, provenance }, null, 2)}\n`);
    return;
  }
  const table = new CsvTable(output, dialect);
  table.row([...byColumns, "population", "dimension", "n", "mean", "sd", "median", "min", "max", "suppressed", "total"]);
  for (const row of rows) {
    table.row([
      ...byColumns.map((c) => table.text(row.by[c] ?? "")),
      row.population,
      row.dimension,
      String(row.n),
      table.number(row.mean),
      table.number(row.sd),
      table.number(row.median),
      table.number(row.min),
      table.number(row.max),
      String(row.suppressed),
      String(row.total),
    ]);
  }
}
