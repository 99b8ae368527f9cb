import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { isFreeTextColumn, wideCells, wideColumns, type Response } from "../../core/responses/responses.ts";
import { readIfExists } from "../files/atomic-file.ts";
import { putRowSorted } from "./rows-file.ts";
import type { Workshop } from "./workshop-folder.ts";

/**
 * A re-vote's answers: `runder/<element>-runde-<n>.csv`, the wide format of besvarelser.csv with
 * only the element's items filled in, one row per participant, sorted by pseudonym and written whole (rows-file.ts).
 */
export const revoteFile = (w: Workshop, element: string, round: number): string => join(w.dir, "runder", `${element}-runde-${round}.csv`);

export async function hasRevoted(w: Workshop, element: string, round: number, respondent: string): Promise<boolean> {
  const text = (await readIfExists(revoteFile(w, element, round))) ?? "";
  // Pseudonyms are "w-" and hex digits: a line starting with one and a comma is that participant's row.
  return text.split(/\r?\n/).some((line) => line.startsWith(`${respondent},`));
}

export async function appendRevote(w: Workshop, element: string, round: number, response: Response): Promise<void> {
  const q = w.questionnaire;
  await mkdir(join(w.dir, "runder"), { recursive: true });
  const put = await putRowSorted(revoteFile(w, element, round), wideColumns(q), wideCells(q, response), (c) => isFreeTextColumn(c, q));
  if (!put.written) throw new Error(`${revoteFile(w, element, round)} has other columns than ${q.id} ${q.version} writes`);
}
