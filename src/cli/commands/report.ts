import { existsSync } from "node:fs";
import { basename, relative } from "node:path";
import { writeFileAtomic } from "../../adapters/files/atomic-file.ts";
import { toolVersion } from "../../adapters/files/bundled.ts";
import { startProvenance, writeProvenanceSidecar } from "../provenance.ts";
import { loadGoodPractice } from "../../adapters/files/good-practice-file.ts";
import type { RespondentRow } from "../../adapters/csv/response-reader.ts";
import { CsvTable, STANDARD, StagedOutput, type Dialect } from "../../adapters/csv/table-writer.ts";
import { addToBreakdown, emptyBreakdown, mergeBreakdown, type BreakdownPartial, type BreakdownSpec } from "../../core/report/breakdown-fold.ts";
import type { FoldPartial } from "../../core/report/folds.ts";
import { buildReport, type Report } from "../../core/report/report.ts";
import { GroupKeys } from "../../core/report/group-keys.ts";
import { commentsWithheld, reportComments } from "../../core/report/report-comments.ts";
import { itemText } from "../../core/questionnaire/levels.ts";
import { buildReportView } from "../../core/report/report-view.ts";
import { compileScoring, scoreValues } from "../../core/scoring/scoring.ts";
import { t } from "../../core/text.ts";
import { UserError } from "../errors.ts";
import type { Io } from "../io.ts";
import { groupingFor, mirrorOrder } from "../grouping.ts";
import { outputPath } from "../load.ts";
import { openData, readData, shownPath } from "../read-data.ts";
import { byValue, parseBy } from "./score.ts";
import { lastWrites } from "../../adapters/files/last-writes.ts";

export type ReportOptions = {
  files: string[];
  questionnaire?: string;
  by?: string;
  out?: string;
  csv?: string;
  force?: boolean;
  long?: boolean;
  lenient?: boolean;
  rejects?: string;
  mergeLevels?: string[];
  title?: string;
  slides?: boolean;
  comments?: boolean;
};

/** The report's date: SOURCE_DATE_EPOCH when set (reproducible builds), otherwise now. */
export function reportDate(env: Record<string, string | undefined>, now: () => Date = () => new Date()): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === "") return now();
  if (!/^\d+$/.test(epoch)) throw new UserError(2, t(`SOURCE_DATE_EPOCH skal være et antal sekunder, ikke "${epoch}"`, `SOURCE_DATE_EPOCH must be a number of seconds, not "${epoch}"`));
  return new Date(Number(epoch) * 1000);
}

