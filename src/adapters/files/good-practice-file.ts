import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { GoodPractice } from "../../core/questionnaire/good-practice.ts";
import { TEMPLATE_DIR } from "./bundled.ts";

/** The good-practice texts for a questionnaire, if the package ships any. */
export function loadGoodPractice(questionnaireId: string): GoodPractice | undefined {
  const path = join(TEMPLATE_DIR, "good-practice", `${questionnaireId}.yaml`);
  if (!existsSync(path)) return undefined;
  return GoodPractice.parse(parse(readFileSync(path, "utf8")));
}
