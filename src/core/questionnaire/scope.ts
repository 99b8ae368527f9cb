import type { Questionnaire } from "./questionnaire.ts";
import type { Lang } from "../text.ts";

/** The scope and its note, as lines for list, show and the run's welcome (empty when the questionnaire has none). */
export function scopeLines(q: Questionnaire, lang: Lang): string[] {
  const scope = lang === "en" ? (q.scope_en ?? q.scope) : q.scope;
  const note = lang === "en" ? (q.scope_note_en ?? q.scope_note) : q.scope_note;
  return [...(scope ? [`${lang === "en" ? "Written for" : "Skrevet til"}: ${scope}`] : []), ...(note ? [note] : [])];
}
