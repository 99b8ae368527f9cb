import { join } from "node:path";
import { t } from "../../core/text.ts";
import { EMPTY_RECORD, PublicationRecord } from "../../core/workshop/publication.ts";
import { readIfExists, withFileLock, writeFileAtomic } from "../files/atomic-file.ts";
import { FILES, WorkshopFolderError, type Workshop } from "./workshop-folder.ts";

/**
 * visninger.json: every snapshot of answers the workshop has shown figures from (SPEC §6.1). It names
 * pseudonyms, so it stays in the folder with fremdrift/; deleting it would let the room show figures
 * that, beside what it has already seen, single someone out.
 */
export const recordFile = (w: Workshop): string => join(w.dir, FILES.record);

export async function loadRecord(w: Workshop): Promise<PublicationRecord> {
  const text = await readIfExists(recordFile(w));
  if (text === undefined) return EMPTY_RECORD;
  try {
    const parsed = PublicationRecord.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through to the located problem
  }
  throw new WorkshopFolderError([{ file: FILES.record, message: t(
    "er ødelagt. Læg en sikkerhedskopi tilbage; uden den ved værktøjet ikke, hvilke tal rummet har set, og viser ingen nye.",
    "is broken. Put a backup back; without it the tool does not know which figures the room has seen, and shows no new ones.",
  ) }]);
}

/** Reads, changes and writes the record under its lock, through a temporary file and a rename. */
export async function updateRecord<T>(w: Workshop, change: (r: PublicationRecord) => { record: PublicationRecord; result: T }): Promise<T> {
  return withFileLock(recordFile(w), async () => {
    const before = await loadRecord(w);
    const { record, result } = change(before);
    if (record !== before) await writeFileAtomic(recordFile(w), `${JSON.stringify(record, null, 1)}\n`);
    return result;
  });
}
