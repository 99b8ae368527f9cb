import { finishedRows, type Workshop } from "../../../adapters/workshop-store/workshop-folder.ts";
import { putRowSorted } from "../../../adapters/workshop-store/rows-file.ts";
import { listParticipants, loadParticipant, removeParticipant, saveParticipant } from "../../../adapters/workshop-store/workshop-progress.ts";
import type { WorkshopStore } from "../../../adapters/web/contracts.ts";
import { isFreeTextColumn, wideCells, wideColumns, type Response } from "../../../core/responses/responses.ts";

/**
 * The folder behind the web server: fremdrift/ for progress, besvarelser.csv rewritten whole and
 * sorted by pseudonym for every submission, with the workshop's date and no time of day (SPEC §6.1).
 */
export function folderStore(w: Workshop, options: { lockTimeoutMs?: number } = {}): WorkshopStore {
  const q = w.questionnaire;
  // Submissions in this process queue here rather than spinning on the file lock (which still guards other processes).
  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    load: (respondent) => loadParticipant(w, respondent),
    save: (progress) => saveParticipant(w, progress),
    remove: (respondent) => removeParticipant(w, respondent),
    participants: () => listParticipants(w),
    finished: () => finishedRows(w),
    submit: (progress) => inTurn(async () => {
      // A crash after the row was written but before the progress was marked leaves the row in place: never add it twice.
      if ((await finishedRows(w)).some((r) => r.respondent === progress.respondent_id)) return;
      const response: Response = {
        respondent_id: progress.respondent_id,
        questionnaire_id: q.id,
        questionnaire_version: q.version,
        level: progress.level!,
        group: w.config.title,
        submitted_at: w.config.date,
        metadata: {},
        answers: progress.answers,
        comments: progress.comments,
      };
      const put = await putRowSorted(w.responses, wideColumns(q), wideCells(q, response), (c) => isFreeTextColumn(c, q), options.lockTimeoutMs ? { timeoutMs: options.lockTimeoutMs } : undefined);
      if (!put.written) throw new Error(`${w.responses} has other columns than ${q.id} ${q.version} writes`);
    }),
  };
}
