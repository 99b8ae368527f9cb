import { join } from "node:path";
import { t } from "../../core/text.ts";
import { EMPTY_ROOM, RoomState } from "../../core/workshop/room-state.ts";
import { readIfExists, writeFileAtomic } from "../files/atomic-file.ts";
import { FILES, WorkshopFolderError, type Workshop } from "./workshop-folder.ts";

/** rum.json: revealed elements and rounds; absent means nothing revealed yet. */
export async function loadRoomState(w: Workshop): Promise<RoomState> {
  const text = await readIfExists(join(w.dir, FILES.room));
  if (text === undefined) return EMPTY_ROOM;
  try {
    const parsed = RoomState.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through to the located problem
  }
  throw new WorkshopFolderError([{ file: FILES.room, message: t("er ødelagt; slet den, så starter visningen forfra (intet aftalt går tabt)", "is broken; delete it and the reveals start over (nothing agreed is lost)") }]);
}

export const saveRoomState = (w: Workshop, s: RoomState): Promise<void> => writeFileAtomic(join(w.dir, FILES.room), `${JSON.stringify(s, null, 2)}\n`);
