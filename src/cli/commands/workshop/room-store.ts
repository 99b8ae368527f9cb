import { existsSync } from "node:fs";
import { loadConsensus, updateConsensus } from "../../../adapters/workshop-store/consensus-file.ts";
import { loadRecord, updateRecord } from "../../../adapters/workshop-store/publication-file.ts";
import { appendRevote, hasRevoted, revoteFile } from "../../../adapters/workshop-store/revote-file.ts";
import { loadRoomState, saveRoomState } from "../../../adapters/workshop-store/room-file.ts";
import { readResponses } from "../../../adapters/csv/response-reader.ts";
import type { RoomStore } from "../../../adapters/web/contracts.ts";
import { WorkshopFolderError, type Workshop } from "../../../adapters/workshop-store/workshop-folder.ts";
import type { PublishedCell } from "../../../core/disclosure/over-time.ts";
import { compileScoring } from "../../../core/scoring/scoring.ts";
import { t, type Lang } from "../../../core/text.ts";
import { recordAgreement, recordRound } from "../../../core/workshop/consensus.ts";
import { ANSWERS_SCOPE, decideRoomPublication, participationShown, recordPublication, roundScope, snapshotCells, type PublicationRecord, type RoomPublication } from "../../../core/workshop/publication.ts";
import { roundFrom } from "../../../core/workshop/room-spread.ts";
import { closeRound, nextRound, onScreen, reveal, roundOf } from "../../../core/workshop/room-state.ts";
import { roomView, type RoomRespondent, type RoomSettings, type RoomView } from "../../../core/workshop/room.ts";
import { basename } from "node:path";

export const roomSettings = (w: Workshop): RoomSettings => ({
  k: w.config.k,
  merges: w.config.merge_levels.map((m) => ({ levels: m.levels, label: m.label })),
  gapThreshold: w.config.gap_threshold,
  spread: w.config.spread,
});

/**
 * Every finished response in besvarelser.csv (or a round file), copied out of the reader's reused
 * arrays. A row the reader cannot take (e.g. torn by a full disk in an older version) is never taken
 * as an answer: the problem names the file and line and says how to mend it.
 */
export async function roomRespondents(w: Workshop, file = w.responses): Promise<RoomRespondent[]> {
  const q = w.questionnaire;
  const out: RoomRespondent[] = [];
  await readResponses(file, q, compileScoring(q), {
    onRow: (row) => out.push({ id: row.respondentId, level: row.level, values: Float64Array.from(row.values), kinds: Uint8Array.from(row.kinds) }),
    onProblem: (p) => {
      throw new WorkshopFolderError([{ file: basename(p.file), line: p.line, ...(p.column ? { field: p.column } : {}), message: t(
        `${p.message.da}. Ret eller slet linjen i et regneark eller en teksteditor (tag en kopi først); deltageren kan derefter indsende igen fra sin telefon.`,
        `${p.message.en}. Mend or delete the line in a spreadsheet or text editor (copy the file first); the participant can then submit again from their phone.`,
      ) }]);
    },
  });
  return out;
}

/** Cells per snapshot are pure in the snapshot's answers: computed once per process and set of answers. */
const cellCache = new Map<string, PublishedCell[]>();
const decisionCache = new Map<string, RoomPublication>();
const cellsFor = (w: Workshop, scope: string, all: readonly RoomRespondent[]) => {
  const byId = new Map(all.map((r) => [r.id!, r]));
  return (ids: readonly string[]): PublishedCell[] => {
    const key = `${w.dir}\u0000${scope}\u0000${ids.join(",")}`;
    let cells = cellCache.get(key);
    if (!cells) {
      cells = snapshotCells(w.questionnaire, roomSettings(w), ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])), scope);
      if (cellCache.size > 500) cellCache.clear();
      cellCache.set(key, cells);
    }
    return cells;
  };
};

/**
 * The answers a scope's figures may rest on now (SPEC §6.1), recorded in visninger.json when they
 * are new: with `publish` false nothing new is published and the last snapshot (or nothing) is shown.
 */
export async function publishedAnswers(w: Workshop, scope: string, all: readonly RoomRespondent[], publish: boolean): Promise<{ subset: RoomRespondent[]; publication: RoomPublication }> {
  const ids = all.map((r) => r.id!);
  const shownOnly = (record: PublicationRecord): RoomPublication => {
    const latest = record.snapshots.filter((s) => s.scope === scope).at(-1);
    const shown = new Set(latest?.respondents ?? []);
    return { kind: latest ? "same" : "frozen", respondents: latest?.respondents ?? [], waiting: ids.filter((id) => !shown.has(id)).length, published: record.snapshots.filter((s) => s.scope === scope).length };
  };
  const decide = (record: PublicationRecord) => {
    if (!publish) return { record, result: shownOnly(record) };
    const count = record.snapshots.filter((s) => s.scope === scope).length;
    const key = `${w.dir}\u0000${scope}\u0000${count}\u0000${[...ids].sort().join(",")}`;
    const decided = decisionCache.get(key) ?? decideRoomPublication(record, scope, ids, cellsFor(w, scope, all), w.config.k);
    if (decided.kind === "frozen" || decided.kind === "same") decisionCache.set(key, decided);
    return { record: recordPublication(record, scope, decided, w.config.date), result: decided };
  };
  // A snapshot that cannot be recorded (a full disk) is not shown: the room keeps the last recorded one.
  const publication = await updateRecord(w, decide).catch(async () => shownOnly(await loadRecord(w)));
  const shown = new Set(publication.respondents);
  return { subset: all.filter((r) => shown.has(r.id!)), publication };
}

