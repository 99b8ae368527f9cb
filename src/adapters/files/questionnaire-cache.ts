/**
 * The bundled questionnaires and good-practice texts, parsed and validated when the package is
 * built (`npm run build` writes dist/questionnaire-cache/): every command loads a questionnaire,
 * and parsing and validating the YAML took about 90 ms of a command's start, reading this JSON
 * about 2 ms; without them the yaml library and zod need not be loaded at all (another 75 ms).
 * An entry is used only for the very bytes it was made from (their SHA-256) and only by the built
 * code that made it, so an edited file or a run from the sources parses the YAML as always.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { GoodPractice } from "../../core/questionnaire/good-practice.ts";
import type { Questionnaire } from "../../core/questionnaire/questionnaire.ts";
import { PACKAGE_ROOT, QUESTIONNAIRE_DIR, TEMPLATE_DIR } from "./bundled.ts";

const HERE = fileURLToPath(import.meta.url);
/** Only the built code reads the cache it was built with (the sources may validate differently). */
const BUILT = HERE.includes(`${sep}dist${sep}`);
export const CACHE_DIR = join(PACKAGE_ROOT, "dist", "questionnaire-cache");

type Entry = { sha256: string; questionnaire: Questionnaire; hash: string };
type PracticeEntry = { sha256: string; practice: GoodPractice };

/** The bundled folders whose files are cached, each with its own prefix in the cache. */
const FOLDERS = [{ dir: QUESTIONNAIRE_DIR, prefix: "" }, { dir: join(TEMPLATE_DIR, "good-practice"), prefix: "good-practice__" }];

const entryPath = (file: string): string | undefined => {
  for (const { dir, prefix } of FOLDERS) {
    const inside = relative(dir, file);
    if (!inside.startsWith("..") && !inside.includes(":")) return join(CACHE_DIR, `${prefix}${inside.split(sep).join("__")}.json`);
  }
  return undefined;
};

const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/** The entry made from exactly these bytes of a bundled file, if the build cached it. */
function cached<T extends { sha256: string }>(file: string, bytes: Uint8Array): T | undefined {
  const path = BUILT ? entryPath(file) : undefined;
  if (!path || !existsSync(path)) return undefined;
  try {
    const entry = JSON.parse(readFileSync(path, "utf8")) as T;
    return entry.sha256 === sha256(bytes) ? entry : undefined;
  } catch {
    return undefined; // a damaged cache is no cache
  }
}

function cache<T extends { sha256: string }>(file: string, entry: T): string {
  const path = entryPath(file);
  if (!path) throw new Error(`${basename(file)} is not a bundled file`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(entry));
  return path;
}

/** The questionnaire built from exactly these bytes of a bundled file, if the build cached it. */
export function cachedQuestionnaire(file: string, bytes: Uint8Array): { questionnaire: Questionnaire; hash: string } | undefined {
  const entry = cached<Entry>(file, bytes);
  return entry && { questionnaire: entry.questionnaire, hash: entry.hash };
}

/** Writes the cache entry of a bundled questionnaire that loaded without a warning. */
export const cacheQuestionnaire = (file: string, bytes: Uint8Array, questionnaire: Questionnaire, hash: string): string =>
  cache(file, { sha256: sha256(bytes), questionnaire, hash } satisfies Entry);

/** The good-practice texts validated from exactly these bytes of a bundled file, if the build cached them. */
export const cachedGoodPractice = (file: string, bytes: Uint8Array): GoodPractice | undefined => cached<PracticeEntry>(file, bytes)?.practice;

export const cacheGoodPractice = (file: string, bytes: Uint8Array, practice: GoodPractice): string =>
  cache(file, { sha256: sha256(bytes), practice } satisfies PracticeEntry);
