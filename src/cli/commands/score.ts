import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { relative, resolve } from "node:path";
import { bundledIds } from "../../adapters/bundled.ts";
import { FileProblem, metaValue, readResponses, type DataProblem, type RespondentRow } from "../../adapters/response-reader.ts";
import { CsvTable, EXCEL, STANDARD, StagedOutput, type Dialect } from "../../adapters/table-writer.ts";
import { groupOrder, GroupSummary } from "../../core/group-summary.ts";
import { ItemStatistics } from "../../core/item-stats.ts";
import { bandFor } from "../../core/levels.ts";
import type { Questionnaire } from "../../core/questionnaire.ts";
import { compileScoring, scoreValues, type ScoringModel } from "../../core/scoring.ts";
import { t } from "../../core/text.ts";
import { UserError } from "../errors.ts";
import type { Io } from "../io.ts";
import { loadQuestionnaire } from "../load.ts";
import { peekQuestionnaire } from "../peek.ts";
import { progressBar } from "../progress-bar.ts";
import { writeItemStats } from "../item-stats-output.ts";
import { writeRejects } from "../rejects.ts";

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
};

const SHOWN_PROBLEMS = 20;
/** Strict mode stops reading after this many bad rows: enough to see the pattern. */
const MAX_PROBLEMS = 200;

class TooManyProblems extends Error {}

export async function score(options: ScoreOptions, io: Io, stdout: NodeJS.WritableStream = process.stdout): Promise<number> {
  const format = options.format ?? "csv";
  if (format !== "csv" && format !== "json") throw new UserError(2, t(`--format skal være csv eller json, ikke "${format}"`, `--format must be csv or json, not "${format}"`));
  if (options.itemStats && options.by) throw new UserError(2, t("--item-stats og --by kan ikke bruges sammen (spørgsmålsstatistik er altid pr. niveau)", "--item-stats and --by cannot be combined (item statistics are always per level)"));
  if (options.excel && format === "json") throw new UserError(2, t("--excel gælder kun CSV", "--excel applies to CSV only"));
  const files = options.files.map((f) => resolve(io.cwd, f));
  const shown = (file: string) => relative(io.cwd, file) || file;
  const absent = files.filter((f) => !existsSync(f));
  if (absent.length > 0) throw new UserError(1, t(`Filen findes ikke: ${absent.map(shown).join(", ")}`, `File not found: ${absent.map(shown).join(", ")}`));

  const q = await chooseQuestionnaire(files, options, io, shown);
  const model = compileScoring(q);
  const byColumns = options.by ? options.by.split(",").map((c) => c.trim()).filter(Boolean) : [];
  const dialect: Dialect = options.excel ? EXCEL : STANDARD;
  const output = new StagedOutput(options.out ? resolve(io.cwd, options.out) : undefined, tmpdir());
  const problems: DataProblem[] = [];
  const bar = progressBar(io, io.lang === "da" ? "Læser" : "Reading");

  const groups = byColumns.length > 0 ? new GroupSummary(byColumns, model.dimensions) : undefined;
  const items = options.itemStats ? new ItemStatistics(q, model) : undefined;
  const perRespondent = !groups && !items ? respondentWriter(q, model, output, dialect, format) : undefined;
  const scores = new Float64Array(model.dimensions.length);
  const byValues: string[] = byColumns.map(() => "");
  let rows = 0;

  const onRow = (row: RespondentRow) => {
    rows++;
    scoreValues(model, model.plans.get(row.level)!, row.values, scores);
    if (groups) {
      for (let i = 0; i < byColumns.length; i++) byValues[i] = byValue(row, byColumns[i]!, q);
      groups.add(byValues, scores);
    }
    items?.add(row.level, row.values, row.kinds);
    perRespondent?.row(row, scores);
  };
  const onProblem = (problem: DataProblem) => {
    problems.push(problem);
    if (!options.lenient && problems.length >= MAX_PROBLEMS) throw new TooManyProblems();
  };

  try {
    for (const file of files) {
      const summary = await readResponses(file, q, model, { long: options.long ?? false, onRow, onProblem, onProgress: (b, s) => bar.update(b, s, rows) });
      await output.drain();
      if (summary.encoding === "windows-1252") {
        io.err(t(`Bemærk: ${shown(file)} er ikke UTF-8 og er læst som Windows-1252 (ældre dansk Excel).`, `Note: ${shown(file)} is not UTF-8 and was read as Windows-1252 (older Danish Excel).`)[io.lang]);
      }
    }
  } catch (err) {
    bar.done();
    await output.discard();
    if (err instanceof FileProblem) throw new UserError(1, describe(err.problem, shown));
    if (!(err instanceof TooManyProblems)) throw err;
  }
  bar.done();

  if (problems.length > 0 && !options.lenient) {
    await output.discard();
    const lines = problems.slice(0, SHOWN_PROBLEMS).map((p) => describe(p, shown)[io.lang]);
    const more = problems.length > SHOWN_PROBLEMS ? [io.lang === "da" ? `… og flere (${problems.length >= MAX_PROBLEMS ? `læsningen stoppede efter ${MAX_PROBLEMS}` : problems.length})` : `… and more (${problems.length >= MAX_PROBLEMS ? `reading stopped after ${MAX_PROBLEMS}` : problems.length})`] : [];
    throw new UserError(1, t(
      `${[...lines, ...more].join("\n")}\nIntet er skrevet. Ret dataene, eller brug --lenient for at springe de fejlbehæftede rækker over.`,
      `${[...lines, ...more].join("\n")}\nNothing was written. Fix the data, or use --lenient to skip the bad rows.`,
    ));
  }

  if (groups) writeGroups(q, groups, byColumns, output, dialect, format);
  if (items) writeItemStats(q, items.result(q.anonymity.min_group_size), output, dialect, format);
  perRespondent?.end();
  await output.commit(stdout);

  if (problems.length > 0) {
    const rejects = resolve(io.cwd, options.rejects ?? "afviste-raekker.csv");
    await writeRejects(rejects, problems, shown);
    for (const p of problems.slice(0, SHOWN_PROBLEMS)) io.err(describe(p, shown)[io.lang]);
    io.err(t(
      `${problems.length} række(r) er sprunget over; de står i ${shown(rejects)}. ${rows} respondenter er scoret.`,
      `${problems.length} row(s) were skipped; they are listed in ${shown(rejects)}. ${rows} respondents were scored.`,
    )[io.lang]);
  }
  return 0;
}

