import { readFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { parseConsensus, updateConsensus } from "../../../adapters/workshop-store/consensus-file.ts";
import { loadRoomState } from "../../../adapters/workshop-store/room-file.ts";
import { WorkshopFolderError } from "../../../adapters/workshop-store/workshop-folder.ts";
import { t } from "../../../core/text.ts";
import { recordAgreement } from "../../../core/workshop/consensus.ts";
import { roundFrom } from "../../../core/workshop/room-spread.ts";
import { roundOf } from "../../../core/workshop/room-state.ts";
import { isoWithOffset } from "../../clock.ts";
import { UserError } from "../../errors.ts";
import type { Io } from "../../io.ts";
import { asUserError, formatProblem, openOrFail } from "./open.ts";
import { workshopView } from "./room-store.ts";

export type AgreeOptions = { dir: string; consensus?: string };

/**
 * `workshop agree DIR --consensus FILE`: the consensus typed elsewhere (YAML or JSON of
 * konsensus.yaml's shape), checked whole before anything is written; the tool adds each element's
 * round figures and the time, as the facilitator's page does.
 */
export async function workshopAgree(options: AgreeOptions, io: Io, deps: { now?: () => Date } = {}): Promise<number> {
  if (!options.consensus) throw new UserError(2, t("workshop agree kræver --consensus FIL (YAML eller JSON)", "workshop agree needs --consensus FILE (YAML or JSON)"));
  const w = await openOrFail(options.dir, io);
  const path = resolve(io.cwd, options.consensus);
  const shown = relative(io.cwd, path).startsWith("..") ? path : relative(io.cwd, path);
  const text = await readFile(path, "utf8").catch((err: NodeJS.ErrnoException) => {
    throw new UserError(1, t(`${shown} kan ikke læses (${err.code}).`, `${shown} cannot be read (${err.code}).`));
  });
  let given;
  try {
    given = parseConsensus(text, shown, w.questionnaire);
  } catch (err) {
    if (!(err instanceof WorkshopFolderError)) throw err;
    const lines = err.problems.map((p) => formatProblem(p, "", io)).join("\n");
    throw new UserError(1, t(`${lines}\nIntet er gemt.`, `${lines}\nNothing was saved.`));
  }
  const ids = Object.keys(given.elements);
  if (ids.length === 0) throw new UserError(1, t(`${shown} har ingen elementer under elements:. Intet er gemt.`, `${shown} has no elements under elements:. Nothing was saved.`));
  const decidedAt = isoWithOffset((deps.now ?? (() => new Date()))());
  try {
    const view = await workshopView(w, io.lang);
    const state = await loadRoomState(w);
    const saved = await updateConsensus(w, (c) =>
      ids.reduce((acc, id) => {
        const room = view.elements.find((e) => e.id === id)!.room;
        const given_ = given.elements[id]!;
        // Rounds given in the file are the record; otherwise the room's figures now are this round's.
        const snapshot = given_.rounds.length > 0 ? undefined : roundFrom(room, w.questionnaire.scale, roundOf(state, id));
        return recordAgreement(acc, id, { ...given_, ...(given_.rounds.length > 0 ? {} : { rounds: undefined }), ...(given_.decided_at ? {} : { decided_at: undefined }) }, snapshot, decidedAt);
      }, c));
    const actions = Object.values(saved.elements).reduce((n, e) => n + e.actions.length, 0);
    io.err(t(
      `Konsensus for ${ids.length} element(er) er gemt i konsensus.yaml; handleplan.csv har nu ${actions} handling(er).`,
      `The consensus for ${ids.length} element(s) is saved in konsensus.yaml; handleplan.csv now has ${actions} action(s).`,
    )[io.lang]);
    return 0;
  } catch (err) {
    throw asUserError(err, w.dir, io);
  }
}
