import { readdir } from "node:fs/promises";
import { basename, dirname } from "node:path";
import { loadProgress, progressPath, type Progress } from "../../adapters/files/progress-file.ts";
import { labelOf } from "../../core/questionnaire/levels.ts";
import type { Questionnaire } from "../../core/questionnaire/questionnaire.ts";
import { answeredCount, surveyQuestions } from "../../core/conduct/survey.ts";
import type { Io } from "../io.ts";

export type Unfinished = { respondent: string; progress: Progress; description: string };

/** "2026-03-02 09:30" from the stored "2026-03-02T09:30:00+01:00": the local time it was started, as written. */
const startTime = (iso: string): string => iso.replace("T", " ").slice(0, 16);

/**
 * The unfinished responses saved beside `out` for this questionnaire, each described by level,
 * start time and progress, so a participant can recognise their own. Files that cannot be read
 * or belong to another questionnaire or edition are not offered (a named --respondent still reports them).
 */
export async function unfinishedResponses(out: string, q: Questionnaire, hash: string, io: Io): Promise<Unfinished[]> {
  const prefix = `${basename(out)}.`;
  const names = await readdir(dirname(out)).catch(() => [] as string[]);
  const respondents = names.filter((n) => n.startsWith(prefix) && n.endsWith(".progress.json")).map((n) => n.slice(prefix.length, -".progress.json".length));
  const found: Unfinished[] = [];
  for (const respondent of respondents.sort()) {
    const progress = await loadProgress(progressPath(out, respondent)).catch(() => undefined);
    const level = progress && progress.questionnaire_id === q.id && progress.questionnaire_hash === hash ? q.levels.find((l) => l.id === progress.level) : undefined;
    if (!progress || !level) continue;
    const questions = surveyQuestions(q, progress.level, io.lang);
    const answered = answeredCount(questions, progress);
    const description = io.lang === "da"
      ? `${respondent}: ${labelOf(level, io.lang)}, startet ${startTime(progress.started_at)}, ${answered} af ${questions.length} besvaret`
      : `${respondent}: ${labelOf(level, io.lang)}, started ${startTime(progress.started_at)}, ${answered} of ${questions.length} answered`;
    found.push({ respondent, progress, description });
  }
  return found;
}

/** One unfinished response: a j/n question. Several: a choice, with starting a new one first. */
export async function pickUnfinished(
  unfinished: Unfinished[],
  io: Io,
  askResume: (description: string, lang: Io["lang"]) => Promise<boolean>,
  askWhich: (descriptions: string[], lang: Io["lang"]) => Promise<number | undefined>,
): Promise<Unfinished | undefined> {
  if (unfinished.length === 0) return undefined;
  if (unfinished.length === 1) return (await askResume(unfinished[0]!.description, io.lang)) ? unfinished[0] : undefined;
  const index = await askWhich(unfinished.map((u) => u.description), io.lang);
  return index === undefined ? undefined : unfinished[index];
}
