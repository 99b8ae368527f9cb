import { loadConsensus, updateConsensus } from "../../../adapters/consensus-file.ts";
import { loadRoomState, saveRoomState } from "../../../adapters/room-file.ts";
import { readResponses } from "../../../adapters/response-reader.ts";
import type { RoomStore } from "../../../adapters/web/room-routes.ts";
import type { Workshop } from "../../../adapters/workshop-folder.ts";
import { compileScoring } from "../../../core/scoring.ts";
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

export function folderRoom(w: Workshop): RoomStore {
  return {
    view: (lang) => workshopView(w, lang),
    state: () => loadRoomState(w),
    reveal: async (id) => saveRoomState(w, reveal(await loadRoomState(w), id)),
    nextRound: async (id) => saveRoomState(w, nextRound(await loadRoomState(w), id)),
    consensus: () => loadConsensus(w),
    agree: async (id, agreed, decidedAt) => {
      const view = await workshopView(w, w.config.language);
      const room = view.elements.find((e) => e.id === id)!.room;
      const snapshot = roundFrom(room, w.questionnaire.scale, roundOf(await loadRoomState(w), id));
      return updateConsensus(w, (c) => recordAgreement(c, id, agreed, snapshot, decidedAt));
    },
  };
}
