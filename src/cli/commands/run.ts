import { randomBytes } from "node:crypto";
import { readdir } from "node:fs/promises";
import { basename, dirname, relative, resolve } from "node:path";
import { readAnswersFile } from "../../adapters/answers-file.ts";
import { loadGoodPractice } from "../../adapters/good-practice-file.ts";
import { BrokenProgress, loadProgress, progressPath, removeProgress, saveProgress, type Progress } from "../../adapters/progress-file.ts";
import { appendResponseRow } from "../../adapters/response-file.ts";
import { checkAnswers } from "../../core/answers.ts";
import { itemsForLevel, labelOf, titleOf } from "../../core/levels.ts";
import type { Questionnaire } from "../../core/questionnaire.ts";
import { isFreeTextColumn, wideCells, wideColumns, type Response } from "../../core/responses.ts";
import { buildRespondentResult } from "../../core/result.ts";
import { compileScoring, scoreAnswers } from "../../core/scoring.ts";
import { answeredCount, conductSurvey, emptyState, surveyQuestions, type SurveyState } from "../../core/survey.ts";
import { t } from "../../core/text.ts";
import { isoWithOffset } from "../clock.ts";
import { CancelledError, UserError } from "../errors.ts";
import type { Io } from "../io.ts";
import { loadQuestionnaire, outputPath, requireLevel } from "../load.ts";
import { renderResult } from "../render-result.ts";

export type RunOptions = {
  questionnaire?: string;
  level?: string;
  group?: string;
  respondent?: string;
  out?: string;
  answers?: string;
};

export type RunDeps = { now?: () => Date; newRespondentId?: () => string };

const RESPONDENT_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const pseudonym = () => `r-${randomBytes(4).toString("hex")}`;
const isPromptExit = (err: unknown) => err instanceof Error && (err.name === "ExitPromptError" || err.name === "AbortPromptError");

export async function run(options: RunOptions, io: Io, deps: RunDeps = {}): Promise<number> {
  const now = deps.now ?? (() => new Date());
  const { questionnaire: q, hash } = await loadQuestionnaire(options.questionnaire, io);
  const out = outputPath(options.out ?? "besvarelser.csv", io)!;
  if (options.respondent !== undefined && !RESPONDENT_PATTERN.test(options.respondent)) {
    throw new UserError(2, t(
      `--respondent "${options.respondent}" må kun indeholde bogstaver a-z, tal, '.', '_' og '-' (højst 64 tegn).`,
      `--respondent "${options.respondent}" may only contain letters a-z, digits, '.', '_' and '-' (at most 64 characters).`,
    ));
  }
  const level = requireLevel(q, options.level);
  const group = options.group ?? "";

  if (options.answers !== undefined) {
    if (level === undefined) throw new UserError(2, t("--answers kræver --level.", "--answers needs --level."));
    const state = await answersFromFile(q, level, resolve(io.cwd, options.answers), io);
    const respondent = options.respondent ?? (deps.newRespondentId ?? pseudonym)();
    await finish(q, { respondent, level, group, out, state, submittedAt: isoWithOffset(now()) }, io);
    return 0;
  }

  if (!io.stdinIsTTY) {
    throw new UserError(2, t(
      "Ingen terminal at stille spørgsmål i. Kør i en terminal, eller giv svarene med --answers FIL --level NIVEAU.",
      "No terminal to ask questions in. Run in a terminal, or give the answers with --answers FILE --level LEVEL.",
    ));
  }
  const { askLevel, askResume, inquirerPorts } = await import("../../adapters/prompts.ts");
  const load = (file: string) => loadProgress(file).catch((err: unknown) => {
    if (!(err instanceof BrokenProgress)) throw err;
    throw new UserError(1, t(
      `${relative(io.cwd, file)} er ikke en gyldig fremdriftsfil (måske afbrudt under skrivning af et andet program). Flyt eller slet den, og prøv igen.`,
      `${relative(io.cwd, file)} is not a valid progress file (perhaps cut off by another program). Move or delete it and try again.`,
    ));
  });
  let respondent = options.respondent;
  let progressFile = respondent === undefined ? undefined : progressPath(out, respondent);
  let saved = progressFile ? await load(progressFile) : undefined;
  try {
    welcome(q, io);
    if (respondent === undefined) {
      // No --respondent: offer the unfinished response for this file, if there is exactly one.
      const candidate = await unfinishedRespondent(out);
      const found = candidate === undefined ? undefined : await load(progressPath(out, candidate));
      const questions = found ? surveyQuestions(q, found.level, io.lang) : [];
      if (found && (await askResume(candidate!, answeredCount(questions, found), questions.length, io.lang))) {
        respondent = candidate!;
        saved = found;
      } else respondent = (deps.newRespondentId ?? pseudonym)();
      progressFile = progressPath(out, respondent);
    }
    if (saved) checkResumable(saved, q, hash, level, progressFile!, io);
    const chosenLevel = saved?.level ?? level ?? (await askLevel(q.levels, io.lang));
    const questions = surveyQuestions(q, chosenLevel, io.lang);
    if (saved) {
      io.err(io.lang === "da"
        ? `Genoptager ${respondent}: ${answeredCount(questions, saved)} af ${questions.length} spørgsmål er allerede besvaret.`
        : `Resuming ${respondent}: ${answeredCount(questions, saved)} of ${questions.length} items already answered.`);
    }
    const progress: Progress = saved ?? {
      questionnaire_id: q.id,
      questionnaire_version: q.version,
      questionnaire_hash: hash,
      respondent_id: respondent,
      level: chosenLevel,
      group,
      started_at: isoWithOffset(now()),
      ...emptyState(),
    };
    const state = await conductSurvey(q, chosenLevel, io.lang, {
      ...inquirerPorts(io.lang),
      onProgress: (s) => saveProgress(progressFile!, { ...progress, ...s }),
    }, saved ?? emptyState());
    await finish(q, { respondent, level: chosenLevel, group: progress.group, out, state, submittedAt: isoWithOffset(now()) }, io);
    await removeProgress(progressFile!);
    return 0;
  } catch (err) {
    if (!isPromptExit(err)) throw err;
    const kept = progressFile ? await loadProgress(progressFile).catch(() => undefined) : undefined;
    const shown = progressFile ? relative(io.cwd, progressFile) : "";
    const again = `npx ledelsestjek run${options.questionnaire ? ` ${options.questionnaire}` : ""}${options.out ? ` --out ${options.out}` : ""} --respondent ${respondent}`;
    throw new CancelledError(kept
      ? t(`\nAfbrudt. Dine svar er gemt i ${shown}.\nFortsæt senere med: ${again}`, `\nCancelled. Your answers are saved in ${shown}.\nContinue later with: ${again}`)
      : t("\nAfbrudt. Ingen svar var givet, så intet er gemt.", "\nCancelled. No answers were given, so nothing was saved."));
  }
}

