/**
 * The contracts between the server and the rest: what it needs of the workshop folder and the room, and how
 * it is configured. In a file of their own so routes and app import them in one direction only.
 */
import type { GoodPractice } from "../../core/questionnaire/good-practice.ts";
import type { Questionnaire } from "../../core/questionnaire/questionnaire.ts";
import type { Answer } from "../../core/scoring/scoring.ts";
import type { Lang } from "../../core/text.ts";
import type { Agreement, Consensus } from "../../core/workshop/consensus.ts";
import type { ParticipantProgress } from "../../core/workshop/participant.ts";
import type { RoomState } from "../../core/workshop/room-state.ts";
import type { RoomView } from "../../core/workshop/room.ts";

/** Runs work for one key at a time (one participant, one file), so two requests never interleave their writes. */
export type Serial = <T>(key: string, work: () => Promise<T>) => Promise<T>;

/** What the server needs of the workshop folder; the CLI wires it to the files, tests may too. */
export type WorkshopStore = {
  load(respondent: string): Promise<ParticipantProgress | undefined>;
  save(progress: ParticipantProgress): Promise<void>;
  /** Releases an unfinished session (the facilitator's "Frigiv"). */
  remove(respondent: string): Promise<void>;
  participants(): Promise<ParticipantProgress[]>;
  finished(): Promise<{ respondent: string; level: string }[]>;
  /** Writes the finished row unless besvarelser.csv already holds this respondent (a crash between the write and the save). */
  submit(progress: ParticipantProgress): Promise<void>;
};

export type AppOptions = {
  q: Questionnaire;
  hash: string;
  workshop: { title: string; k: number; language: Lang; maxParticipants: number };
  /** The join code, the facilitator's secret and the screen's token (three separate random values). */
  access: { join: string; secret: string; screen: string };
  store: WorkshopStore;
  /** Respondents already in fremdrift/ when the server starts, so the limit survives a restart. */
  known: string[];
  now: () => string;
  practice?: GoodPractice | undefined;
  participantUrl: () => string;
  /** The facilitator's room: figures, reveals and consensus (SPEC §6 "In the room"). */
  room: RoomStore;
  merges?: { levels: string[]; label: string | undefined }[];
  /** The expected participants per level (workshop.yaml `deltagere`), read and set from the facilitator's overview. */
  headcount?: { get(): Record<string, number> | undefined; set(expected: Record<string, number> | undefined): Promise<void> };
};

/** What the facilitator's pages need of the workshop folder (the CLI wires it to the files). */
export type RoomStore = {
  view(lang: Lang): Promise<RoomView>;
  state(): Promise<RoomState>;
  /** Reveals the element's figures and puts them on the screen. */
  reveal(id: string): Promise<void>;
  /** Puts a revealed element on the screen, or (undefined) the join page. */
  showOnScreen(id: string | undefined): Promise<void>;
  nextRound(id: string): Promise<void>;
  consensus(): Promise<Consensus>;
  agree(id: string, agreed: Agreement, decidedAt: string): Promise<Consensus>;
  /** The re-vote open to participants (SPEC §6 second round), if any. */
  openRevote(): Promise<{ element: string; round: number } | undefined>;
  hasRevoted(element: string, round: number, respondent: string): Promise<boolean>;
  revote(element: string, round: number, answer: { respondent: string; level: string; answers: Record<string, Answer>; at: string }): Promise<void>;
};
