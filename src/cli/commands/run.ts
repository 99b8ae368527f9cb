import { randomBytes } from "node:crypto";
import { relative, resolve } from "node:path";
import { BrokenProgress, loadProgress, progressPath, removeProgress, saveProgress, type Progress } from "../../adapters/files/progress-file.ts";
import { titleOf } from "../../core/questionnaire/levels.ts";
import { scopeLines } from "../../core/questionnaire/scope.ts";
import type { Questionnaire } from "../../core/questionnaire/questionnaire.ts";
import { conductSurvey, emptyState, surveyQuestions, answeredCount } from "../../core/conduct/survey.ts";
import { t, wrapWords as wrap } from "../../core/text.ts";
import { isoWithOffset } from "../clock.ts";
import { CancelledError, UserError } from "../errors.ts";
import type { Io } from "../io.ts";
import { loadQuestionnaire, outputPath, requireLevel } from "../load.ts";
import { MIN_COLUMNS } from "../render-result.ts";
import { pickUnfinished, unfinishedResponses } from "./run-resume.ts";
import { answersFromFile, checkOutput, finish } from "./run-save.ts";

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
  // Before the first question: a leader must not answer everything for a file that will refuse the row.
  await checkOutput(q, out, io);

  if (options.answers !== undefined) {
    if (level === undefined) throw new UserError(2, t("--answers kræver --level.", "--answers needs --level."));
    const state = await answersFromFile(q, level, resolve(io.cwd, options.answers), io);
    const respondent = options.respondent ?? (deps.newRespondentId ?? pseudonym)();
    const kept = t(`Svarene står stadig i ${relative(io.cwd, resolve(io.cwd, options.answers))}.`, `The answers are still in ${relative(io.cwd, resolve(io.cwd, options.answers))}.`);
    await finish(q, { respondent, level, group, out, state, submittedAt: isoWithOffset(now()) }, io, kept);
    return 0;
  }

  if (!io.stdinIsTTY) {
    throw new UserError(2, t(
      "Ingen terminal at stille spørgsmål i. Kør i en terminal, eller giv svarene med --answers FIL --level NIVEAU.",
      "No terminal to ask questions in. Run in a terminal, or give the answers with --answers FILE --level LEVEL.",
    ));
  }
  const { askLevel, askResume, askWhichUnfinished, inquirerPorts } = await import("../../adapters/terminal/prompts.ts");
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
      // No --respondent: offer the unfinished responses for this file; on a shared laptop they may be someone else's.
      const unfinished = await unfinishedResponses(out, q, hash, io);
      const picked = await pickUnfinished(unfinished, io, askResume, askWhichUnfinished);
      if (picked) {
        respondent = picked.respondent;
        saved = picked.progress;
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
    const again = `ledelsestjek run${options.questionnaire ? ` ${options.questionnaire}` : ""}${options.out ? ` --out ${options.out}` : ""} --respondent ${respondent}`;
    const kept = t(
      `Dine svar er gemt i ${relative(io.cwd, progressFile!)}. Når problemet er løst, gemmes besvarelsen med: ${again}`,
      `Your answers are kept in ${relative(io.cwd, progressFile!)}. Once the problem is solved, save the response with: ${again}`,
    );
    await finish(q, { respondent, level: chosenLevel, group: progress.group, out, state, submittedAt: isoWithOffset(now()) }, io, kept);
    await removeProgress(progressFile!);
    return 0;
  } catch (err) {
    if (!isPromptExit(err)) throw err;
    const kept = progressFile ? await loadProgress(progressFile).catch(() => undefined) : undefined;
    const shown = progressFile ? relative(io.cwd, progressFile) : "";
    const again = `ledelsestjek run${options.questionnaire ? ` ${options.questionnaire}` : ""}${options.out ? ` --out ${options.out}` : ""} --respondent ${respondent}`;
    const width = Math.max(io.columns, MIN_COLUMNS) - 1;
    const message = kept
      ? t(`\nAfbrudt. Dine svar er gemt i ${shown}.\nFortsæt senere med: ${again}`, `\nCancelled. Your answers are saved in ${shown}.\nContinue later with: ${again}`)
      : t("\nAfbrudt. Ingen svar var givet, så intet er gemt.", "\nCancelled. No answers were given, so nothing was saved.");
    throw new CancelledError(t(wrap(message.da, width), wrap(message.en, width)));
  }
}

function welcome(q: Questionnaire, io: Io): void {
  const da = io.lang === "da";
  const width = Math.max(io.columns, MIN_COLUMNS) - 1;
  io.err(io.color.bold(titleOf(q, io.lang)));
  const lines = [
    ...scopeLines(q, io.lang),
    ...(da
      ? ["Spørgsmålene er tilpasset dit ledelsesniveau og tager 10-15 minutter.", "Svar ud fra, hvordan det er i dag — ikke hvordan det burde være.",
        "Dine svar bliver på denne computer; intet sendes nogen steder hen.", "Ctrl-C afbryder, og de givne svar gemmes, så du kan fortsætte senere."]
      : ["The questions are adapted to your leadership level and take 10-15 minutes.", "Answer from how things are today — not how they ought to be.",
        "Your answers stay on this computer; nothing is sent anywhere.", "Ctrl-C stops, and the answers given are kept so you can continue later."]),
  ];
  io.err(`${lines.map((line) => wrap(line, width)).join("\n")}\n`);
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

