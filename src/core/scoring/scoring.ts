import { allElements, allItems, presentedTo } from "../questionnaire/levels.ts";
import type { Questionnaire } from "../questionnaire/questionnaire.ts";

/** An answer as read: a scale value, "don't know", or nothing (not answered / not presented). */
export type Answer = number | "ved_ikke" | null;

export const DONT_KNOW = "ved_ikke";

/**
 * The questionnaire compiled for fast scoring: items and dimensions by index, one plan per level.
 * Batch scoring runs this per row, so it works on numeric arrays (NaN = missing), not on maps.
 */
export type ScoringModel = {
  itemIds: string[];
  /** Elements in questionnaire order, then areas, then "total". */
  dimensions: string[];
  elementCount: number;
  areaCount: number;
  plans: Map<string, LevelPlan>;
  min: number;
  max: number;
};

type Group = { members: number[]; need: number };
export type LevelPlan = {
  /** Per element: indices into itemIds of P(e, L) and how many must be answered; null where P(e, L) is empty. */
  elements: (Group & { reverse: boolean[] } | null)[];
  /** Per area: indices of the elements that apply to L; null where none apply. */
  areas: (Group | null)[];
  total: Group | null;
  /** The indices of the items presented to L, ascending: every other item of a valid row is empty. */
  items: number[];
};

/** max(1, ceil(fraction × n)); the tolerance stops 0.6 × 5 = 3.0000000000000004 from becoming 4. */
export const required = (fraction: number, n: number): number => Math.max(1, Math.ceil(fraction * n - 1e-9));

export function compileScoring(q: Questionnaire): ScoringModel {
  const items = allItems(q);
  const itemIndex = new Map(items.map((item, i) => [item.id, i]));
  const elements = allElements(q);
  const elementIndex = new Map(elements.map((el, i) => [el.id, i]));
  const fraction = q.scoring.min_answered;
  const plans = new Map<string, LevelPlan>();
  for (const level of q.levels) {
    const elementPlans = elements.map((element) => {
      const presented = element.items.filter((item) => presentedTo(item, level.id));
      if (presented.length === 0) return null;
      return {
        members: presented.map((item) => itemIndex.get(item.id)!),
        reverse: presented.map((item) => item.reverse),
        need: required(fraction, presented.length),
      };
    });
    const applying = (ids: string[]): Group | null => {
      const members = ids.map((id) => elementIndex.get(id)!).filter((i) => elementPlans[i] !== null);
      return members.length === 0 ? null : { members, need: required(fraction, members.length) };
    };
    plans.set(level.id, {
      elements: elementPlans,
      areas: q.areas.map((area) => applying(area.elements.map((el) => el.id))),
      total: applying(elements.map((el) => el.id)),
      items: elementPlans.flatMap((plan) => plan?.members ?? []).sort((a, b) => a - b),
    });
  }
  return {
    itemIds: items.map((item) => item.id),
    dimensions: [...elements.map((el) => el.id), ...q.areas.map((area) => area.id), "total"],
    elementCount: elements.length,
    areaCount: q.areas.length,
    plans,
    min: q.scale.min,
    max: q.scale.max,
  };
}

function meanOf(values: Float64Array, group: Group): number {
  let sum = 0;
  let n = 0;
  for (const i of group.members) {
    const v = values[i]!;
    if (!Number.isNaN(v)) {
      sum += v;
      n++;
    }
  }
  return n >= group.need ? sum / n : NaN;
}

/**
 * Scores one respondent. `values` holds the raw answer per item index (NaN = missing);
 * the result holds one score per dimension (NaN = missing), written into `out`.
 */
export function scoreValues(model: ScoringModel, plan: LevelPlan, values: ArrayLike<number>, out: Float64Array): Float64Array {
  const { min, max, elementCount, areaCount } = model;
  const span = max - min;
  for (let e = 0; e < elementCount; e++) {
    const element = plan.elements[e];
    out[e] = NaN;
    if (!element) continue;
    let sum = 0;
    let n = 0;
    for (let j = 0; j < element.members.length; j++) {
      const v = values[element.members[j]!]!;
      if (Number.isNaN(v)) continue;
      const keyed = element.reverse[j] ? min + max - v : v;
      sum += ((keyed - min) / span) * 100;
      n++;
    }
    if (n >= element.need) out[e] = sum / n;
  }
  for (let a = 0; a < areaCount; a++) {
    const area = plan.areas[a];
    out[elementCount + a] = area ? meanOf(out, area) : NaN;
  }
  out[elementCount + areaCount] = plan.total ? meanOf(out, plan.total) : NaN;
  return out;
}

export type RespondentScores = Record<string, number | null>;

/** Convenience for single respondents: answers keyed by item id, scores keyed by dimension id. */
export function scoreAnswers(model: ScoringModel, level: string, answers: Readonly<Record<string, Answer>>): RespondentScores {
  const plan = model.plans.get(level);
  if (!plan) throw new Error(`Unknown level "${level}"`);
  const values = Float64Array.from(model.itemIds, (id) => {
    const answer = answers[id];
    return typeof answer === "number" ? answer : NaN;
  });
  const scores = scoreValues(model, plan, values, new Float64Array(model.dimensions.length));
  return Object.fromEntries(model.dimensions.map((dim, i) => [dim, Number.isNaN(scores[i]!) ? null : scores[i]!]));
}
