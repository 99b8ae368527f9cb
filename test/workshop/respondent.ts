import { AnswerKind } from "../../src/core/scoring/item-stats.ts";
import { allItems } from "../../src/core/questionnaire/levels.ts";
import type { Questionnaire } from "../../src/core/questionnaire/questionnaire.ts";
import type { RoomRespondent } from "../../src/core/workshop/room.ts";

/** One finished respondent as the room reads it, from answers by item id. */
export function respondent(q: Questionnaire, level: string, answers: Record<string, number | "ved_ikke">): RoomRespondent {
  const items = allItems(q);
  const values = Float64Array.from(items, (it) => (typeof answers[it.id] === "number" ? (answers[it.id] as number) : NaN));
  const kinds = Uint8Array.from(items, (it) => (answers[it.id] === undefined ? AnswerKind.Empty : answers[it.id] === "ved_ikke" ? AnswerKind.DontKnow : AnswerKind.Value));
  return { level, values, kinds };
}