function describe(problem: DataProblem, shown: (file: string) => string) {
  const where = `${shown(problem.file)}:${problem.line}${problem.column ? ` (${problem.column})` : ""}`;
  return t(`${where}: ${problem.message.da}`, `${where}: ${problem.message.en}`);
}

async function chooseQuestionnaire(files: string[], options: ScoreOptions, io: Io, shown: (file: string) => string): Promise<Questionnaire> {
  const peeked = await Promise.all(files.map(async (file) => ({ file, id: await peekQuestionnaire(file) })));
  const known = peeked.filter((p) => p.id !== undefined);
  const first = known[0];
  const differing = known.filter((p) => p.id!.id !== first!.id!.id || p.id!.version !== first!.id!.version);
  if (first && differing.length > 0 && !options.long) {
    const list = [first, ...differing].map((p) => `${shown(p.file)} (${p.id!.id} ${p.id!.version})`).join(", ");
    throw new UserError(1, t(`Filerne er fra forskellige spørgeskemaer eller versioner: ${list}. Scor dem hver for sig.`, `The files come from different questionnaires or versions: ${list}. Score them separately.`));
  }
  const guess = options.questionnaire ?? (first && bundledIds().includes(first.id!.id) ? first.id!.id : undefined);
  return (await loadQuestionnaire(guess, io)).questionnaire;
}

function byValue(row: RespondentRow, column: string, q: Questionnaire): string {
  if (column === "level") return row.level;
  if (column === "group") return row.group;
  const value = metaValue(row, column);
  if (value === undefined) {
    const available = ["level", "group", ...row.metaNames].join(", ");
    throw new FileProblem({ file: row.file, line: 1, column, message: t(`--by ${column}: kolonnen findes ikke i filen (mulige: ${available})`, `--by ${column}: the file has no such column (possible: ${available})`) });
  }
  void q;
  return value;
}

function respondentWriter(q: Questionnaire, model: ScoringModel, output: StagedOutput, dialect: Dialect, format: string) {
  const dims = model.dimensions;
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
        output.write(`${first ? "" : ","}\n${JSON.stringify({ respondent_id: row.respondentId, level: row.level, group: row.group, scores: s, bands: b })}`);
        first = false;
      },
      end: () => output.write("\n]}\n"),
    };
  }
  const table = new CsvTable(output, dialect);
  table.row(["respondent_id", "level", "group", ...dims]);
  const cells: string[] = new Array(dims.length + 3);
  return {
    row(row: RespondentRow, scores: Float64Array) {
      cells[0] = table.text(row.respondentId);
      cells[1] = row.level;
      cells[2] = table.text(row.group);
      for (let i = 0; i < dims.length; i++) cells[i + 3] = table.number(scores[i]);
      table.row(cells);
    },
    end: () => undefined,
  };
}

function writeGroups(q: Questionnaire, groups: GroupSummary, byColumns: string[], output: StagedOutput, dialect: Dialect, format: string): void {
  const rows = groups.rows(q.anonymity.min_group_size, groupOrder(byColumns, q.levels.map((l) => l.id)));
  if (format === "json") {
    output.write(`${JSON.stringify({ questionnaire: { id: q.id, version: q.version }, groups: rows }, null, 2)}\n`);
    return;
  }
  const table = new CsvTable(output, dialect);
  table.row([...byColumns, "dimension", "n", "mean", "sd", "median", "min", "max", "suppressed"]);
  for (const row of rows) {
    table.row([
      ...byColumns.map((c) => table.text(row.by[c]!)),
      row.dimension,
      String(row.n),
      table.number(row.mean),
      table.number(row.sd),
      table.number(row.median),
      table.number(row.min),
      table.number(row.max),
      String(row.suppressed),
    ]);
  }
}
