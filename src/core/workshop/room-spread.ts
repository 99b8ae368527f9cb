import type { GroupRow } from "../scoring/group-summary.ts";
import { round2 } from "../scoring/rounding.ts";

/**
 * The spread of a shown cell in scale points, so that workshop.yaml's rule ("range ≥ 3 scale
 * points or sd ≥ 1.0") reads as the room counts it. Element scores are 0-100; one scale point is
 * 100 / (max − min) of them.
 */
export type Spread = { range: number; sd: number | null; flagged: boolean };
export type ItemSpread = { itemId: string; range: number; sd: number | null; n: number };

export function spreadOf(row: GroupRow, scale: { min: number; max: number }, rule: { range: number; sd: number }): Spread | null {
  if (row.suppressed || row.min === null || row.max === null) return null;
  const perPoint = 100 / (scale.max - scale.min);
  const range = (row.max - row.min) / perPoint;
  const sd = row.sd === null ? null : row.sd / perPoint;
  // Floats: a range of exactly 3 points computed from scores must count as reaching 3.
  const flagged = range >= rule.range - 1e-9 || (sd !== null && sd >= rule.sd - 1e-9);
  return { range, sd, flagged };
}

/** Range and sample sd (scale points, raw answers) of one item's shown answer counts; "ved ikke" (last) left out. */
export function itemSpread(itemId: string, counts: readonly number[], min: number): ItemSpread {
  const values = counts.slice(0, -1);
  const n = values.reduce((a, b) => a + b, 0);
  const present = values.flatMap((c, i) => (c > 0 ? [i] : []));
  const range = present.length === 0 ? 0 : present.at(-1)! - present[0]!;
  if (n < 2) return { itemId, range, sd: null, n };
  const mean = values.reduce((s, c, i) => s + c * (min + i), 0) / n;
  const squares = values.reduce((s, c, i) => s + c * (min + i - mean) ** 2, 0);
  return { itemId, range, sd: Math.sqrt(squares / (n - 1)), n };
}

/** A 0-100 score on the questionnaire's scale (the scale the room agrees on). */
export const toScale = (score: number, scale: { min: number; max: number }): number => scale.min + (score / 100) * (scale.max - scale.min);
/** A 0-100 difference or sd in scale points. */
export const toPoints = (score: number, scale: { min: number; max: number }): number => (score / 100) * (scale.max - scale.min);

/** The room's figures for a round, as kept in konsensus.yaml: n always, mean and sd only where the engine shows them. */
export function roundFrom(room: GroupRow, scale: { min: number; max: number }, round: number) {
  const shown = !room.suppressed && room.mean !== null;
  return {
    round,
    n: room.n,
    mean: shown ? round2(toScale(room.mean!, scale)) : null,
    sd: shown && room.sd !== null ? round2(toPoints(room.sd, scale)) : null,
  };
}

/** The room's answers per scale value over an element's statements; `dontKnow` apart; `reversed`: a reverse-keyed statement was turned. */
export type ElementDistribution = { counts: number[]; dontKnow: number; n: number; reversed: boolean };

/**
 * Sums the per-statement counts the view already shows (scale values, then "ved ikke" last), a
 * reverse-keyed statement's value v counted as min + max − v so that every bar means the same
 * direction. Only when every statement's counts are shown: the sum of published figures reveals
 * nothing new, whereas a sum that took in a hidden statement would let the room subtract its way to
 * the hidden counts — so one hidden statement leaves the element without a distribution (null).
 */
export function elementDistribution(items: readonly { counts: readonly number[] | null; reverse: boolean }[], scale: { min: number; max: number }): ElementDistribution | null {
  if (items.length === 0 || items.some((d) => d.counts === null)) return null;
  const width = scale.max - scale.min + 1;
  const counts = new Array<number>(width).fill(0);
  let dontKnow = 0;
  for (const d of items) {
    const c = d.counts!;
    for (let j = 0; j < width; j++) counts[d.reverse ? width - 1 - j : j]! += c[j]!;
    dontKnow += c[width] ?? 0;
  }
  return { counts, dontKnow, n: counts.reduce((a, b) => a + b, 0), reversed: items.some((d) => d.reverse) };
}
