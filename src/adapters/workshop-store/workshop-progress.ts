import { readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { t } from "../../core/text.ts";
import { ParticipantProgress } from "../../core/workshop/participant.ts";
import { fromZodIssues } from "../../core/zod-issues.ts";
import { readIfExists, writeFileAtomic } from "../files/atomic-file.ts";
import { FILES, WorkshopFolderError, type Workshop } from "./workshop-folder.ts";

/** fremdrift/<pseudonym>.json: one file per web participant, written atomically after every page. */
export const participantFile = (w: Workshop, respondent: string): string => join(w.progressDir, `${respondent}.json`);

/** A participant's saved progress, or undefined; a file that is not valid progress is a located problem. */
export function parseParticipant(text: string, file: string): ParticipantProgress {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new WorkshopFolderError([{ file, message: t(`er ikke gyldig JSON (${(err as Error).message})`, `is not valid JSON (${(err as Error).message})`) }]);
  }
  const parsed = ParticipantProgress.safeParse(data);
  if (!parsed.success) {
    throw new WorkshopFolderError(fromZodIssues(parsed.error.issues).map((i) => ({ file, field: i.path.join(".") || "(top)", message: i.message })));
  }
  return parsed.data;
}

export async function loadParticipant(w: Workshop, respondent: string): Promise<ParticipantProgress | undefined> {
  const file = participantFile(w, respondent);
  const text = await readIfExists(file);
  return text === undefined ? undefined : parseParticipant(text, join(FILES.progress, `${respondent}.json`));
}

export const saveParticipant = (w: Workshop, progress: ParticipantProgress): Promise<void> =>
  writeFileAtomic(participantFile(w, progress.respondent_id), `${JSON.stringify(progress, null, 2)}\n`);

/** Every saved participant, checked; one broken file stops the server before anyone is served wrongly. */
export async function listParticipants(w: Workshop): Promise<ParticipantProgress[]> {
  const names = (await readdir(w.progressDir)).filter((n) => n.endsWith(".json") && !n.startsWith("."));
  return Promise.all(names.map(async (n) => parseParticipant(await readFile(join(w.progressDir, n), "utf8"), join(FILES.progress, n))));
}


/** A released session: its progress is gone, and the participant's address starts at the level page again. */
export const removeParticipant = (w: Workshop, respondent: string): Promise<void> => rm(participantFile(w, respondent), { force: true });
