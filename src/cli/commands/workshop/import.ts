import { normaliseRows } from "../../../adapters/workshop-store/rows-file.ts";
import { readFile, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { withFileLock } from "../../../adapters/files/atomic-file.ts";
import { FILES } from "../../../adapters/workshop-store/workshop-folder.ts";
import { wideColumns } from "../../../core/responses/responses.ts";
import { t } from "../../../core/text.ts";
import { UserError } from "../../errors.ts";
import type { Io } from "../../io.ts";
import { shownPath } from "../../read-data.ts";
import { mergeResponses } from "../merge.ts";
import { openOrFail } from "./open.ts";

export type ImportOptions = { dir: string; files: string[]; lenient?: boolean; rejects?: string };

/**
 * `workshop import DIR FILE…`: answers collected elsewhere (run, run --answers from paper) merged
 * into besvarelser.csv by SPEC §3's one-row rule — `merge`'s own code, under the appender's lock,
 * into a temporary file that replaces besvarelser.csv only when the whole merge has succeeded.
 */
export async function workshopImport(options: ImportOptions, io: Io): Promise<number> {
  if (options.files.length === 0) throw new UserError(2, t("workshop import kræver mindst én fil med besvarelser", "workshop import needs at least one file of responses"));
  const w = await openOrFail(options.dir, io);
  const staged = join(w.dir, `.import-${process.pid}.csv`);
  const shown = shownPath(io);
  const summary = await withFileLock(w.responses, async () => {
    try {
      const merged = await mergeResponses([w.responses, ...options.files], staged, {
        questionnaire: join(w.dir, FILES.questionnaire),
        force: true,
        sidecar: false,
        ...(options.lenient ? { lenient: true } : {}),
        ...(options.rejects ? { rejects: options.rejects } : {}),
      }, io);
      // The server appends rows of the questionnaire's columns only; extra metadata columns would stop it.
      const header = ((await readFile(staged, "utf8")).split(/\r?\n/, 1)[0] ?? "").split(",");
      const extra = header.filter((c) => !wideColumns(w.questionnaire).includes(c));
      if (extra.length > 0) {
        throw new UserError(1, t(
          `Filerne har kolonner, som workshoppens besvarelser.csv ikke har (${extra.join(", ")}). Fjern dem, eller flet med ledelsestjek merge uden for workshoppen. Intet er importeret.`,
          `The files have columns the workshop's besvarelser.csv does not (${extra.join(", ")}). Remove them, or merge with ledelsestjek merge outside the workshop. Nothing was imported.`,
        ));
      }
      await rename(staged, w.responses);
      return merged;
    } finally {
      await rm(staged, { force: true });
    }
  });
  // Imported rows keep no order or time of day that could tie them to a person (SPEC §6.1).
  await normaliseRows(w.responses, w.config.date);
  const before = summary.files[0]!.rows;
  const added = summary.written - before;
  const perFile = summary.files.slice(1).map(({ file, rows }) => t(`  ${shown(file)}: ${rows} række(r)`, `  ${shown(file)}: ${rows} row(s)`));
  io.err(t(
    `Importeret:\n${perFile.map((l) => l.da).join("\n")}\n${added} ny(e) respondent(er); ${summary.duplicates} ens dublet(ter) talt én gang; besvarelser.csv har nu ${summary.written}.`,
    `Imported:\n${perFile.map((l) => l.en).join("\n")}\n${added} new respondent(s); ${summary.duplicates} identical duplicate(s) counted once; besvarelser.csv now holds ${summary.written}.`,
  )[io.lang]);
  return 0;
}
