import { mkdir } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { loadConsensus, planCsv } from "../../../adapters/workshop-store/consensus-file.ts";
import { writeFileAtomic } from "../../../adapters/files/atomic-file.ts";
import { EXCEL, STANDARD } from "../../../adapters/csv/table-writer.ts";
import { t } from "../../../core/text.ts";
import type { Io } from "../../io.ts";
import { reportDate, writeReportCsv } from "../report.ts";
import { asUserError, openOrFail } from "./open.ts";
import { workshopReportModel } from "./report-model.ts";

export type ExportOptions = { dir: string; outDir?: string; excel?: boolean };

/** `workshop export DIR`: tal.csv (the columns of `report --csv`, the same hidden cells) and handleplan.csv; prints their paths. */
export async function workshopExport(options: ExportOptions, io: Io): Promise<number> {
  const w = await openOrFail(options.dir, io);
  const outDir = options.outDir ? resolve(io.cwd, options.outDir) : join(w.dir, "eksport");
  const shown = (p: string) => (relative(io.cwd, p).startsWith("..") ? p : relative(io.cwd, p));
  try {
    const consensus = await loadConsensus(w);
    const report = await workshopReportModel(w, io.lang, reportDate(io.env).toISOString().slice(0, 10));
    await mkdir(outDir, { recursive: true });
    const figures = join(outDir, "tal.csv");
    const plan = join(outDir, "handleplan.csv");
    await writeReportCsv(figures, report, w.questionnaire.scale, io, options.excel ? EXCEL : STANDARD);
    await writeFileAtomic(plan, options.excel ? planCsv(w.questionnaire, consensus, ";", true) : planCsv(w.questionnaire, consensus, ","));
    io.out(`${shown(figures)}\n${shown(plan)}`);
    io.err(t(`Tallene og handleplanen er skrevet${options.excel ? " til dansk Excel" : ""}.`, `The figures and the action plan are written${options.excel ? " for Danish Excel" : ""}.`)[io.lang]);
    return 0;
  } catch (err) {
    throw asUserError(err, w.dir, io);
  }
}
