// Part of `npm run build`: parses and validates each bundled questionnaire and good-practice file
// once, with the built code, and writes dist/questionnaire-cache/ (see src/adapters/files/questionnaire-cache.ts).
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { QUESTIONNAIRE_DIR, TEMPLATE_DIR, VERSIONS_DIR } from "../dist/adapters/files/bundled.js";
import { CACHE_DIR, cacheGoodPractice, cacheQuestionnaire } from "../dist/adapters/files/questionnaire-cache.js";
import { decodeYamlBytes, parseQuestionnaire } from "../dist/adapters/files/yaml-source.js";
import { parseGoodPractice } from "../dist/adapters/files/good-practice-yaml.js";

rmSync(CACHE_DIR, { recursive: true, force: true });
const yaml = (dir) => readdirSync(dir).filter((name) => name.endsWith(".yaml")).map((name) => join(dir, name));
let written = 0;
for (const file of [...yaml(QUESTIONNAIRE_DIR), ...yaml(VERSIONS_DIR)]) {
  const bytes = readFileSync(file);
  const loaded = parseQuestionnaire(decodeYamlBytes(bytes), file);
  // Only what loads cleanly is cached; anything else keeps its messages from the YAML.
  if (!loaded.ok || loaded.warnings.length > 0) continue;
  cacheQuestionnaire(file, bytes, loaded.questionnaire, loaded.hash);
  written++;
}
const practiceDir = join(TEMPLATE_DIR, "good-practice");
for (const file of yaml(practiceDir)) {
  const bytes = readFileSync(file);
  cacheGoodPractice(file, bytes, parseGoodPractice(bytes));
  written++;
}
console.log(`questionnaire cache: ${written} file(s) in ${CACHE_DIR}`);
