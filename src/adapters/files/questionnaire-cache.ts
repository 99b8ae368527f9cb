/**
 * The bundled questionnaires, parsed and validated when the package is built (`npm run build`
 * writes dist/questionnaire-cache/): every command loads one, and parsing and validating the YAML
 * took about 90 ms of a command's start, reading this JSON about 2 ms. An entry is used only for
 * the very bytes it was made from (their SHA-256) and only by the built code that made it, so an
 * edited questionnaire or a run from the sources parses the YAML as always.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Questionnaire } from "../../core/questionnaire/questionnaire.ts";
import { PACKAGE_ROOT, QUESTIONNAIRE_DIR } from "./bundled.ts";

const HERE = fileURLToPath(import.meta.url);
/** Only the built code reads the cache it was built with (the sources may validate differently). */
const BUILT = HERE.includes(`${sep}dist${sep}`);
export const CACHE_DIR = join(PACKAGE_ROOT, "dist", "questionnaire-cache");

type Entry = { sha256: string; questionnaire: Questionnaire; hash: string };

const entryPath = (file: string): string | undefined => {
  const inside = relative(QUESTIONNAIRE_DIR, file);
  if (inside.startsWith("..") || inside.includes(":")) return undefined;
  return join(CACHE_DIR, `${inside.split(sep).join("__")}.json`);
};

const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/** The questionnaire built from exactly these bytes of a bundled file, if the build cached it. */
export function cachedQuestionnaire(file: string, bytes: Uint8Array): { questionnaire: Questionnaire; hash: string } | undefined {
  const path = BUILT ? entryPath(file) : undefined;
  if (!path || !existsSync(path)) return undefined;
  try {
    const entry = JSON.parse(readFileSync(path, "utf8")) as Entry;
    return entry.sha256 === sha256(bytes) ? { questionnaire: entry.questionnaire, hash: entry.hash } : undefined;
  } catch {
    return undefined; // a damaged cache is no cache
  }
}

/** Writes the cache entry of a bundled file that loaded without a warning. */
export function cacheQuestionnaire(file: string, bytes: Uint8Array, questionnaire: Questionnaire, hash: string): string {
  const path = entryPath(file);
  if (!path) throw new Error(`${basename(file)} is not a bundled questionnaire`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify({ sha256: sha256(bytes), questionnaire, hash } satisfies Entry));
  return path;
}
