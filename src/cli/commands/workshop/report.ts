import { existsSync } from "node:fs";
import { writeFileAtomic } from "../../../adapters/files/atomic-file.ts";
import { toolVersion } from "../../../adapters/files/bundled.ts";
import { loadConsensus } from "../../../adapters/workshop-store/consensus-file.ts";
import type { Workshop } from "../../../adapters/workshop-store/workshop-folder.ts";
import { levelGrouping } from "../../../core/scoring/level-groups.ts";
import { t, type Lang } from "../../../core/text.ts";
import { buildWorkshopReport, type WorkshopSide } from "../../../core/workshop/workshop-report.ts";
import { UserError } from "../../errors.ts";
import type { Io } from "../../io.ts";
import { outputPath } from "../../load.ts";
import { shownPath } from "../../read-data.ts";
import { reportDate } from "../report.ts";
import { asUserError, openOrFail } from "./open.ts";
import { workshopComments } from "./report-model.ts";
import { roomSettings, workshopView } from "./room-store.ts";

export type WorkshopReportOptions = { dir: string; out?: string; baseline?: string; force?: boolean };

async function side(w: Workshop, lang: Lang, io: Io): Promise<WorkshopSide> {
  try {
    return {
      title: w.config.title, date: w.config.date, view: await workshopView(w, lang), consensus: await loadConsensus(w),
      grouping: levelGrouping(w.questionnaire, roomSettings(w).merges), comments: await workshopComments(w),
    };
  } catch (err) {
    throw asUserError(err, w.dir, io);
  }
}

/** `workshop report DIR --out FILE.pdf [--baseline OLD_DIR]`: participation, spread, agreed scores, differences, the action plan. */
export async function workshopReport(options: WorkshopReportOptions, io: Io): Promise<number> {
  if (!options.out) throw new UserError(2, t("workshop report kræver --out FIL.pdf", "workshop report needs --out FILE.pdf"));
  const out = outputPath(options.out, io)!;
  const shown = shownPath(io);
  if (existsSync(out) && !options.force) throw new UserError(2, t(`${shown(out)} findes allerede. Brug --force for at overskrive den.`, `${shown(out)} already exists. Use --force to overwrite it.`));
  const created = reportDate(io.env);
  const w = await openOrFail(options.dir, io);
  const now = await side(w, io.lang, io);
  let before: WorkshopSide | undefined;
  if (options.baseline) {
    const old = await openOrFail(options.baseline, io);
    if (old.questionnaire.id !== w.questionnaire.id) {
      throw new UserError(1, t(
        `--baseline ${options.baseline} brugte spørgeskemaet ${old.questionnaire.id}, denne workshop ${w.questionnaire.id}; kun samme spørgeskema kan sammenlignes.`,
        `--baseline ${options.baseline} used the questionnaire ${old.questionnaire.id}, this workshop ${w.questionnaire.id}; only the same questionnaire can be compared.`,
      ));
    }
    before = await side(old, io.lang, io);
  }
  // The workshop's own date (workshop.yaml), not the day the report is printed.
  const report = buildWorkshopReport(w.questionnaire, now, io.lang, { hash: w.hash, k: w.config.k, date: w.config.date, spread: w.config.spread }, before);
  const { renderWorkshopPdf } = await import("../../../adapters/pdf/workshop-pdf.ts");
  await writeFileAtomic(out, await renderWorkshopPdf(report, created, toolVersion()));
  io.err(t(`Workshoprapporten (${report.respondents} besvarelser) er skrevet til ${shown(out)}.`, `The workshop report (${report.respondents} responses) is written to ${shown(out)}.`)[io.lang]);
  return 0;
}
