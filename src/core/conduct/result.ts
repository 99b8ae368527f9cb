import { citeSource } from "../questionnaire/citation.ts";
import { adviceFor, type GoodPractice } from "../questionnaire/good-practice.ts";
import { bandFor, labelOf } from "../questionnaire/levels.ts";
import type { Questionnaire } from "../questionnaire/questionnaire.ts";
import type { RespondentScores } from "../scoring/scoring.ts";
import type { Lang } from "../text.ts";

export type ScoredDimension = { id: string; label: string; score: number | null; band: string | null };

/** One respondent's result as shown at the end of `run`: the model the terminal view draws. */
export type RespondentResult = {
  elements: (ScoredDimension & { area: string })[];
  areas: ScoredDimension[];
  total: ScoredDimension;
  strongest: ScoredDimension | null;
  weakest: ScoredDimension[];
  advice: { element: ScoredDimension; text: string; source: string }[];
};

export function buildRespondentResult(
  q: Questionnaire,
  level: string,
  scores: RespondentScores,
  lang: Lang,
  practice?: GoodPractice,
): RespondentResult {
  const dimension = (id: string, label: string): ScoredDimension => {
    const score = scores[id] ?? null;
    const band = bandFor(score, q.bands);
    return { id, label, score, band: band ? labelOf(band, lang) : null };
  };
  const elements = q.areas.flatMap((area) =>
    area.elements.map((element) => ({ ...dimension(element.id, labelOf(element, lang)), area: area.id })),
  );
  const scored = elements.filter((e) => e.score !== null).sort((a, b) => a.score! - b.score!);
  // The weakest one or two, never the strongest among them.
  const weakest = scored.slice(0, Math.min(2, scored.length - 1));
  return {
    elements,
    areas: q.areas.map((area) => dimension(area.id, labelOf(area, lang))),
    total: dimension("total", lang === "da" ? "Samlet" : "Overall"),
    strongest: scored.length > 1 ? scored[scored.length - 1]! : null,
    weakest,
    advice: weakest.flatMap((element) => {
      const advice = adviceFor(practice, element.id, level, lang);
      // A reader's citation ("Socialstyrelsen 2014, Delrapport 1, afsnit 3.4.4") where the questionnaire lists its sources.
      return advice ? [{ element, text: advice.text, source: citeSource(q.sources, advice.source, lang) }] : [];
    }),
  };
}

