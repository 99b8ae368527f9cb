// Room adapters/files/ — the file system: atomic writes and locks, input checks, the cleanup watchdog, text decoding, YAML sources, bundled questionnaires and templates, answers and progress files.
import { readFile } from "node:fs/promises";
import { t, type Text } from "../../core/text.ts";
import { fileErrorReason, inputFileProblem } from "./file-check.ts";
import { decodeYamlBytes, parseYamlData } from "./yaml-source.ts";

export type AnswersRead = { ok: true; raw: Record<string, unknown> } | { ok: false; reason: Text; line?: number };

/**
 * Reads an answers file (YAML or JSON, which is YAML too): a map from item id to value. Every
 * failure — a folder, a pipe, bad YAML, a custom tag, an alias bomb, a list instead of a map —
 * comes back as words, never as a thrown library error.
 */
export async function readAnswersFile(path: string): Promise<AnswersRead> {
  const problem = inputFileProblem(path);
  if (problem) return { ok: false, reason: problem };
  let text: string;
  try {
    text = decodeYamlBytes(await readFile(path));
  } catch (err) {
    return { ok: false, reason: fileErrorReason(err as NodeJS.ErrnoException) ?? t("kan ikke læses", "cannot be read") };
  }
  const parsed = parseYamlData(text, path);
  if (!parsed.ok) {
    const first = parsed.issues[0]!;
    return { ok: false, reason: first.message, ...(first.position ? { line: first.position.line } : {}) };
  }
  const data = parsed.data;
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return { ok: false, reason: t("forventede en samling spørgsmåls-id: værdi", "expected a mapping item id: value") };
  }
  return { ok: true, raw: data as Record<string, unknown> };
}
