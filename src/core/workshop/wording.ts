import { itemText, labelOf, presentedTo } from "../questionnaire/levels.ts";
import type { Item, Questionnaire } from "../questionnaire/questionnaire.ts";
import { wordingGroups } from "../report/report-items.ts";
import type { Lang } from "../text.ts";

/**
 * One wording of a statement among the people behind a figure: the levels (ids and labels) that were
 * asked it and how many of them answered the questionnaire (only to pick the wording most of them saw).
 */
export type Wording = { levels: string[]; labels: string[]; text: string; n: number };

/**
 * The wordings of `item` that the respondents behind a pooled figure were asked, in questionnaire order:
 * `respondents` counts finished respondents per raw level, and only levels that were asked the item and
 * have respondents count — a figure never carries a wording nobody behind it saw (issue 18).
 */
export function wordingsBehind(q: Questionnaire, item: Item, respondents: ReadonlyMap<string, number>, lang: Lang): Wording[] {
  const levels = q.levels.map((l) => l.id).filter((id) => presentedTo(item, id) && (respondents.get(id) ?? 0) > 0);
  if (levels.length === 0) return [{ levels: [], labels: [], text: itemText(item, undefined, lang), n: 0 }];
  return wordingGroups(item, levels, lang).map((w) => ({
    ...w,
    labels: w.levels.map((id) => labelOf(q.levels.find((l) => l.id === id)!, lang)),
    n: w.levels.reduce((s, id) => s + (respondents.get(id) ?? 0), 0),
  }));
}

/** Each wording labelled with the levels that were asked it ("Teamleder: …"); the bare text where all saw the same. */
export const labelledWordings = (wordings: readonly Wording[]): { label: string | null; text: string }[] =>
  wordings.length <= 1 ? wordings.map((w) => ({ label: null, text: w.text })) : wordings.map((w) => ({ label: w.labels.join(", "), text: w.text }));

/** Where space is short: the wording most of the respondents saw, and a note that it varies by level. */
export function commonWording(wordings: readonly Wording[], lang: Lang): string {
  const most = [...wordings].sort((a, b) => b.n - a.n)[0]!;
  if (wordings.length <= 1) return most.text;
  return `${most.text} ${lang === "da" ? "(ordlyden varierer efter niveau)" : "(the wording varies by level)"}`;
}

/** All wordings in one string, each labelled with its levels where they differ (PDF, terminal). */
export const wordingsText = (wordings: readonly Wording[], separator = "\n"): string =>
  labelledWordings(wordings).map((w) => (w.label === null ? w.text : `${w.label}: »${w.text}«`)).join(separator);
