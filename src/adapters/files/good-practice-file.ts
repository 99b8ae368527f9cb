import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { GoodPractice } from "../../core/questionnaire/good-practice.ts";
import { TEMPLATE_DIR } from "./bundled.ts";
import { cachedGoodPractice } from "./questionnaire-cache.ts";

const goodPracticePath = (questionnaireId: string): string => join(TEMPLATE_DIR, "good-practice", `${questionnaireId}.yaml`);

/** The good-practice texts for a questionnaire, if the package ships any: from the build's cache, else parsed (yaml and zod loaded only then). */
export async function loadGoodPractice(questionnaireId: string): Promise<GoodPractice | undefined> {
  const path = goodPracticePath(questionnaireId);
  if (!existsSync(path)) return undefined;
  const bytes = readFileSync(path);
  return cachedGoodPractice(path, bytes) ?? (await import("./good-practice-yaml.ts")).parseGoodPractice(bytes);
}