export async function report(options: ReportOptions, io: Io): Promise<number> {
  if (!options.out) throw new UserError(2, t("report kræver --out FIL.pdf", "report needs --out FILE.pdf"));
  const out = outputPath(options.out, io)!;
  const csv = outputPath(options.csv, io);
  const shown = shownPath(io);
  for (const target of [out, csv]) {
    if (target && existsSync(target) && !options.force) {
      throw new UserError(2, t(`${shown(target)} findes allerede. Brug --force for at overskrive den.`, `${shown(target)} already exists. Use --force to overwrite it.`));
    }
  }
  const created = reportDate(io.env);
  // Loading pdfkit and its fonts takes a quarter of a second; start it now so it overlaps the reading.
  const renderer = import("../../adapters/pdf/report-pdf.ts");
  renderer.catch(() => undefined);
  const { files, q, hash } = await openData({ ...options, outputs: [options.out, options.csv] }, io);
  // Hashed beside the reading; the colophon and the CSV's sidecar record the same provenance.
  const provenanceOf = startProvenance(q, files, io);
  const model = compileScoring(q);
  const byColumns = parseBy(options.by);
  const grouping = groupingFor(q, options.mergeLevels);
  // A breakdown that pools levels over items worded per level also counts each level apart, so each wording gets its own bars.
  const perLevelWording = byColumns.length > 0 && !byColumns.includes("level") && q.areas.some((a) => a.elements.some((e) => e.items.some((i) => new Set(q.levels.map((l) => itemText(i, l.id, io.lang))).size > 1)));
  // --comments: the free text per group and element; which groups may show it is decided after reading.
  const spec: BreakdownSpec = { kind: "breakdown", byColumns, merges: grouping.merges, levelCounts: perLevelWording, comments: options.comments ?? false, levelsOf: false };
  const breakdown = emptyBreakdown(spec, q, model);
  const { groups, itemCounts, levelCounts, comments: collected } = breakdown;
  const scores = new Float64Array(model.dimensions.length);
  const values: string[] = byColumns.map(() => "");
  const keys = new GroupKeys();
  const onRow = (row: RespondentRow) => {
    if (row.scores) scores.set(row.scores);
    else scoreValues(model, model.plans.get(row.level)!, row.values, scores);
    for (let i = 0; i < byColumns.length; i++) values[i] = byValue(row, byColumns[i]!, grouping);
    const population = grouping.populationOf(row.level);
    addToBreakdown(breakdown, spec, row, values, population, scores, keys.keyOf(population, values));
  };
  // Large files: the parallel reader's workers do the same with their rows (core/report/breakdown-fold.ts).
  const fold = { spec, merge: (p: FoldPartial) => mergeBreakdown(breakdown, p as BreakdownPartial) };
  const read = await readData(files, q, model, { ...options, fold }, io, onRow, async () => undefined, async () => undefined);
  if (read.rows === 0) throw new UserError(1, t("Der er ingen besvarelser at lave en rapport over.", "There are no responses to report on."));

  const provenance = await provenanceOf(read.perFile);
  const model_ = buildReport({
    // The colophon names each file without its folder, which can name a person.
    q, hash, lang: io.lang, files: files.map((f) => relative(io.cwd, f) || f), provenance: provenance.inputs.map((f) => ({ name: basename(f.name), sha256: f.sha256, rows: f.rows ?? 0 })), levelCounts, date: created.toISOString().slice(0, 10),
    toolVersion: toolVersion(), byColumns, grouping, mirrorOrder: mirrorOrder(q), groups, itemCounts, practice: await loadGoodPractice(q.id),
  });
  const base = buildReportView(q, model_, { title: options.title, submitted: breakdown.dates.first ? { first: breakdown.dates.first, last: breakdown.dates.last } : null, responses: read.rows });
  const view = options.comments ? { ...base, comments: reportComments(model_, base, collected, io.lang), commentsWithheld: commentsWithheld(model_, base, collected, io.lang) } : base;
  const { renderReportPdf, renderSlidesPdf } = await renderer;
  const pdf = await (options.slides ? renderSlidesPdf : renderReportPdf)(model_, view, created);
  await lastWrites(async () => {
    await writeFileAtomic(out, pdf);
    if (csv) await writeReportCsv(csv, model_, q.scale, io);
    if (csv) await writeProvenanceSidecar(csv, provenance);
    await read.finish();
  });
  io.err(t(
    `Rapporten (${read.rows} besvarelser) er skrevet til ${shown(out)}${csv ? ` og tallene til ${shown(csv)}` : ""}.`,
    `The report (${read.rows} responses) is written to ${shown(out)}${csv ? ` and its figures to ${shown(csv)}` : ""}.`,
  )[io.lang]);
  return 0;
}

/**
 * The PDF's figures, with the same cells hidden: the dimension rows (as `score --by`, with
 * population and total, but without min and max: one person's value), then one row per item ×
 * group with its answer counts (`levels` names the levels whose wording a row answers when a
 * breakdown pools levels asked in different words) — the audit trail.
 */
export async function writeReportCsv(path: string, report: Report, scale: { min: number; max: number }, io: Io, dialect: Dialect = STANDARD): Promise<void> {
  const output = new StagedOutput(path, io.cwd);
  const table = new CsvTable(output, dialect);
  const values: number[] = [];
  for (let v = scale.min; v <= scale.max; v++) values.push(v);
  const by = report.byColumns;
  table.row([...by, "population", "dimension", "item_id", "levels", "n", "mean", "sd", "median", "score", ...values.map((v) => `count_${v}`), "count_ved_ikke", "suppressed", "total"]);
  const blanks = values.map(() => "");
  for (const row of report.rows) {
    table.row([
      ...by.map((c) => table.text(row.by[c] ?? "")), row.population, row.dimension, "", "",
      String(row.n), table.number(row.mean), table.number(row.sd), table.number(row.median), "", ...blanks, "", String(row.suppressed), String(row.total),
    ]);
  }
  for (const row of report.itemRows) {
    // On 0-100 the way the report shows it: a reverse-keyed item turned (SPEC §4, step 3).
    const raw = row.mean === null ? null : ((row.mean - scale.min) / (scale.max - scale.min)) * 100;
    const itemScore = raw === null ? null : row.reverse ? 100 - raw : raw;
    table.row([
      ...by.map((c) => table.text(row.by[c] ?? "")), row.population, row.element, row.itemId, row.levels.join("+"),
      String(row.n), table.number(row.mean), "", "", table.number(itemScore),
      ...(row.counts ? row.counts.map(String) : [...blanks, ""]), String(row.suppressed), String(row.total),
    ]);
  }
  await output.commit(process.stdout);
}
