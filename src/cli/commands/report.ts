import { existsSync } from "node:fs";
import { relative } from "node:path";
import { writeFileAtomic } from "../../adapters/atomic-file.ts";
import { toolVersion } from "../../adapters/bundled.ts";
import { loadGoodPractice } from "../../adapters/good-practice-file.ts";
import type { RespondentRow } from "../../adapters/response-reader.ts";
import { CsvTable, STANDARD, StagedOutput } from "../../adapters/table-writer.ts";
import { GroupItemCounts } from "../../core/group-items.ts";
import { GroupSummary, type GroupRow } from "../../core/group-summary.ts";
import { buildReport, groupKey } from "../../core/report.ts";
import { buildReportView } from "../../core/report-view.ts";
import { compileScoring, scoreValues } from "../../core/scoring.ts";
import { t } from "../../core/text.ts";
import { UserError } from "../errors.ts";
import type { Io } from "../io.ts";
import { outputPath } from "../load.ts";
import { openData, readData, shownPath } from "../read-data.ts";
import { byValue, parseBy } from "./score.ts";

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
  title?: string;
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
  const { files, q, hash } = await openData(options, io);
  const model = compileScoring(q);
  const byColumns = parseBy(options.by);
  const groups = new GroupSummary(byColumns, model.dimensions);
  const itemCounts = new GroupItemCounts(model.itemIds.length, q.scale.min, q.scale.max);
  const scores = new Float64Array(model.dimensions.length);
  const values: string[] = byColumns.map(() => "");
  // The collection period: the first and last submission date (ISO strings sort as dates).
  let first = "";
  let last = "";
  const onRow = (row: RespondentRow) => {
    const day = row.submittedAt.slice(0, 10);
    if (day && (first === "" || day < first)) first = day;
    if (day > last) last = day;
    scoreValues(model, model.plans.get(row.level)!, row.values, scores);
    for (let i = 0; i < byColumns.length; i++) values[i] = byValue(row, byColumns[i]!);
    groups.add(values, scores);
    itemCounts.add(groupKey(values), row.values, row.kinds);
  };
  const read = await readData(files, q, model, options, io, onRow, async () => undefined, async () => undefined);
  if (read.rows === 0) throw new UserError(1, t("Der er ingen besvarelser at lave en rapport over.", "There are no responses to report on."));

  const model_ = buildReport({
    q, hash, lang: io.lang, files: files.map((f) => relative(io.cwd, f) || f), date: created.toISOString().slice(0, 10),
    toolVersion: toolVersion(), byColumns, groups, itemCounts, practice: loadGoodPractice(q.id),
  });
  const view = buildReportView(q, model_, { title: options.title, submitted: first ? { first, last } : null });
  const { renderReportPdf } = await import("../../adapters/pdf.ts");
  const pdf = await renderReportPdf(model_, view, created);
  await writeFileAtomic(out, pdf);
  if (csv) await writeReportCsv(csv, byColumns, model_.rows, io);
  await read.finish();
  io.err(t(
    `Rapporten (${read.rows} besvarelser) er skrevet til ${shown(out)}${csv ? ` og tallene til ${shown(csv)}` : ""}.`,
    `The report (${read.rows} responses) is written to ${shown(out)}${csv ? ` and its figures to ${shown(csv)}` : ""}.`,
  )[io.lang]);
  return 0;
}

async function writeReportCsv(path: string, byColumns: string[], rows: GroupRow[], io: Io): Promise<void> {
  const output = new StagedOutput(path, io.cwd);
  const table = new CsvTable(output, STANDARD);
  table.row([...byColumns, "dimension", "n", "mean", "sd", "median", "min", "max", "suppressed"]);
  for (const row of rows) {
    table.row([
      ...byColumns.map((c) => table.text(row.by[c] ?? "")),
      row.dimension, String(row.n), table.number(row.mean), table.number(row.sd), table.number(row.median), table.number(row.min), table.number(row.max), String(row.suppressed),
    ]);
  }
  await output.commit(process.stdout);
}
