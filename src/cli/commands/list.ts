import { bundledIds, bundledPath, DEFAULT_QUESTIONNAIRE, olderVersions } from "../../adapters/files/bundled.ts";
import { loadQuestionnaireFile } from "../../adapters/files/questionnaire-file.ts";
import { itemsForLevel, labelOf, titleOf } from "../../core/questionnaire/levels.ts";
import { scopeLines } from "../../core/questionnaire/scope.ts";
import { formatIssue } from "../format-issues.ts";
import type { Io } from "../io.ts";

export type ListOptions = { json?: boolean };

export async function list(options: ListOptions, io: Io): Promise<number> {
  const entries = [];
  let broken = false;
  for (const id of bundledIds()) {
    const loaded = await loadQuestionnaireFile(bundledPath(id));
    if (!loaded.ok) {
      broken = true;
      for (const issue of loaded.issues) io.err(formatIssue(issue, io));
      continue;
    }
    entries.push({ q: loaded.questionnaire, isDefault: id === DEFAULT_QUESTIONNAIRE, older: olderVersions(id) });
  }
  if (options.json) {
    io.out(JSON.stringify(
      entries.map(({ q, isDefault }) => ({
        id: q.id,
        version: q.version,
        title: q.title,
        levels: q.levels.map((level) => ({ id: level.id, items: itemsForLevel(q, level.id).length })),
        default: isDefault,
      })),
      null,
      2,
    ));
  } else {
    for (const { q, isDefault, older } of entries) {
      const mark = isDefault ? (io.lang === "da" ? " (standard)" : " (default)") : "";
      io.out(`${io.color.bold(q.id)} ${q.version}${mark} — ${titleOf(q, io.lang)}`);
      for (const line of scopeLines(q, io.lang)) io.out(`  ${line}`);
      for (const level of q.levels) {
        const n = itemsForLevel(q, level.id).length;
        io.out(`  ${level.id.padEnd(16)} ${String(n).padStart(3)} ${io.lang === "da" ? "spørgsmål" : "items"}  ${labelOf(level, io.lang)}`);
      }
      if (older.length > 0) {
        const named = older.map((v) => `${q.id}@${v}`).join(", ");
        io.out(io.color.dim(io.lang === "da"
          ? `  Ældre versioner: ${older.join(", ")} (bruges automatisk til besvarelser fra dem; vælges med ${named})`
          : `  Older versions: ${older.join(", ")} (used automatically for responses made with them; chosen with ${named})`));
      }
    }
  }
  return broken ? 1 : 0;
}
