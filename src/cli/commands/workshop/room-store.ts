import { existsSync } from "node:fs";
import { loadConsensus, updateConsensus } from "../../../adapters/workshop-store/consensus-file.ts";
import { appendRevote, hasRevoted, revoteFile } from "../../../adapters/workshop-store/revote-file.ts";
import { loadRoomState, saveRoomState } from "../../../adapters/workshop-store/room-file.ts";
import { readResponses } from "../../../adapters/csv/response-reader.ts";
import type { RoomStore } from "../../../adapters/web/contracts.ts";
import type { Workshop } from "../../../adapters/workshop-store/workshop-folder.ts";
import { compileScoring } from "../../../core/scoring/scoring.ts";
import type { Lang } from "../../../core/text.ts";
import { recordAgreement } from "../../../core/workshop/consensus.ts";
import { roundFrom } from "../../../core/workshop/room-spread.ts";
import { nextRound, reveal, roundOf } from "../../../core/workshop/room-state.ts";
import { roomView, type RoomRespondent, type RoomSettings, type RoomView } from "../../../core/workshop/room.ts";

export const roomSettings = (w: Workshop): RoomSettings => ({
  k: w.config.k,
  merges: w.config.merge_levels.map((m) => ({ levels: m.levels, label: m.label })),
  gapThreshold: w.config.gap_threshold,
  spread: w.config.spread,
});

/** Every finished response in besvarelser.csv, copied out of the reader's reused arrays. */
export async function roomRespondents(w: Workshop, file = w.responses): Promise<RoomRespondent[]> {
  const q = w.questionnaire;
  const out: RoomRespondent[] = [];
  await readResponses(file, q, compileScoring(q), {
    onRow: (row) => out.push({ level: row.level, values: Float64Array.from(row.values), kinds: Uint8Array.from(row.kinds) }),
    onProblem: (p) => {
      throw new Error(`${p.file}:${p.line} ${p.column ?? ""} ${p.message.en}`);
    },
  });
  return out;
}

export const workshopView = async (w: Workshop, lang: Lang): Promise<RoomView> => roomView(w.questionnaire, roomSettings(w), await roomRespondents(w), lang);

/**
 * The room as the projector shows it now: an element in a later round is figured from that
 * round's re-vote (runder/), every other element from besvarelser.csv.
 */
export async function currentView(w: Workshop, lang: Lang): Promise<RoomView> {
  const view = await workshopView(w, lang);
  const state = await loadRoomState(w);
  for (const [id, round] of Object.entries(state.rounds)) {
    if (round < 2) continue;
    const file = revoteFile(w, id, round);
    const again = existsSync(file) ? await roomRespondents(w, file) : [];
    const element = roomView(w.questionnaire, roomSettings(w), again, lang).elements.find((e) => e.id === id)!;
    view.elements = view.elements.map((e) => (e.id === id ? element : e));
    view.revotes = { ...view.revotes, [id]: { round, n: again.length } };
  }
  return view;
}

export function folderRoom(w: Workshop): RoomStore {
  return {
    view: (lang) => currentView(w, lang),
    state: () => loadRoomState(w),
    reveal: async (id) => saveRoomState(w, reveal(await loadRoomState(w), id)),
    nextRound: async (id) => saveRoomState(w, nextRound(await loadRoomState(w), id)),
    consensus: () => loadConsensus(w),
    agree: async (id, agreed, decidedAt) => {
      const view = await currentView(w, w.config.language);
      const room = view.elements.find((e) => e.id === id)!.room;
      const snapshot = roundFrom(room, w.questionnaire.scale, roundOf(await loadRoomState(w), id));
      return updateConsensus(w, (c) => recordAgreement(c, id, agreed, snapshot, decidedAt));
    },
    openRevote: async () => (await loadRoomState(w)).revote,
    hasRevoted: (element, round, respondent) => hasRevoted(w, element, round, respondent),
    revote: (element, round, a) => appendRevote(w, element, round, {
      respondent_id: a.respondent, questionnaire_id: w.questionnaire.id, questionnaire_version: w.questionnaire.version,
      level: a.level, group: w.config.title, submitted_at: a.at, metadata: {}, answers: a.answers, comments: {},
    }),
  };
}
