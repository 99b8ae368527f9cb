/**
 * Loading a questionnaire file. A bundled questionnaire the build has cached (questionnaire-cache.ts)
 * is read as JSON; any other is parsed and validated by yaml-source.ts, which is imported only then:
 * the yaml library and zod took about 75 ms of every command's start (measured on `score`), for
 * work the cache has already done.
 */
import { readFile } from "node:fs/promises";
import { t } from "../../core/text.ts";
import { inputFileProblem } from "./file-check.ts";
import { cachedQuestionnaire } from "./questionnaire-cache.ts";
import type { LoadedQuestionnaire } from "./yaml-source.ts";

export async function loadQuestionnaireFile(file: string): Promise<LoadedQuestionnaire> {
  const problem = inputFileProblem(file);
  if (problem) return { ok: false, file, issues: [{ code: "file_unreadable", severity: "error", path: [], message: problem, file }] };
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === "ENOENT" ? t("filen findes ikke", "file not found") : t(`kan ikke læses (${(err as Error).message})`, `cannot be read (${(err as Error).message})`);
    return { ok: false, file, issues: [{ code: "file_unreadable", severity: "error", path: [], message: reason, file }] };
  }
  const cached = cachedQuestionnaire(file, bytes);
  if (cached) return { ok: true, file, ...cached, warnings: [] };
  const { decodeYamlBytes, parseQuestionnaire } = await import("./yaml-source.ts");
  return parseQuestionnaire(decodeYamlBytes(bytes), file);
}
