// Room core/conduct/ — taking one self-evaluation: the survey walk (questions, back, resume), answers given in a file, and the result the respondent sees at once.
import { allElements, allItems, presentedTo } from "../questionnaire/levels.ts";
import type { Questionnaire } from "../questionnaire/questionnaire.ts";
import { COMMENT_PREFIX } from "../responses/responses.ts";
import { DONT_KNOW, type Answer } from "../scoring/scoring.ts";
import type { SurveyState } from "./survey.ts";
import { t, type Text } from "../text.ts";

export type AnswerProblem = { key: string; message: Text };

/**
 * Checks a prepared answers map (item id → value or "ved_ikke"; `comment.<element>` → text)
 * for a level, and turns it into a survey state. Every problem is returned, naming the item.
 */
export function checkAnswers(
  q: Questionnaire,
  level: string,
  raw: Record<string, unknown>,
): { ok: true; state: SurveyState } | { ok: false; problems: AnswerProblem[] } {
  const items = new Map(allItems(q).map((item) => [item.id, item]));
  const elements = new Set(allElements(q).map((element) => element.id));
  const problems: AnswerProblem[] = [];
  const answers: Record<string, Answer> = {};
  const comments: Record<string, string> = {};
  const { min, max } = q.scale;
  for (const [key, value] of Object.entries(raw)) {
    if (key.startsWith(COMMENT_PREFIX)) {
      const element = key.slice(COMMENT_PREFIX.length);
      if (!elements.has(element)) problems.push({ key, message: t(`ukendt element "${element}"`, `unknown element "${element}"`) });
      else if (typeof value !== "string") problems.push({ key, message: t("en kommentar skal være tekst", "a comment must be text") });
      else if (value.trim()) comments[element] = value.trim();
      continue;
    }
    const item = items.get(key);
    if (!item) {
      problems.push({ key, message: t(`"${key}" er ikke et spørgsmål i ${q.id}`, `"${key}" is not an item of ${q.id}`) });
      continue;
    }
    if (!presentedTo(item, level)) {
      problems.push({ key, message: t(`spørgsmålet stilles ikke til niveauet "${level}"`, `the item is not presented to level "${level}"`) });
      continue;
    }
    if (value === null || value === "") continue;
    if (value === DONT_KNOW) {
      if (q.scale.dont_know === undefined) problems.push({ key, message: t("skalaen har ingen \"ved ikke\"", "the scale has no \"don't know\"") });
      else answers[key] = DONT_KNOW;
      continue;
    }
    const number = typeof value === "string" && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
    if (typeof number !== "number" || !Number.isInteger(number) || number < min || number > max) {
      const allowed = `${min}-${max}${q.scale.dont_know !== undefined ? ` ${t("eller", "or").da} ${DONT_KNOW}` : ""}`;
      problems.push({
        key,
        message: t(`værdien ${JSON.stringify(value)} er ikke på skalaen (${allowed})`, `value ${JSON.stringify(value)} is not on the scale (${allowed.replace(" eller ", " or ")})`),
      });
      continue;
    }
    answers[key] = number;
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, state: { answers, comments, commented: [...elements] } };
}
