import { appendResponseRow } from "../../../adapters/csv/response-file.ts";
import { finishedRows, type Workshop } from "../../../adapters/workshop-store/workshop-folder.ts";
import { listParticipants, loadParticipant, saveParticipant } from "../../../adapters/workshop-store/workshop-progress.ts";
import type { WorkshopStore } from "../../../adapters/web/contracts.ts";
import { isFreeTextColumn, wideCells, wideColumns, type Response } from "../../../core/responses/responses.ts";

/** The folder behind the web server: fremdrift/ for progress, besvarelser.csv through run's locked appender. */
export function folderStore(w: Workshop): WorkshopStore {
  const q = w.questionnaire;
  return {
    load: (respondent) => loadParticipant(w, respondent),
    save: (progress) => saveParticipant(w, progress),
    participants: () => listParticipants(w),
    finished: () => finishedRows(w),
    submit: async (progress, submittedAt) => {
      // A crash after the append but before the progress was marked leaves the row in place: never add it twice.
      if ((await finishedRows(w)).some((r) => r.respondent === progress.respondent_id)) return;
      const response: Response = {
        respondent_id: progress.respondent_id,
        questionnaire_id: q.id,
        questionnaire_version: q.version,
        level: progress.level!,
        group: w.config.title,
        submitted_at: submittedAt,
        metadata: {},
        answers: progress.answers,
        comments: progress.comments,
      };
      const mismatch = await appendResponseRow(w.responses, wideColumns(q), wideCells(q, response), (c) => isFreeTextColumn(c, q));
      if (mismatch) throw new Error(`${w.responses} has other columns than ${q.id} ${q.version} writes`);
    },
  };
}
