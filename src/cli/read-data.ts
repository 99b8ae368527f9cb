import { existsSync, statSync } from "node:fs";
import { relative, resolve } from "node:path";
import { bundledFor, bundledIds } from "../adapters/files/bundled.ts";
import { inputFileProblem } from "../adapters/files/file-check.ts";
import { estimateRows } from "../adapters/csv/row-estimate.ts";
import { FileProblem, readResponses, type AdmitRow, type DataProblem, type RespondentRow, type RowPlace } from "../adapters/csv/response-reader.ts";
import type { FoldPartial, FoldSpec } from "../core/report/folds.ts";
import { OneRowPerRespondent } from "../core/responses/duplicates.ts";
import type { Questionnaire } from "../core/questionnaire/questionnaire.ts";
import type { ScoringModel } from "../core/scoring/scoring.ts";
import { t, type Text } from "../core/text.ts";
import { lineRanges, quirkNotice, sameVersion, type ReadNotice } from "../core/responses/excel-cells.ts";
import { UserError } from "./errors.ts";
import { checkParallelEnv } from "./reader-settings.ts";
import type { Io } from "./io.ts";
import { loadQuestionnaire, outputPath } from "./load.ts";
import { peekQuestionnaire } from "./peek.ts";
import { groupProblems } from "./problem-groups.ts";
import { progressBar } from "./progress-bar.ts";
import { EncodingConflict, Utf16File } from "../adapters/files/text-source.ts";
import { writeRejects } from "./rejects.ts";
import { SameRows } from "./same-rows.ts";
import { folderGiven, refuseInputsWritten } from "./input-files.ts";
import { ConflictColumns } from "./conflict-columns.ts";

const SHOWN_PROBLEMS = 20;
/** Strict mode stops reading after this many bad rows: enough to see the pattern. */
const MAX_PROBLEMS = 200;

class TooManyProblems extends Error {}

export type DataOptions = {
  files: string[];
  questionnaire?: string;
  long?: boolean;
  lenient?: boolean;
  rejects?: string;
  /** The files the command will write (--out, --csv): none may be one of the inputs. */
  outputs?: (string | undefined)[];
  /** A result that is a sum over rows, folded by the parallel reader's workers (ReadOptions.fold); `onRow` still gets the rows read one by one. */
  fold?: { spec: FoldSpec; merge: (partial: FoldPartial) => void };
};

export const shownPath = (io: Io) => (file: string) => relative(io.cwd, file) || file;

export function describeProblem(problem: DataProblem, shown: (file: string) => string): Text {
  const where = `${shown(problem.file)}:${problem.line}${problem.column ? ` (${problem.column})` : ""}`;
  return t(`${where}: ${problem.message.da}`, `${where}: ${problem.message.en}`);
}

/** The response files, checked to exist and to come from one questionnaire and version, and that questionnaire. */
export async function openData(options: DataOptions, io: Io): Promise<{ files: string[]; q: Questionnaire; hash: string }> {
  checkParallelEnv(io.env);
  const files = options.files.map((f) => resolve(io.cwd, f));
  const shown = shownPath(io);
  const absent = files.filter((f) => !existsSync(f));
  if (absent.length > 0) throw new UserError(1, t(`Filen findes ikke: ${absent.map(shown).join(", ")}`, `File not found: ${absent.map(shown).join(", ")}`));
  // A folder or a named pipe given as data: say so before anything opens it (a pipe would block).
  for (const file of files) {
    const problem = inputFileProblem(file);
    if (problem && statSync(file).isDirectory()) throw new UserError(1, folderGiven(file, shown));
    if (problem) throw new UserError(1, t(`Kan ikke læse ${shown(file)}: ${problem.da}.`, `Cannot read ${shown(file)}: ${problem.en}.`));
  }
  const written = [...(options.outputs ?? []), ...(options.lenient ? [options.rejects ?? "afviste-raekker.csv"] : [])];
  refuseInputsWritten(files, written.flatMap((path) => (path === undefined ? [] : [resolve(io.cwd, path)])), shown);
  const peeked = await Promise.all(files.map(async (file) => ({ file, id: await peekQuestionnaire(file) })));
  const known = peeked.filter((p) => p.id !== undefined);
  const first = known[0];
  // "2" and "2.0" are one version: Excel turns the one into the other (SPEC §5).
  const differing = known.filter((p) => p.id!.id !== first!.id!.id || (p.id!.version !== first!.id!.version && !sameVersion(p.id!.version, first!.id!.version)));
  if (first && differing.length > 0) {
    const list = [first, ...differing].map((p) => `${shown(p.file)} (${p.id!.id} ${p.id!.version})`).join(", ");
    throw new UserError(1, t(`Filerne er fra forskellige spørgeskemaer eller versioner: ${list}. Brug dem hver for sig.`, `The files come from different questionnaires or versions: ${list}. Use them separately.`));
  }
  // The rejects file is written last, after the output: check it first, like --out.
  if (options.lenient) outputPath(options.rejects ?? "afviste-raekker.csv", io);
  if (!options.questionnaire && first && !bundledIds().includes(first.id!.id)) {
    // Files of a questionnaire the tool does not ship: the default would refuse every row; ask for the file instead.
    throw new UserError(2, t(
      `${shown(first.file)} er til spørgeskemaet "${first.id!.id}" (version ${first.id!.version}), som ikke er indbygget. Angiv spørgeskemaets YAML-fil med --questionnaire, fx --questionnaire ${first.id!.id}.yaml.`,
      `${shown(first.file)} is for questionnaire "${first.id!.id}" (version ${first.id!.version}), which is not bundled. Give the questionnaire's YAML file with --questionnaire, e.g. --questionnaire ${first.id!.id}.yaml.`,
    ));
  }
  const guess = options.questionnaire ?? (first ? bundledFor(first.id!.id, first.id!.version) : undefined);
  const { questionnaire, hash } = await loadQuestionnaire(guess, io);
  return { files, q: questionnaire, hash };
}

