/**
 * The advice for an element at a level. Apart from the schema (good-practice.ts), so that the
 * report and the result need no zod: the texts come validated from the build's cache.
 */
import type { Lang } from "../text.ts";
import type { GoodPractice } from "./good-practice.ts";

export function adviceFor(practice: GoodPractice | undefined, element: string, level: string, lang: Lang) {
  const entry = practice?.elements[element];
  const advice = entry?.[level] ?? entry?.default;
  return advice ? { text: advice[lang], source: advice.source } : undefined;
}
