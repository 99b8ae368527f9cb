import { bundledPath } from "../../src/adapters/files/bundled.ts";
import { csvLine } from "../../src/adapters/csv/csv-write.ts";
import { elementItems, allElements } from "../../src/core/questionnaire/levels.ts";
import type { Questionnaire } from "../../src/core/questionnaire/questionnaire.ts";
import { wideCells, wideColumns, type Response } from "../../src/core/responses/responses.ts";
import type { Answer } from "../../src/core/scoring/scoring.ts";
import { loadValid } from "./load.ts";

export const fagligLedelse = (): Questionnaire => loadValid(bundledPath("faglig-ledelse"));

export type Person = { id: string; level: string; group?: string; value?: number; submitted?: string; meta?: Record<string, string>; comment?: string };

/** A response answering every item put to the person's level with `value` (default 3). */
export function response(q: Questionnaire, p: Person): Response {
  const answers: Record<string, Answer> = {};
  for (const element of allElements(q)) for (const item of elementItems(element, p.level)) answers[item.id] = p.value ?? 3;
  const firstElement = allElements(q)[0]!.id;
  return {
    respondent_id: p.id,
    questionnaire_id: q.id,
    questionnaire_version: q.version,
    level: p.level,
    group: p.group ?? "Enhed",
    submitted_at: p.submitted ?? "2026-03-02T09:30:00+01:00",
    metadata: p.meta ?? {},
    answers,
    comments: p.comment ? { [firstElement]: p.comment } : {},
  };
}

/** A wide CSV of these people, with the given metadata columns. */
export const wideCsv = (q: Questionnaire, people: Person[], metadata: string[] = []): string =>
  [wideColumns(q, metadata), ...people.map((p) => wideCells(q, response(q, p), metadata))].map((cells) => csvLine(cells)).join("");

/** `count` people of one level named prefix1…prefixN. */
export const people = (prefix: string, level: string, count: number, extra: Partial<Person> = {}): Person[] =>
  Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i + 1}`, level, ...extra }));