function welcome(q: Questionnaire, io: Io): void {
  const da = io.lang === "da";
  io.err(io.color.bold(titleOf(q, io.lang)));
  io.err(da
    ? "Spørgsmålene er tilpasset dit ledelsesniveau og tager 10-15 minutter.\n" +
      "Svar ud fra, hvordan det er i dag — ikke hvordan det burde være.\n" +
      "Dine svar bliver på denne computer; intet sendes nogen steder hen.\n" +
      "Ctrl-C afbryder, og de givne svar gemmes, så du kan fortsætte senere.\n"
    : "The questions are adapted to your leadership level and take 10-15 minutes.\n" +
      "Answer from how things are today — not how they ought to be.\n" +
      "Your answers stay on this computer; nothing is sent anywhere.\n" +
      "Ctrl-C stops, and the answers given are kept so you can continue later.\n");
}

/** With no --respondent, an unfinished run for the same output file is resumed if it is the only one. */
async function unfinishedRespondent(out: string): Promise<string | undefined> {
  const prefix = `${basename(out)}.`;
  const names = await readdir(dirname(out)).catch(() => [] as string[]);
  const found = names.filter((n) => n.startsWith(prefix) && n.endsWith(".progress.json")).map((n) => n.slice(prefix.length, -".progress.json".length));
  if (found.length <= 1) return found[0];
  throw new UserError(2, t(
    `Der er flere ufærdige besvarelser til ${basename(out)}: ${found.join(", ")}. Vælg en med --respondent.`,
    `There are several unfinished responses for ${basename(out)}: ${found.join(", ")}. Choose one with --respondent.`,
  ));
}

function checkResumable(saved: Progress, q: Questionnaire, hash: string, level: string | undefined, file: string, io: Io): void {
  const shown = relative(io.cwd, file);
  if (saved.questionnaire_id !== q.id || saved.questionnaire_hash !== hash) {
    throw new UserError(1, t(
      `De gemte svar i ${shown} hører til en anden udgave af spørgeskemaet (${saved.questionnaire_id} ${saved.questionnaire_version}). Slet filen eller brug et andet --respondent.`,
      `The saved answers in ${shown} belong to another edition of the questionnaire (${saved.questionnaire_id} ${saved.questionnaire_version}). Delete the file or use another --respondent.`,
    ));
  }
  if (level !== undefined && level !== saved.level) {
    throw new UserError(2, t(
      `De gemte svar i ${shown} er til niveauet "${saved.level}", ikke "${level}".`,
      `The saved answers in ${shown} are for level "${saved.level}", not "${level}".`,
    ));
  }
}

async function answersFromFile(q: Questionnaire, level: string, file: string, io: Io): Promise<SurveyState> {
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

type Finished = { respondent: string; level: string; group: string; out: string; state: SurveyState; submittedAt: string };

async function finish(q: Questionnaire, done: Finished, io: Io): Promise<void> {
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
  const columns = wideColumns(q);
  const mismatch = await appendResponseRow(done.out, columns, wideCells(q, response), (c) => isFreeTextColumn(c, q));
  const shown = relative(io.cwd, done.out);
  if (mismatch) {
    throw new UserError(1, t(
      `${shown} har andre kolonner end ${q.id} ${q.version} skriver (måske et andet spørgeskema eller en anden version). Brug et andet --out.`,
      `${shown} has other columns than ${q.id} ${q.version} writes (perhaps another questionnaire or version). Use another --out.`,
    ));
  }
  const scores = scoreAnswers(compileScoring(q), done.level, done.state.answers);
  const result = buildRespondentResult(q, done.level, scores, io.lang, loadGoodPractice(q.id));
  const levelLabel = labelOf(q.levels.find((l) => l.id === done.level)!, io.lang);
  io.out(renderResult(result, io));
  io.err(io.lang === "da"
    ? `\nBesvarelsen (${done.respondent}, ${levelLabel}, ${itemsForLevel(q, done.level).length} spørgsmål) er gemt i ${shown}.`
    : `\nThe response (${done.respondent}, ${levelLabel}, ${itemsForLevel(q, done.level).length} items) is saved in ${shown}.`);
}
