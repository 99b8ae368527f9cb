import { allElements, allItems } from "../questionnaire/levels.ts";
import type { Questionnaire } from "../questionnaire/questionnaire.ts";
import { FIXED_COLUMNS } from "../questionnaire/rules.ts";
import { DONT_KNOW, type Answer } from "../scoring/scoring.ts";

export const COMMENT_PREFIX = "comment.";

/** One respondent's completed answers, as written to a wide row. */
export type Response = {
  respondent_id: string;
  questionnaire_id: string;
  questionnaire_version: string;
  level: string;
  group: string;
  submitted_at: string;
  metadata: Record<string, string>;
  answers: Record<string, Answer>;
  comments: Record<string, string>;
};

/** The wide header of SPEC §3: fixed columns, metadata, every item, then a comment column per element. */
export const wideColumns = (q: Questionnaire, metadata: readonly string[] = []): string[] => [
  ...FIXED_COLUMNS,
  ...metadata,
  ...allItems(q).map((item) => item.id),
  ...allElements(q).map((element) => `${COMMENT_PREFIX}${element.id}`),
];

export const answerCell = (answer: Answer | undefined): string =>
  answer === null || answer === undefined ? "" : answer === DONT_KNOW ? DONT_KNOW : String(answer);

/** The cells of a wide row, in the order of `wideColumns(q, metadataNames)`. */
export function wideCells(q: Questionnaire, response: Response, metadataNames: readonly string[] = []): string[] {
  return [
    response.respondent_id,
    response.questionnaire_id,
    response.questionnaire_version,
    response.level,
    response.group,
    response.submitted_at,
    ...metadataNames.map((name) => response.metadata[name] ?? ""),
    ...allItems(q).map((item) => answerCell(response.answers[item.id])),
    ...allElements(q).map((element) => response.comments[element.id] ?? ""),
  ];
}

/** Columns whose text comes from people, and so must be defused against spreadsheet formulas. */
export const isFreeTextColumn = (column: string, q: Questionnaire): boolean =>
  !allItems(q).some((item) => item.id === column) &&
  !["questionnaire_id", "questionnaire_version", "level", "submitted_at"].includes(column);
