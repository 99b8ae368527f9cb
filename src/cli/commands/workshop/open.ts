import { relative, resolve } from "node:path";
import { openWorkshop, WorkshopFolderError, type FolderProblem, type Workshop } from "../../../adapters/workshop-store/workshop-folder.ts";
import { t } from "../../../core/text.ts";
import { UserError } from "../../errors.ts";
import type { Io } from "../../io.ts";

/** `file:line:column field: message`, the same shape as questionnaire problems. */
export const formatProblem = (p: FolderProblem, shownDir: string, io: Io): string => {
  const where = `${shownDir ? `${shownDir}/` : ""}${p.file}${p.line !== undefined ? `:${p.line}:${p.col ?? 1}` : ""}`;
  return `${where}${p.field ? ` ${p.field}` : ""}: ${p.message[io.lang]}`;
};

/** A folder problem as the user's error (exit 1); anything else is left to main's bug report. */
export function asUserError(err: unknown, dir: string, io: Io): unknown {
  if (!(err instanceof WorkshopFolderError)) return err;
  const rel = relative(io.cwd, dir);
  const shown = rel.startsWith("..") ? dir : rel;
  const lines = err.problems.map((p) => formatProblem(p, shown, io)).join("\n");
  return new UserError(1, t(`Workshopmappen kan ikke bruges:\n${lines}`, `The workshop folder cannot be used:\n${lines}`));
}

/** Every workshop command starts here: a folder whose files are valid and whose skema.yaml is unchanged. */
export async function openOrFail(dirArg: string, io: Io): Promise<Workshop> {
  const dir = resolve(io.cwd, dirArg);
  try {
    return await openWorkshop(dir);
  } catch (err) {
    throw asUserError(err, dir, io);
  }
}