/**
 * Reads every file, handing each valid respondent to `onRow` once (SPEC §3: a respondent whose
 * rows are identical is counted once, with a notice; differing rows are a bad row naming both
 * places). Bad rows stop the run (exit 1, listed) unless --lenient, which skips them and saves
 * them to the rejects file. `discard` is called before an error is thrown, so the caller can drop
 * partial output. `perFile` counts the valid rows of each file, duplicates included.
 */
export async function readData(
  files: string[],
  q: Questionnaire,
  model: ScoringModel,
  options: DataOptions,
  io: Io,
  onRow: (row: RespondentRow) => void,
  between: () => Promise<void>,
  discard: () => Promise<void>,
): Promise<{ rows: number; perFile: number[]; duplicates: number; finish: () => Promise<void> }> {
  const shown = shownPath(io);
  const problems: DataProblem[] = [];
  const bar = progressBar(io, io.lang === "da" ? "Læser" : "Reading");
  const onProblem = (problem: DataProblem) => {
    problems.push(problem);
    if (!options.lenient && problems.length >= MAX_PROBLEMS) throw new TooManyProblems();
  };
  const notices: ReadNotice[] = [];
  const onNotice = (notice: ReadNotice) => void notices.push(notice);
  let rows = 0;
  /** Per file, how the parallel reader reads one of its rows again (AdmitRow's place). */
  const readAgain: RowPlace["again"][] = [];
  const once: OneRowPerRespondent = new OneRowPerRespondent((file, start, end, line) => fingerprintOf(readAgain[file]!(start, end, line)));
  // Room for the rows the files hold, made at once rather than by doubling and rehashing as they come.
  once.reserve(files.reduce((sum, file) => sum + estimateRows(file), 0));
  const same = new SameRows(files, shown);
  const conflicts = new ConflictColumns(model);
  const perFile = files.map(() => 0);
  let current = 0;
  const fingerprintOf = (row: RespondentRow): number => once.fingerprint(row, model.plans.get(row.level)?.items);
  /** SPEC §3, one respondent one row: whether the row counts; `full` gives the whole row when only its id and place were read back. A placed row's fingerprint is computed only when its respondent was seen before (OneRowPerRespondent.check). */
  const admit = (row: AdmitRow, full?: () => RespondentRow): boolean => {
    perFile[current]!++;
    const place = row.place;
    if (place) readAgain[current] ??= place.again;
    const fingerprint = row.fingerprint ?? (full ? () => fingerprintOf(full()) : place ? () => fingerprintOf(row as RespondentRow) : fingerprintOf(row as RespondentRow));
    const verdict = once.check(row.respondentId, fingerprint, current, row.line, place);
    if (verdict.kind === "same") {
      same.add(verdict.first, { file: current, line: row.line });
      return false;
    }
    if (verdict.kind === "conflict") {
      const first = `${shown(files[verdict.first.file]!)}:${verdict.first.line}`;
      const problem: DataProblem = {
        file: row.file,
        line: row.line,
        column: "respondent_id",
        message: t(
          `respondenten "${row.respondentId}" står også i ${first} med andre svar (én respondent, én række)`,
          `respondent "${row.respondentId}" is also in ${first} with different answers (one respondent, one row)`,
        ),
        raw: row.raw(),
      };
      conflicts.add(problem, full ? full() : (row as RespondentRow), verdict.first);
      onProblem(problem);
      return false;
    }
    rows++;
    return true;
  };
  const count = (row: RespondentRow) => {
    if (admit(row)) onRow(row);
  };
  const fold = options.fold && { spec: options.fold.spec, merge: options.fold.merge, admit };
  try {
    for (const [i, file] of files.entries()) {
      current = i;
      // Said before the rows are read, so it stands beside an error in a row's text too.
      const readsAs = (encoding: string) => {
        if (encoding === "windows-1252") io.err(t(`Bemærk: ${shown(file)} er ikke UTF-8 og er læst som Windows-1252 (ældre dansk Excel).`, `Note: ${shown(file)} is not UTF-8 and was read as Windows-1252 (older Danish Excel).`)[io.lang]);
      };
      await readResponses(file, q, model, { long: options.long ?? false, onRow: count, onProblem, onNotice, onProgress: (b, s) => bar.update(b, s, rows), readsAs, drain: between, ...(fold ? { fold } : {}) });
      await between();
    }
  } catch (err) {
    bar.done();
    await discard();
    if (err instanceof FileProblem) throw new UserError(1, describeProblem(err.problem, shown));
    if (err instanceof Utf16File) {
      throw new UserError(1, t(
        `${shown(err.file)}: filen er gemt som UTF-16 ("Unicode-tekst"), som ikke læses her. Gem den igen som "CSV UTF-8 (kommasepareret)" eller "CSV (semikolonsepareret)" i Excel.`,
        `${shown(err.file)}: the file is saved as UTF-16 ("Unicode text"), which is not read here. Save it again as "CSV UTF-8 (comma delimited)" or "CSV (semicolon delimited)" in Excel.`,
      ));
    }
    if (err instanceof EncodingConflict) {
      throw new UserError(1, t(
        `${shown(err.file)}:${err.line}: filen begynder med et UTF-8-mærke (BOM), men linje ${err.line} er ikke UTF-8 — sandsynligvis Windows-1252-tekst gemt med forkert mærke. Gem filen igen som "CSV UTF-8" i Excel.`,
        `${shown(err.file)}:${err.line}: the file starts with a UTF-8 mark (BOM), but line ${err.line} is not UTF-8 — probably Windows-1252 text saved with the wrong mark. Save the file again as "CSV UTF-8" in Excel.`,
      ));
    }
    if (!(err instanceof TooManyProblems)) throw err;
  }
  bar.done();
  await conflicts.complete(files, q);
  if (problems.length > 0 && !options.lenient) {
    await discard();
    const grouped = groupProblems(problems, shown);
    const lines = grouped.slice(0, SHOWN_PROBLEMS);
    const stopped = problems.length >= MAX_PROBLEMS;
    const more = grouped.length > SHOWN_PROBLEMS
      ? [t(`… og flere (${stopped ? `læsningen stoppede efter ${MAX_PROBLEMS}` : problems.length})`, `… and more (${stopped ? `reading stopped after ${MAX_PROBLEMS}` : problems.length})`)]
      : [];
    const all = [...lines, ...more];
    throw new UserError(1, t(
      `${all.map((l) => l.da).join("\n")}\nIntet er skrevet. Ret dataene, eller brug --lenient for at springe de fejlbehæftede rækker over.`,
      `${all.map((l) => l.en).join("\n")}\nNothing was written. Fix the data, or use --lenient to skip the bad rows.`,
    ));
  }
  if (options.lenient && rows === 0 && problems.length > 0) {
    // Skipping every row leaves nothing to score: an empty result with exit 0 would look like success.
    await discard();
    const rejects = resolve(io.cwd, options.rejects ?? "afviste-raekker.csv");
    await writeRejects(rejects, problems, shown);
    const lines = groupProblems(problems, shown).slice(0, SHOWN_PROBLEMS);
    throw new UserError(1, t(
      `${lines.map((l) => l.da).join("\n")}\nIngen rækker er tilbage: alle ${problems.length} blev afvist (de står i ${shown(rejects)}). Intet andet er skrevet.`,
      `${lines.map((l) => l.en).join("\n")}\nNo rows are left: all ${problems.length} were rejected (they are listed in ${shown(rejects)}). Nothing else was written.`,
    ));
  }
  return {
    rows,
    perFile,
    duplicates: same.count,
    // Called once the output is safely written: only then are skipped rows reported as skipped.
    finish: async () => {
      for (const notice of quirkNotices(notices, q, shown)) io.err(notice[io.lang]);
      for (const notice of same.notices()) io.err(notice[io.lang]);
      if (problems.length === 0) return;
      const rejects = resolve(io.cwd, options.rejects ?? "afviste-raekker.csv");
      await writeRejects(rejects, problems, shown);
      for (const line of groupProblems(problems, shown).slice(0, SHOWN_PROBLEMS)) io.err(line[io.lang]);
      io.err(t(
        `${problems.length} række(r) er sprunget over; de står i ${shown(rejects)}. ${rows} respondenter er scoret.`,
        `${problems.length} row(s) were skipped; they are listed in ${shown(rejects)}. ${rows} respondents were scored.`,
      )[io.lang]);
    },
  };
}

/** One notice per file and kind of lenient reading, naming its rows (SPEC §5), in the order first met. */
function quirkNotices(notices: readonly ReadNotice[], q: Questionnaire, shown: (file: string) => string): Text[] {
  const groups = new Map<string, { file: string; quirk: ReadNotice["quirk"]; lines: number[]; columns: string[] }>();
  for (const n of notices) {
    const key = `${n.file}\u0000${n.quirk}`;
    const group = groups.get(key) ?? { file: n.file, quirk: n.quirk, lines: [], columns: [] };
    group.lines.push(n.line);
    if (n.column !== undefined && !group.columns.includes(n.column)) group.columns.push(n.column);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => {
    const text = quirkNotice(g.quirk, new Set(g.lines).size, lineRanges(g.lines), g.columns, q);
    return t(`${shown(g.file)}: ${text.da}`, `${shown(g.file)}: ${text.en}`);
  });
}
