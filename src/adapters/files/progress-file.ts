import { rm } from "node:fs/promises";
import { z } from "zod";
import { readIfExists, writeFileAtomic } from "./atomic-file.ts";

export const Progress = z.object({
  questionnaire_id: z.string(),
  questionnaire_version: z.string(),
  questionnaire_hash: z.string(),
  respondent_id: z.string(),
  level: z.string(),
  group: z.string(),
  started_at: z.string(),
  answers: z.record(z.string(), z.union([z.number(), z.literal("ved_ikke"), z.null()])),
  comments: z.record(z.string(), z.string()),
  commented: z.array(z.string()),
});
export type Progress = z.infer<typeof Progress>;

/** Where a respondent's unfinished answers live: beside the output file, one file per respondent. */
export const progressPath = (out: string, respondent: string): string => `${out}.${respondent}.progress.json`;

export const saveProgress = (path: string, progress: Progress): Promise<void> =>
  writeFileAtomic(path, `${JSON.stringify(progress, null, 2)}\n`);

export class BrokenProgress extends Error {}

export async function loadProgress(path: string): Promise<Progress | undefined> {
  const text = await readIfExists(path);
  if (text === undefined) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new BrokenProgress(path);
  }
  const parsed = Progress.safeParse(data);
  if (!parsed.success) throw new BrokenProgress(path);
  return parsed.data;
}

export const removeProgress = (path: string): Promise<void> => rm(path, { force: true });
