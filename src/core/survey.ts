import { elementItems, itemText, labelOf, scaleLabel, dontKnowLabel } from "./levels.ts";
import type { Area, Element, Item, Questionnaire } from "./questionnaire.ts";
import { DONT_KNOW, type Answer } from "./scoring.ts";
import type { Lang } from "./text.ts";

export type Choice = { value: number | typeof DONT_KNOW; label: string };

export type ItemQuestion = {
  item: Item;
  element: Element;
  area: Area;
  /** 1-based position among the level's items, and their number. */
  index: number;
  total: number;
  text: string;
  elementLabel: string;
  choices: Choice[];
};

export type CommentQuestion = { element: Element; elementLabel: string };

/** What a survey remembers between answers; saved after each one so nothing is lost. */
export type SurveyState = {
  answers: Record<string, Answer>;
  comments: Record<string, string>;
  /** Elements whose comment question has been asked (answered or skipped). */
  commented: string[];
};

export type SurveyPorts = {
  askItem: (question: ItemQuestion) => Promise<Answer>;
  askComment?: (question: CommentQuestion) => Promise<string>;
  /** Called after every answer with the whole state; the caller persists it. */
  onProgress?: (state: SurveyState) => Promise<void>;
};

export const emptyState = (): SurveyState => ({ answers: {}, comments: {}, commented: [] });

export function choicesFor(q: Questionnaire, lang: Lang): Choice[] {
  const choices: Choice[] = [];
  for (let v = q.scale.min; v <= q.scale.max; v++) choices.push({ value: v, label: scaleLabel(q, v, lang) });
  const dontKnow = dontKnowLabel(q, lang);
  if (dontKnow) choices.push({ value: DONT_KNOW, label: dontKnow });
  return choices;
}

/** The level's questions in order, with their progress numbers. */
export function surveyQuestions(q: Questionnaire, level: string, lang: Lang): ItemQuestion[] {
  const choices = choicesFor(q, lang);
  const entries = q.areas.flatMap((area) =>
    area.elements.flatMap((element) => elementItems(element, level).map((item) => ({ area, element, item }))),
  );
  return entries.map(({ area, element, item }, i) => ({
    item,
    element,
    area,
    index: i + 1,
    total: entries.length,
    text: itemText(item, level, lang),
    elementLabel: labelOf(element, lang),
    choices,
  }));
}

/** Counts how many of the level's items a saved state has answered (ved_ikke counts as answered). */
export const answeredCount = (questions: readonly ItemQuestion[], state: SurveyState): number =>
  questions.filter((question) => question.item.id in state.answers).length;

/**
 * Asks every unanswered item of the level, one at a time, and an optional comment after each element.
 * Resuming is starting again from a saved state: answered items and asked comments are skipped.
 */
export async function conductSurvey(
  q: Questionnaire,
  level: string,
  lang: Lang,
  ports: SurveyPorts,
  start: SurveyState = emptyState(),
): Promise<SurveyState> {
  const state: SurveyState = { answers: { ...start.answers }, comments: { ...start.comments }, commented: [...start.commented] };
  const questions = surveyQuestions(q, level, lang);
  for (let i = 0; i < questions.length; i++) {
    const question = questions[i]!;
    if (!(question.item.id in state.answers)) {
      state.answers[question.item.id] = await ports.askItem(question);
      await ports.onProgress?.(state);
    }
    const endOfElement = questions[i + 1]?.element !== question.element;
    if (endOfElement && ports.askComment && !state.commented.includes(question.element.id)) {
      const comment = (await ports.askComment({ element: question.element, elementLabel: question.elementLabel })).trim();
      if (comment) state.comments[question.element.id] = comment;
      state.commented.push(question.element.id);
      await ports.onProgress?.(state);
    }
  }
  return state;
}
