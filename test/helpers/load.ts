import { readFileSync } from "node:fs";
import { parseQuestionnaire } from "../../src/adapters/files/yaml-source.ts";
import type { Questionnaire } from "../../src/core/questionnaire/questionnaire.ts";

/** Loads a questionnaire that must be valid; fails the test with the issues otherwise. */
export function loadValid(file: string): Questionnaire {
  const loaded = parseQuestionnaire(readFileSync(file, "utf8"), file);
  if (!loaded.ok) throw new Error(`expected ${file} to be valid: ${JSON.stringify(loaded.issues, null, 1)}`);
  return loaded.questionnaire;
}
