import { elementItems, itemText, labelOf, scaleLabel, dontKnowLabel } from "../questionnaire/levels.ts";
import type { Area, Element, Item, Questionnaire } from "../questionnaire/questionnaire.ts";
import { DONT_KNOW, type Answer } from "../scoring/scoring.ts";
import type { Lang } from "../text.ts";

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

/** What an ask port returns to go back one step instead of answering. */
export const BACK = "__back__" as const;
export type Back = typeof BACK;

/** Where a step stands when it is asked: the answer given before (when going back or forward again), and whether there is a step to go back to. */
export type StepContext<T> = { previous: T | undefined; canGoBack: boolean };

export type SurveyPorts = {
  askItem: (question: ItemQuestion, context: StepContext<Answer>) => Promise<Answer | Back>;
  askComment?: (question: CommentQuestion, context: StepContext<string>) => Promise<string | Back>;
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

type Step = { kind: "item"; question: ItemQuestion } | { kind: "comment"; question: CommentQuestion };

/**
 * Asks the level's items one at a time, and an optional comment after each element. A port may
 * answer BACK to return to the previous step (item or comment), which is asked again with its
 * answer preselected; going forward again asks the following steps with theirs. Resuming starts
 * at the first step not yet done, so answered items and asked comments are not asked again.
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
  const steps: Step[] = questions.flatMap((question, i): Step[] => {
    const endOfElement = questions[i + 1]?.element !== question.element;
    const item: Step = { kind: "item", question };
    return endOfElement && ports.askComment ? [item, { kind: "comment", question: { element: question.element, elementLabel: question.elementLabel } }] : [item];
  });
  const done = (step: Step) => (step.kind === "item" ? step.question.item.id in state.answers : state.commented.includes(step.question.element.id));
  let cursor = steps.findIndex((step) => !done(step));
  if (cursor < 0) cursor = steps.length;
  while (cursor < steps.length) {
    const step = steps[cursor]!;
    const canGoBack = cursor > 0;
    if (step.kind === "item") {
      const id = step.question.item.id;
      const answer = await ports.askItem(step.question, { previous: state.answers[id], canGoBack });
      if (answer === BACK) {
        cursor = Math.max(0, cursor - 1);
        continue;
      }
      state.answers[id] = answer;
    } else {
      const id = step.question.element.id;
      const asked = state.commented.includes(id);
      const comment = await ports.askComment!(step.question, { previous: asked ? (state.comments[id] ?? "") : undefined, canGoBack });
      if (comment === BACK) {
        cursor = Math.max(0, cursor - 1);
        continue;
      }
      if (comment.trim()) state.comments[id] = comment.trim();
      else delete state.comments[id];
      if (!asked) state.commented.push(id);
    }
    await ports.onProgress?.(state);
    cursor++;
  }
  return state;
}
