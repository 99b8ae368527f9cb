import { tmpdir } from "node:os";
import type { RespondentRow } from "../../adapters/csv/response-reader.ts";
import { CsvTable, STANDARD, StagedOutput, EXCEL } from "../../adapters/csv/table-writer.ts";
import { elementGaps, itemGaps, DEFAULT_THRESHOLD, type Gap, type PopulationGroups } from "../../core/scoring/gaps.ts";
import { addToBreakdown, emptyBreakdown, mergeBreakdown, type BreakdownPartial, type BreakdownSpec } from "../../core/report/breakdown-fold.ts";
import type { FoldPartial } from "../../core/report/folds.ts";
import { groupOrder } from "../../core/scoring/group-summary.ts";
import { allElements } from "../../core/questionnaire/levels.ts";
import { groupKey, totalKey } from "../../core/report/report.ts";
import { GroupKeys } from "../../core/report/group-keys.ts";
import { compileScoring, scoreValues } from "../../core/scoring/scoring.ts";
import { t } from "../../core/text.ts";
import { UserError } from "../errors.ts";
import { groupingFor, mirrorOrder } from "../grouping.ts";
import type { Io } from "../io.ts";
import { outputPath } from "../load.ts";
import { openData, readData } from "../read-data.ts";
import { byValue } from "./score.ts";
import { startProvenance, writeProvenanceSidecar, type Provenance } from "../provenance.ts";
import { lastWrites } from "../../adapters/files/last-writes.ts";

export type GapsOptions = {
  files: string[];
  questionnaire?: string;
  between?: string;
  mergeLevels?: string[];
  threshold?: string;
  format?: string;
  out?: string;
  excel?: boolean;
  long?: boolean;
  lenient?: boolean;
  rejects?: string;
};

/** Differences between groups (default: levels) per element and item, and mirror against self (SPEC §5). */
export async function gaps(options: GapsOptions, io: Io, stdout: NodeJS.WritableStream = process.stdout): Promise<number> {
  const format = options.format ?? "csv";
  if (format !== "csv" && format !== "json") throw new UserError(2, t(`--format skal være csv eller json, ikke "${format}"`, `--format must be csv or json, not "${format}"`));
  const threshold = options.threshold === undefined ? DEFAULT_THRESHOLD : Number(options.threshold);
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 100) {
    throw new UserError(2, t(`--threshold skal være et antal point fra 0 til 100, ikke "${options.threshold}"`, `--threshold must be a number of points from 0 to 100, not "${options.threshold}"`));
  }
  const column = (options.between ?? "level").trim();
  const { files, q } = await openData({ ...options, outputs: [options.out] }, io);
  const grouping = groupingFor(q, options.mergeLevels);
  const model = compileScoring(q);
  const k = q.anonymity.min_group_size;
  const spec: BreakdownSpec = { kind: "breakdown", byColumns: [column], merges: grouping.merges, levelCounts: false, comments: false, levelsOf: column === "level" };
  const breakdown = emptyBreakdown(spec, q, model);
  const { groups, itemCounts, levelsOf } = breakdown;
  const scores = new Float64Array(model.dimensions.length);
  const target = outputPath(options.out, io);
  const output = new StagedOutput(target, tmpdir());
  const provenanceOf = format === "json" || target ? startProvenance(q, files, io) : undefined;
  const by = [""];
  const keys = new GroupKeys();
  const onRow = (row: RespondentRow) => {
    if (row.scores) scores.set(row.scores);
    else scoreValues(model, model.plans.get(row.level)!, row.values, scores);
    by[0] = byValue(row, column, grouping, "--between");
    const population = grouping.populationOf(row.level);
    addToBreakdown(breakdown, spec, row, by, population, scores, keys.keyOf(population, by));
  };
  // Large files: the parallel reader's workers do the same with their rows (core/report/breakdown-fold.ts).
  const fold = { spec, merge: (p: FoldPartial) => mergeBreakdown(breakdown, p as BreakdownPartial) };
  const read = await readData(files, q, model, { ...options, fold }, io, onRow, async () => undefined, () => output.discard());
  const provenance = await provenanceOf?.(read.perFile);

  const rows = groups.rows(k, groupOrder([column], grouping.order), mirrorOrder(q));
  const elementIds = allElements(q).map((e) => e.id);
  const populations: PopulationGroups[] = groups.populations(mirrorOrder(q)).map((population) => ({
    population,
    totalKey: totalKey(population),
    groups: rows
      .filter((r) => r.population === population && !r.total && r.dimension === model.dimensions[0])
      .map((r) => {
        const key = groupKey(population, [r.by[column]!]);
        return { key, values: [r.by[column]!], levels: [...(levelsOf.get(key) ?? [])], label: r.by[column]! };
      }),
  }));
  const found: Gap[] = [
    ...elementGaps(rows, column, elementIds, threshold),
    ...itemGaps(q, populations, (key, i) => itemCounts.counts(key, i), k, threshold, column === "level" ? grouping.keyOf : undefined),
  ];
  writeGaps(found, { q, threshold, format, excel: options.excel ?? false, provenance }, output);
  await lastWrites(async () => {
    await output.commit(stdout);
    if (format === "csv" && provenance) await writeProvenanceSidecar(target, provenance);
    // As score does: the notices (Excel's readings, identical duplicates) and, with --lenient, the rejects file.
    await read.finish();
  });
  return 0;
}

function writeGaps(found: Gap[], o: { q: { id: string; version: string }; threshold: number; format: string; excel: boolean; provenance: Provenance | undefined }, output: StagedOutput): void {
  if (o.format === "json") {
    output.write(`${JSON.stringify({ questionnaire: { id: o.q.id, version: o.q.version }, threshold: o.threshold, gaps: found, provenance: o.provenance }, null, 2)}\n`);
    return;
  }
  const table = new CsvTable(output, o.excel ? EXCEL : STANDARD);
  table.row(["population", "dimension", "kind", "group_a", "group_b", "n_a", "n_b", "mean_a", "mean_b", "diff", "flagged", "suppressed", "mirror_item"]);
  for (const g of found) {
    table.row([g.population, g.dimension, g.kind, table.text(g.group_a), table.text(g.group_b), String(g.n_a), String(g.n_b), table.number(g.mean_a), table.number(g.mean_b), table.number(g.diff), String(g.flagged), String(g.suppressed), g.mirror_item ?? ""]);
  }
}
