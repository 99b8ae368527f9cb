import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { outputFileProblem } from "../adapters/files/file-check.ts";
import { bundledIds, DEFAULT_QUESTIONNAIRE, questionnairePath } from "../adapters/files/bundled.ts";
import { loadQuestionnaireFile } from "../adapters/files/questionnaire-file.ts";
import type { Questionnaire } from "../core/questionnaire/questionnaire.ts";
import { nearest } from "../core/responses/excel-cells.ts";
import { t } from "../core/text.ts";
import { UserError } from "./errors.ts";
import { formatIssue } from "./format-issues.ts";
import type { Io } from "./io.ts";

export type Resolved = { questionnaire: Questionnaire; hash: string; file: string };

/** Resolves a questionnaire argument (bundled id, path, or the default) and loads it, or fails with exit 1. */
export async function loadQuestionnaire(arg: string | undefined, io: Io): Promise<Resolved> {
  const file = questionnairePath(arg, io.cwd);
  if (!file) {
    const known = bundledIds().join(", ");
    throw new UserError(
      1,
      t(
        `Spørgeskemaet "${arg ?? DEFAULT_QUESTIONNAIRE}" findes hverken som indbygget id eller som fil. Indbyggede: ${known}.`,
        `Questionnaire "${arg ?? DEFAULT_QUESTIONNAIRE}" is neither a bundled id nor a file. Bundled: ${known}.`,
      ),
    );
  }
  const loaded = await loadQuestionnaireFile(file);
  if (!loaded.ok) {
    const lines = loaded.issues.map((issue) => formatIssue(issue, io)).join("\n");
    throw new UserError(1, t(`Spørgeskemaet er ugyldigt:\n${lines}`, `The questionnaire is invalid:\n${lines}`));
  }
  for (const warning of loaded.warnings) io.err(formatIssue(warning, io));
  return { questionnaire: loaded.questionnaire, hash: loaded.hash, file };
}

export function requireLevel(q: Questionnaire, level: string | undefined): string | undefined {
  if (level === undefined || q.levels.some((l) => l.id === level)) return level;
  const known = q.levels.map((l) => l.id).join(", ");
  const meant = nearest(level, q.levels.map((l) => l.id));
  const [da, en] = meant ? [` Mente du ${meant}?`, ` Did you mean ${meant}?`] : ["", ""];
  throw new UserError(2, t(`Ukendt niveau "${level}".${da} Niveauer i ${q.id}: ${known}.`, `Unknown level "${level}".${en} Levels in ${q.id}: ${known}.`));
}

/**
 * An output path whose folder exists and which is not itself a folder, pipe or device, or a clear
 * error before any work is done (a leader must not answer 40 questions for a write that cannot happen).
 */
export function outputPath(path: string | undefined, io: Io): string | undefined {
  if (path === undefined) return undefined;
  const full = resolve(io.cwd, path);
  if (!existsSync(dirname(full))) {
    throw new UserError(1, t(`Mappen til ${path} findes ikke: ${dirname(full)}`, `The folder for ${path} does not exist: ${dirname(full)}`));
  }
  const problem = outputFileProblem(full);
  if (problem) throw new UserError(1, t(`Kan ikke skrive til ${path}: ${problem.da}.`, `Cannot write to ${path}: ${problem.en}.`));
  return full;
}
