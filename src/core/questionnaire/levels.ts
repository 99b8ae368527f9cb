import type { Band, Element, Item, LevelText, Questionnaire } from "./questionnaire.ts";
import type { Lang } from "../text.ts";

/** Whether the item is presented to the level (items without `levels` go to every level). */
export const presentedTo = (item: Item, level: string): boolean =>
  item.levels === undefined || item.levels.includes(level);

/** P(e, L): the element's items presented to the level, in questionnaire order. */
export const elementItems = (element: Element, level: string): Item[] =>
  element.items.filter((item) => presentedTo(item, level));

export const allItems = (q: Questionnaire): Item[] =>
  q.areas.flatMap((area) => area.elements.flatMap((element) => element.items));

export const allElements = (q: Questionnaire): Element[] => q.areas.flatMap((area) => area.elements);

export const itemsForLevel = (q: Questionnaire, level: string): Item[] =>
  allItems(q).filter((item) => presentedTo(item, level));

const pick = (text: LevelText, level: string | undefined): string | undefined => {
  if (typeof text === "string") return text;
  return (level !== undefined ? text[level] : undefined) ?? text.default ?? Object.values(text)[0];
};

/** The item's wording for a level and language; English falls back to Danish where no translation exists. */
export function itemText(item: Item, level: string | undefined, lang: Lang): string {
  const english = lang === "en" && item.text_en !== undefined ? pick(item.text_en, level) : undefined;
  return english ?? pick(item.text, level) ?? item.id;
}

type Labelled = { label: string; label_en?: string | undefined };
type Described = { description?: string | undefined; description_en?: string | undefined };

export const labelOf = (node: Labelled, lang: Lang): string =>
  lang === "en" ? (node.label_en ?? node.label) : node.label;

export const descriptionOf = (node: Described, lang: Lang): string | undefined =>
  lang === "en" ? (node.description_en ?? node.description) : node.description;

export const titleOf = (q: Questionnaire, lang: Lang): string => (lang === "en" ? (q.title_en ?? q.title) : q.title);

/** The label of scale value `value` (or the number itself where the scale leaves it unlabelled). */
export function scaleLabel(q: Questionnaire, value: number, lang: Lang): string {
  const labels = lang === "en" ? { ...q.scale.labels, ...q.scale.labels_en } : q.scale.labels;
  return labels[String(value)] ?? String(value);
}

export const dontKnowLabel = (q: Questionnaire, lang: Lang): string | undefined =>
  lang === "en" ? (q.scale.dont_know_en ?? q.scale.dont_know) : q.scale.dont_know;

/** The band of a 0-100 score: the last band with `min ≤ score`; none below the first band. */
export function bandFor(score: number | null, bands: readonly Band[]): Band | null {
  if (score === null) return null;
  let found: Band | null = null;
  // The tolerance keeps a score that is 60 in exact arithmetic in the 60 band despite float rounding.
  for (const band of bands) if (band.min <= score + 1e-9) found = band;
  return found;
}

/** Mirror levels (`rates: …`) rate another level's practice; they are never mixed into the leaders' figures. */
export const isMirrorLevel = (q: Questionnaire, level: string): boolean => q.levels.some((l) => l.id === level && l.rates !== undefined);

/** The population a level belongs to in every breakdown: `ledere`, or the mirror level's own id (SPEC §4 rule 6). */
export const LEADERS = "ledere";
export const populationOf = (q: Questionnaire, level: string): string => (isMirrorLevel(q, level) ? level : LEADERS);
