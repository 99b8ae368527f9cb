// Room core/workshop/ — the workshop day: the folder's model, participants' progress, the room's view and state, consensus and the workshop report's model.
// Rule 5 over time lives in publication.ts: every output renders the room from the snapshot `decideRoomPublication(record, scope, current, cellsOf, k)`
// returns ("first" | "same" | "refresh" | "frozen", the answers the figures rest on, how many wait); the caller records "first"/"refresh" in
// visninger.json (recordPublication) and builds `roomView` from those answers only — the screen to come should do the same (see cli/commands/workshop/room-store.ts).
import { z } from "zod";
import type { Path } from "../issues.ts";
import { allElements } from "../questionnaire/levels.ts";
import { Id, type Questionnaire } from "../questionnaire/questionnaire.ts";
import { t, type Text } from "../text.ts";

const Line = z.string().trim().min(1);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "date_pattern" });

/** One action of the plan: what is done, by whom, by when, and how the room will know it worked. */
export const Action = z.strictObject({
  what: Line,
  who: Line,
  when: Day,
  success: Line,
  /** Filled in at the follow-up a year later: what became of the action (shown by `report --baseline`). */
  outcome: z.string().trim().optional(),
});
export type Action = z.infer<typeof Action>;

/** The room's figures when a round was agreed: n and, where the engine shows them, mean and sd on the questionnaire's scale. */
export const Round = z.strictObject({ round: z.int().min(1), n: z.int().min(0), mean: z.number().nullable(), sd: z.number().nullable() });
export type Round = z.infer<typeof Round>;

export const ElementConsensus = z.strictObject({
  score: z.number(),
  rationale: Line,
  dissent: z.string().trim().optional(),
  strengths: z.array(Line).default([]),
  improvements: z.array(Line).default([]),
  actions: z.array(Action).default([]),
  rounds: z.array(Round).default([]),
  decided_at: z.string().optional(),
});
export type ElementConsensus = z.infer<typeof ElementConsensus>;

/** `konsensus.yaml` (SPEC §6); the same shape is accepted as JSON by `workshop agree --consensus`. */
export const Consensus = z.strictObject({
  elements: z.record(Id, ElementConsensus).default({}),
  /** Rounds of elements not agreed yet (SPEC §6.1: round 1 is kept when round 2 starts); they move into the element once it is agreed. */
  rounds: z.record(Id, z.array(Round)).optional(),
});
export type Consensus = z.infer<typeof Consensus>;

/** What the schema cannot know: element ids and the score's scale come from the workshop's questionnaire. */
export function consensusProblems(q: Questionnaire, c: Consensus): { path: Path; message: Text }[] {
  const ids = allElements(q).map((e) => e.id);
  const { min, max } = q.scale;
  const out: { path: Path; message: Text }[] = [];
  for (const [id, element] of Object.entries(c.elements)) {
    if (!ids.includes(id)) {
      out.push({ path: ["elements", id], message: t(`ukendt element; skemaets elementer er ${ids.join(", ")}`, `unknown element; the questionnaire's elements are ${ids.join(", ")}`) });
      continue;
    }
    // Half points are allowed: a room often agrees "between 3 and 4"; anything finer is false precision.
    if (element.score < min || element.score > max || !Number.isInteger(element.score * 2)) {
      out.push({ path: ["elements", id, "score"], message: t(`skal være på skemaets skala, ${min}-${max} (hele eller halve point)`, `must be on the questionnaire's scale, ${min}-${max} (whole or half points)`) });
    }
  }
  return out;
}

/** Element entries in the questionnaire's order, so the file reads like the questionnaire. */
export function ordered(q: Questionnaire, c: Consensus): Consensus {
  const ids = allElements(q).map((e) => e.id);
  const entries = Object.entries(c.elements).sort(([a], [b]) => ids.indexOf(a) - ids.indexOf(b));
  const rounds = Object.entries(c.rounds ?? {}).filter(([id, list]) => list.length > 0 && !c.elements[id]).sort(([a], [b]) => ids.indexOf(a) - ids.indexOf(b));
  return { elements: Object.fromEntries(entries), ...(rounds.length > 0 ? { rounds: Object.fromEntries(rounds) } : {}) };
}

/** `handleplan.csv`'s rows: one per action, in the questionnaire's element order. */
export const PLAN_COLUMNS = ["element_id", "handling", "ansvarlig", "frist", "succeskriterium"] as const;
export const planRows = (q: Questionnaire, c: Consensus): string[][] =>
  Object.entries(ordered(q, c).elements).flatMap(([id, e]) => e.actions.map((a) => [id, a.what, a.who, a.when, a.success]));

/** What the facilitator or `workshop agree` gives; the tool adds the rounds and the time. */
export type Agreement = Omit<ElementConsensus, "rounds" | "decided_at"> & Partial<Pick<ElementConsensus, "rounds" | "decided_at">>;

/**
 * Records an element's agreement in round `round`: the room's figures at that moment replace an
 * earlier snapshot of the same round and stand beside the other rounds, so a re-vote keeps round 1.
 */
export function recordAgreement(c: Consensus, id: string, agreed: Agreement, snapshot: Round | undefined, decidedAt: string): Consensus {
  const kept = agreed.rounds ?? c.elements[id]?.rounds ?? c.rounds?.[id] ?? [];
  const rounds = snapshot ? [...kept.filter((r) => r.round !== snapshot.round), snapshot].sort((a, b) => a.round - b.round) : kept;
  const { dissent, ...rest } = agreed;
  // The form has no field for a follow-up's outcome: an action kept by its wording keeps its outcome.
  const before = c.elements[id]?.actions ?? [];
  const actions = rest.actions.map((a) => {
    const outcome = a.outcome ?? before.find((b) => b.what === a.what)?.outcome;
    return outcome ? { ...a, outcome } : a;
  });
  const entry: ElementConsensus = { ...rest, actions, ...(dissent ? { dissent } : {}), rounds, decided_at: agreed.decided_at ?? decidedAt };
  const { [id]: _, ...rest2 } = c.rounds ?? {};
  return { elements: { ...c.elements, [id]: entry }, ...(Object.keys(rest2).length > 0 ? { rounds: rest2 } : {}) };
}

/** A round's figures kept when the next round starts, whether or not the element is agreed yet. */
export function recordRound(c: Consensus, id: string, snapshot: Round): Consensus {
  const merge = (list: readonly Round[]) => [...list.filter((r) => r.round !== snapshot.round), snapshot].sort((a, b) => a.round - b.round);
  const agreed = c.elements[id];
  if (agreed) return { ...c, elements: { ...c.elements, [id]: { ...agreed, rounds: merge(agreed.rounds) } } };
  return { ...c, rounds: { ...c.rounds, [id]: merge(c.rounds?.[id] ?? []) } };
}
