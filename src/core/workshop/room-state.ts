import { z } from "zod";
import { Id } from "../questionnaire/questionnaire.ts";

/**
 * `rum.json`: what the facilitator has revealed and which round each element is in. Kept in the
 * folder so a restarted server shows the room where it was.
 */
export const RoomState = z.strictObject({
  revealed: z.array(Id).default([]),
  rounds: z.record(Id, z.int().min(1)).default({}),
  /** The re-vote open to participants now: one element, its round (2 or later). */
  revote: z.strictObject({ element: Id, round: z.int().min(2) }).optional(),
  /** The element on the screen (skærm) now; without it, or while it is hidden again, the screen shows how to join. */
  screen: Id.optional(),
});
export type RoomState = z.infer<typeof RoomState>;

export const EMPTY_ROOM: RoomState = { revealed: [], rounds: {} };
export const roundOf = (s: RoomState, id: string): number => s.rounds[id] ?? 1;
export const reveal = (s: RoomState, id: string): RoomState => (s.revealed.includes(id) ? s : { ...s, revealed: [...s.revealed, id] });
/** A re-vote: the element's next round, revealed again only when the facilitator says so. */
export const nextRound = (s: RoomState, id: string): RoomState => ({
  ...(s.screen !== undefined && s.screen !== id ? { screen: s.screen } : {}),
  revealed: s.revealed.filter((x) => x !== id),
  rounds: { ...s.rounds, [id]: roundOf(s, id) + 1 },
  revote: { element: id, round: roundOf(s, id) + 1 },
});
/** What the screen shows: a revealed element, or (undefined) the join page. */
export const onScreen = (s: RoomState, id: string | undefined): RoomState => {
  const { screen: _, ...rest } = s;
  return id === undefined ? rest : { ...rest, screen: id };
};
/** The element the screen shows now, if it is revealed. */
export const screenElement = (s: RoomState): string | undefined => (s.screen !== undefined && s.revealed.includes(s.screen) ? s.screen : undefined);
/** Revealing a round's figures closes it: the re-vote no longer takes answers (SPEC §6.1). */
export const closeRound = (s: RoomState, id: string): RoomState => {
  if (s.revote?.element !== id) return s;
  const { revote: _, ...rest } = s;
  return rest;
};

export type RoomPublication = {
  kind: "first" | "same" | "refresh" | "frozen";
  /** The answers every figure of the scope is computed from now. */
  respondents: string[];
  /** Answers that have arrived but are not in the figures yet. */
  waiting: number;
  /** How many snapshots of the scope have been published, this one included. */
  published: number;
};
