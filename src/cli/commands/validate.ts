import { relative, resolve } from "node:path";
import { loadQuestionnaireFile } from "../../adapters/files/questionnaire-file.ts";
import { allItems } from "../../core/questionnaire/levels.ts";
import { formatIssue } from "../format-issues.ts";
import type { Io } from "../io.ts";

export type ValidateOptions = { files: string[]; json?: boolean };

export async function validate(options: ValidateOptions, io: Io): Promise<number> {
  const da = io.lang === "da";
  let invalid = 0;
  for (const name of options.files) {
    const loaded = await loadQuestionnaireFile(resolve(io.cwd, name));
    const shown = relative(io.cwd, loaded.file) || name;
    if (!loaded.ok) {
      invalid++;
      for (const issue of loaded.issues) io.err(formatIssue(issue, io));
      const errors = loaded.issues.filter((issue) => issue.severity === "error").length;
      io.err(io.color.red(da ? `✖ ${shown}: ${errors} fejl` : `✖ ${shown}: ${errors} error(s)`));
      continue;
    }
    for (const warning of loaded.warnings) io.err(formatIssue(warning, io));
    const q = loaded.questionnaire;
    const summary = da
      ? `✔ ${shown}: ${q.id} ${q.version} er gyldigt — ${allItems(q).length} spørgsmål, ${q.levels.length} niveauer`
      : `✔ ${shown}: ${q.id} ${q.version} is valid — ${allItems(q).length} items, ${q.levels.length} levels`;
    io.out(io.color.green(summary));
  }
  return invalid > 0 ? 1 : 0;
}
