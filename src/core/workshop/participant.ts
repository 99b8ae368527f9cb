import { z } from "zod";
import { elementItems, itemText, labelOf, descriptionOf } from "../questionnaire/levels.ts";
import type { Area, Element, Item, Questionnaire } from "../questionnaire/questionnaire.ts";
import { DONT_KNOW, type Answer } from "../scoring/scoring.ts";
import { choicesFor, type Choice } from "../conduct/survey.ts";
import type { Lang } from "../text.ts";

/** Longest comment kept; a phone keyboard never needs more, and it bounds what one participant can store. */
export const MAX_COMMENT = 2000;

/** `fremdrift/<pseudonym>.json`: one participant's place in the survey, saved after every page. */
export const ParticipantProgress = z.strictObject({
  respondent_id: z.string().regex(/^w-[0-9a-f]{16}$/),
  questionnaire_hash: z.string(),
  level: z.string().nullable(),
  /** 0 = the level page, 1…N = the element pages. */
  page: z.int().min(0).max(1000),
  started_at: z.string(),
  answers: z.record(z.string(), z.union([z.int(), z.literal(DONT_KNOW)])),
  comments: z.record(z.string(), z.string().max(MAX_COMMENT)),
  /** Set once the row is in besvarelser.csv; the file then only lets the participant see their result again. */
  submitted_at: z.string().optional(),
});
export type ParticipantProgress = z.infer<typeof ParticipantProgress>;

export type PageItem = { item: Item; text: string; choices: Choice[] };
export type ElementPage = { number: number; element: Element; area: Area; label: string; description: string | undefined; items: PageItem[] };

/** One page per element that has items for the level, in questionnaire order. */
export function elementPages(q: Questionnaire, level: string, lang: Lang): ElementPage[] {
  const choices = choicesFor(q, lang);
  const pages: ElementPage[] = [];
  for (const area of q.areas) {
    for (const element of area.elements) {
      const items = elementItems(element, level);
      if (items.length === 0) continue;
      pages.push({
        number: pages.length + 1,
        element,
        area,
        label: labelOf(element, lang),
        description: descriptionOf(element, lang),
        items: items.map((item) => ({ item, text: itemText(item, level, lang), choices })),
      });
    }
  }
  return pages;
}

export const startProgress = (respondent: string, hash: string, startedAt: string): ParticipantProgress => ({
  respondent_id: respondent,
  questionnaire_hash: hash,
  level: null,
  page: 0,
  started_at: startedAt,
  answers: {},
  comments: {},
});

/** A posted radio value: an integer on the scale or "ved_ikke"; anything else is refused, never stored. */
function parseAnswer(q: Questionnaire, raw: string): Answer | undefined {
  if (raw === DONT_KNOW) return q.scale.dont_know !== undefined ? DONT_KNOW : undefined;
  if (!/^-?\d{1,4}$/.test(raw)) return undefined;
  const value = Number(raw);
  return value >= q.scale.min && value <= q.scale.max ? value : undefined;
}

/**
 * The state after a posted element page: its items' answers replace the page's old ones (a radio left
 * empty stays unanswered), and its comment is kept trimmed. Returns undefined for a value off the scale.
 */
export function applyElementPage(
  q: Questionnaire,
  progress: ParticipantProgress,
  page: ElementPage,
  form: Record<string, string | undefined>,
): ParticipantProgress | undefined {
  const answers = { ...progress.answers };
  for (const { item } of page.items) {
    const raw = form[item.id];
    delete answers[item.id];
    if (raw === undefined || raw === "") continue;
    const answer = parseAnswer(q, raw);
    if (answer === undefined || answer === null) return undefined;
    answers[item.id] = answer;
  }
  const comments = { ...progress.comments };
  const comment = (form.kommentar ?? "").trim().slice(0, MAX_COMMENT);
  if (comment) comments[page.element.id] = comment;
  else delete comments[page.element.id];
  return { ...progress, answers, comments };
}

/** The page's statements still without an answer ("Ved ikke" counts as an answer), for the gentle prompt. */
export const unansweredOn = (page: ElementPage, progress: ParticipantProgress): PageItem[] =>
  page.items.filter(({ item }) => progress.answers[item.id] === undefined);
