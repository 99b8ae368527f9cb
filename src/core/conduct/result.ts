import { citeSource } from "../questionnaire/citation.ts";
import { adviceFor } from "../questionnaire/advice.ts";
import type { GoodPractice } from "../questionnaire/good-practice.ts";
import { bandFor, elementItems, isMirrorLevel, labelOf } from "../questionnaire/levels.ts";
import type { Questionnaire } from "../questionnaire/questionnaire.ts";
import type { Answer, RespondentScores } from "../scoring/scoring.ts";
import type { Lang } from "../text.ts";

export type ScoredDimension = { id: string; label: string; score: number | null; band: string | null };

/** How many statements an element's score rests on: answered on the scale, of those put to the level. */
export type Basis = { answered: number; asked: number };

/** One respondent's result as shown at the end of `run`: the model the terminal view draws. */
export type RespondentResult = {
  elements: (ScoredDimension & { area: string; basis?: Basis })[];
  areas: ScoredDimension[];
  total: ScoredDimension;
  /** Every element sharing the highest score as shown (rounded): a tie is named as a tie. Empty when all are equal. */
  strongest: ScoredDimension[];
  /** The lowest one or two scores as shown, with everything tied with them; never one of the strongest. */
  weakest: ScoredDimension[];
  /** Every scored element has the same score: no strongest, no weakest, no advice. */
  allEqual: boolean;
  /** A mirror respondent (medarbejder) rates their leader: the screen says so instead of "your result". */
  mirror: boolean;
  advice: { element: ScoredDimension; text: string; source: string }[];
};

/** Scores compare as they are shown, rounded to whole points, so "75" and "75" are never called stronger and weaker. */
const shown = (d: ScoredDimension) => Math.round(d.score!);

export function buildRespondentResult(
  q: Questionnaire,
  level: string,
  scores: RespondentScores,
  lang: Lang,
  practice?: GoodPractice,
  answers?: Readonly<Record<string, Answer | undefined>>,
): RespondentResult {
  const dimension = (id: string, label: string): ScoredDimension => {
    const score = scores[id] ?? null;
    const band = bandFor(score, q.bands);
    return { id, label, score, band: band ? labelOf(band, lang) : null };
  };
  const basis = (element: (typeof q.areas)[number]["elements"][number]): { basis?: Basis } => {
    if (!answers) return {};
    const asked = elementItems(element, level);
    return { basis: { answered: asked.filter((item) => typeof answers[item.id] === "number").length, asked: asked.length } };
  };
  const elements = q.areas.flatMap((area) =>
    area.elements.map((element) => ({ ...dimension(element.id, labelOf(element, lang)), area: area.id, ...basis(element) })),
  );
  const scored = elements.filter((e) => e.score !== null).sort((a, b) => a.score! - b.score!);
  const allEqual = scored.length > 1 && shown(scored[0]!) === shown(scored[scored.length - 1]!);
  const top = scored.length > 1 && !allEqual ? shown(scored[scored.length - 1]!) : undefined;
  const strongest = top === undefined ? [] : scored.filter((e) => shown(e) === top);
  // The weakest one or two scores, with every element tied with them, never one of the strongest.
  const cut = scored.length > 1 && !allEqual ? shown(scored[Math.min(1, scored.length - 1 - strongest.length)]!) : undefined;
  const weakest = cut === undefined ? [] : scored.filter((e) => shown(e) <= cut && shown(e) !== top);
  return {
    elements,
    areas: q.areas.map((area) => dimension(area.id, labelOf(area, lang))),
    total: dimension("total", lang === "da" ? "Samlet" : "Overall"),
    strongest,
    weakest,
    allEqual,
    mirror: isMirrorLevel(q, level),
    advice: weakest.flatMap((element) => {
      const advice = adviceFor(practice, element.id, level, lang);
      // A reader's citation ("Socialstyrelsen 2014, Delrapport 1, afsnit 3.4.4") where the questionnaire lists its sources.
      return advice ? [{ element, text: advice.text, source: citeSource(q.sources, advice.source, lang) }] : [];
    }),
  };
}


/** "A, B og C": names joined as a sentence says them. */
export const joinNames = (names: readonly string[], lang: Lang): string =>
  names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} ${lang === "da" ? "og" : "and"} ${names.at(-1)}`;

/** Elements grouped by their shown score, lowest first: "A og B (25), C (40)" — a tie reads as a tie. */
export function namesWithScores(dims: readonly ScoredDimension[], lang: Lang): string {
  const groups = new Map<number, string[]>();
  for (const d of [...dims].sort((a, b) => shown(a) - shown(b))) (groups.get(shown(d)) ?? groups.set(shown(d), []).get(shown(d))!).push(d.label);
  return [...groups].map(([score, names]) => `${joinNames(names, lang)} (${score})`).join(", ");
}