/** Finished answers per level (counts only). */
const perLevel = (w: Workshop, all: readonly RoomRespondent[]) =>
  Object.fromEntries(w.questionnaire.levels.map((l) => [l.id, all.filter((r) => r.level === l.id).length]));

/** The per-level participation the room may see (moving in steps of k answers), recorded. */
async function shownParticipation(w: Workshop, all: readonly RoomRespondent[], view: RoomView): Promise<void> {
  const expected = w.config.deltagere ? Object.values(w.config.deltagere).reduce((a, b) => a + b, 0) : undefined;
  const shown = await updateRecord(w, (record) => {
    const p = participationShown(record, perLevel(w, all), w.config.k, expected);
    return { record: p.next, result: p };
  }).catch(async () => {
    // Not recorded (a full disk): the counts stay where they were last shown.
    const last = (await loadRecord(w)).participation ?? { total: 0, levels: {} };
    return { levels: last.levels, total: all.length, shownTotal: last.total };
  });
  view.participation = view.participation.map((p) => ({ ...p, n: shown.levels[p.level] ?? 0 }));
  view.respondents = shown.total;
  view.participationAt = shown.shownTotal;
}

/**
 * The room as every output shows it: figures from the published snapshot only. `publish` says
 * whether this output shows figures (a revealed element, status, export, report) and so may
 * publish a newer snapshot when the engine finds it safe.
 */
export async function workshopView(w: Workshop, lang: Lang, publish = true): Promise<RoomView> {
  const all = await roomRespondents(w);
  const { subset, publication } = await publishedAnswers(w, ANSWERS_SCOPE, all, publish);
  const view = roomView(w.questionnaire, roomSettings(w), subset, lang);
  view.publication = { [ANSWERS_SCOPE]: publication };
  await shownParticipation(w, all, view);
  return view;
}

/**
 * The room as the facilitator's pages show it now: an element in a later round is figured from that
 * round's re-vote (runder/), every other element from besvarelser.csv — each from its published snapshot.
 */
export async function currentView(w: Workshop, lang: Lang): Promise<RoomView> {
  const state = await loadRoomState(w);
  const revealedFirst = state.revealed.some((id) => roundOf(state, id) < 2);
  const view = await workshopView(w, lang, revealedFirst);
  for (const [id, round] of Object.entries(state.rounds)) {
    if (round < 2) continue;
    const file = revoteFile(w, id, round);
    const again = existsSync(file) ? await roomRespondents(w, file) : [];
    const scope = roundScope(id, round);
    const { subset, publication } = await publishedAnswers(w, scope, again, state.revealed.includes(id));
    const element = roomView(w.questionnaire, roomSettings(w), subset, lang).elements.find((e) => e.id === id)!;
    view.elements = view.elements.map((e) => (e.id === id ? element : e));
    view.revotes = { ...view.revotes, [id]: { round, n: again.length } };
    view.publication = { ...view.publication, [scope]: publication };
  }
  return view;
}

export function folderRoom(w: Workshop): RoomStore {
  const figuresOf = async (id: string) => {
    const view = await currentView(w, w.config.language);
    return roundFrom(view.elements.find((e) => e.id === id)!.room, w.questionnaire.scale, roundOf(await loadRoomState(w), id));
  };
  return {
    view: (lang) => currentView(w, lang),
    state: () => loadRoomState(w),
    // A round closes when its figures are revealed (SPEC §6.1): no answer to it is taken afterwards.
    reveal: async (id) => {
      await saveRoomState(w, onScreen(closeRound(reveal(await loadRoomState(w), id), id), id));
      // The reveal is the publication: its snapshot is taken now, not when a page is next looked at.
      await currentView(w, w.config.language);
    },
    showOnScreen: async (id) => saveRoomState(w, onScreen(await loadRoomState(w), id)),
    nextRound: async (id) => {
      // The round's figures go to konsensus.yaml before the next round starts, agreed or not.
      const state = await loadRoomState(w);
      if (state.revealed.includes(id)) {
        const figures = await figuresOf(id);
        await updateConsensus(w, (c) => recordRound(c, id, figures));
      }
      await saveRoomState(w, nextRound(state, id));
    },
    consensus: () => loadConsensus(w),
    agree: async (id, agreed, decidedAt) => {
      const snapshot = await figuresOf(id);
      return updateConsensus(w, (c) => recordAgreement(c, id, agreed, snapshot, decidedAt));
    },
    openRevote: async () => (await loadRoomState(w)).revote,
    hasRevoted: (element, round, respondent) => hasRevoted(w, element, round, respondent),
    revote: (element, round, a) => appendRevote(w, element, round, {
      respondent_id: a.respondent, questionnaire_id: w.questionnaire.id, questionnaire_version: w.questionnaire.version,
      level: a.level, group: w.config.title, submitted_at: w.config.date, metadata: {}, answers: a.answers, comments: {},
    }),
  };
}
