import { constants } from "node:fs";
import { access } from "node:fs/promises";
import { dirname, relative } from "node:path";
import { readAnswersFile } from "../../adapters/files/answers-file.ts";
import { fileErrorReason } from "../../adapters/files/file-check.ts";
import { loadGoodPractice } from "../../adapters/files/good-practice-file.ts";
import { appendResponseRow, headerMismatch } from "../../adapters/csv/response-file.ts";
import { checkAnswers } from "../../core/conduct/answers.ts";
import { itemsForLevel, labelOf } from "../../core/questionnaire/levels.ts";
import type { Questionnaire } from "../../core/questionnaire/questionnaire.ts";
import { isFreeTextColumn, wideCells, wideColumns, type Response } from "../../core/responses/responses.ts";
import { buildRespondentResult } from "../../core/conduct/result.ts";
import { compileScoring, scoreAnswers } from "../../core/scoring/scoring.ts";
import type { SurveyState } from "../../core/conduct/survey.ts";
import { t, wrapWords as wrap, type Text } from "../../core/text.ts";
import { UserError } from "../errors.ts";
import type { Io } from "../io.ts";
import { peekQuestionnaire } from "../peek.ts";
import { MIN_COLUMNS, renderResult } from "../render-result.ts";

export async function answersFromFile(q: Questionnaire, level: string, file: string, io: Io): Promise<SurveyState> {
  const shown = relative(io.cwd, file);
  const read = await readAnswersFile(file);
  if (!read.ok) {
    const where = read.line === undefined ? shown : `${shown}:${read.line}`;
    throw new UserError(1, t(`${where}: ${read.reason.da}\nSvarene blev ikke gemt.`, `${where}: ${read.reason.en}\nThe answers were not saved.`));
  }
  const checked = checkAnswers(q, level, read.raw);
  if (!checked.ok) {
    const lines = checked.problems.map((p) => `${shown}: ${p.key}: `);
    throw new UserError(1, t(
      `Svarene blev ikke gemt:\n${checked.problems.map((p, i) => lines[i] + p.message.da).join("\n")}`,
      `The answers were not saved:\n${checked.problems.map((p, i) => lines[i] + p.message.en).join("\n")}`,
    ));
  }
  return checked.state;
}

export type Finished = { respondent: string; level: string; group: string; out: string; state: SurveyState; submittedAt: string };

export async function finish(q: Questionnaire, done: Finished, io: Io, kept: Text): Promise<void> {
  const response: Response = {
    respondent_id: done.respondent,
    questionnaire_id: q.id,
    questionnaire_version: q.version,
    level: done.level,
    group: done.group,
    submitted_at: done.submittedAt,
    metadata: {},
    answers: done.state.answers,
    comments: done.state.comments,
  };
  const shown = relative(io.cwd, done.out);
  let failure: Text | undefined;
  try {
    const mismatch = await appendResponseRow(done.out, wideColumns(q), wideCells(q, response), (c) => isFreeTextColumn(c, q));
    if (mismatch) failure = otherColumns(q);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    failure = (code ? fileErrorReason(err as NodeJS.ErrnoException) : undefined) ?? t(`fejl ved skrivning (${(err as Error).message})`, `write error (${(err as Error).message})`);
  }
  // The result is shown even when the row could not be saved: the leader has earned it.
  const scores = scoreAnswers(compileScoring(q), done.level, done.state.answers);
  const result = buildRespondentResult(q, done.level, scores, io.lang, await loadGoodPractice(q.id), done.state.answers);
  io.out(renderResult(result, io));
  if (failure) {
    throw new UserError(1, t(
      `\nBesvarelsen kunne ikke gemmes i ${shown}: ${failure.da}.\n${kept.da}`,
      `\nThe response could not be saved in ${shown}: ${failure.en}.\n${kept.en}`,
    ));
  }
  const levelLabel = labelOf(q.levels.find((l) => l.id === done.level)!, io.lang);
  const saved = io.lang === "da"
    ? `Besvarelsen (${done.respondent}, ${levelLabel}, ${itemsForLevel(q, done.level).length} spørgsmål) er gemt i ${shown}.`
    : `The response (${done.respondent}, ${levelLabel}, ${itemsForLevel(q, done.level).length} items) is saved in ${shown}.`;
  io.err(`\n${wrap(saved, Math.max(io.columns, MIN_COLUMNS) - 1)}`);
}

const otherColumns = (q: Questionnaire): Text => t(
  `filen har andre kolonner end ${q.id} ${q.version} skriver (måske et andet spørgeskema eller en anden version)`,
  `the file has other columns than ${q.id} ${q.version} writes (perhaps another questionnaire or version)`,
);

/** The output is checked before the first question: a file with other columns, or a folder we may not write in. */
export async function checkOutput(q: Questionnaire, out: string, io: Io): Promise<void> {
  const shown = relative(io.cwd, out);
  if (await headerMismatch(out, wideColumns(q))) {
    throw new UserError(1, t(`Kan ikke gemme i ${shown}: ${otherColumns(q).da}. Brug et andet --out.`, `Cannot save in ${shown}: ${otherColumns(q).en}. Use another --out.`));
  }
  // Same columns but another version (a wording changed): mixing them would make the file unscoreable.
  const written = await peekQuestionnaire(out);
  if (written && (written.id !== q.id || written.version !== q.version)) {
    throw new UserError(1, t(
      `Kan ikke gemme i ${shown}: filen har besvarelser til ${written.id} ${written.version}, ikke ${q.id} ${q.version}. Brug et andet --out.`,
      `Cannot save in ${shown}: the file holds responses to ${written.id} ${written.version}, not ${q.id} ${q.version}. Use another --out.`,
    ));
  }
  try {
    await access(dirname(out), constants.W_OK);
  } catch {
    throw new UserError(1, t(`Kan ikke gemme i ${shown}: mappen er skrivebeskyttet. Brug et andet --out.`, `Cannot save in ${shown}: the folder is read-only. Use another --out.`));
  }
}
