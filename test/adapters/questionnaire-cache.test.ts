import { existsSync, readFileSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { PACKAGE_ROOT, QUESTIONNAIRE_DIR, TEMPLATE_DIR, VERSIONS_DIR } from "../../src/adapters/files/bundled.ts";

// The build caches each bundled questionnaire as JSON (src/adapters/files/questionnaire-cache.ts).
// The built code must load from it exactly what it gets by parsing and validating the YAML, and
// nothing for other bytes. `npm ci` builds the package (prepare), so dist/ is there.
const DIST = join(PACKAGE_ROOT, "dist", "adapters", "files");
const built = existsSync(join(DIST, "questionnaire-cache.js"));

describe.skipIf(!built)("the questionnaire cache of the build", () => {
  const yaml = (dir: string) => readdirSync(dir).filter((n) => n.endsWith(".yaml")).map((n) => join(dir, n));
  const files = [...yaml(QUESTIONNAIRE_DIR), ...yaml(VERSIONS_DIR)];

  it.each(files.map((f) => [f.slice(QUESTIONNAIRE_DIR.length + 1), f]))("%s: the cached questionnaire is the parsed one, key for key", async (_, file) => {
    const source = await import(join(DIST, "yaml-source.js"));
    const cache = await import(join(DIST, "questionnaire-cache.js"));
    const bytes = readFileSync(file);
    const cached = cache.cachedQuestionnaire(file, bytes);
    expect(cached).toBeDefined();
    const parsed = source.parseQuestionnaire(source.decodeYamlBytes(bytes), file);
    expect(parsed.ok).toBe(true);
    // Strict: a key holding undefined in one and missing in the other would differ here.
    expect(isDeepStrictEqual(cached.questionnaire, parsed.questionnaire)).toBe(true);
    expect(cached.hash).toBe(parsed.hash);
    const loaded = await (await import(join(DIST, "questionnaire-file.js"))).loadQuestionnaireFile(file);
    expect(isDeepStrictEqual(loaded, { ...parsed })).toBe(true);
  });

  const practices = yaml(join(TEMPLATE_DIR, "good-practice"));
  it.each(practices.map((f) => [f.slice(TEMPLATE_DIR.length + 1), f]))("%s: the cached good-practice texts are the parsed ones, key for key", async (_, file) => {
    const cache = await import(join(DIST, "questionnaire-cache.js"));
    const parsing = await import(join(DIST, "good-practice-yaml.js"));
    const bytes = readFileSync(file);
    const cached = cache.cachedGoodPractice(file, bytes);
    expect(cached).toBeDefined();
    expect(isDeepStrictEqual(cached, parsing.parseGoodPractice(bytes))).toBe(true);
    expect(cache.cachedGoodPractice(file, Buffer.concat([bytes, Buffer.from("\n# edited\n")]))).toBeUndefined();
    const loaded = await (await import(join(DIST, "good-practice-file.js"))).loadGoodPractice(basename(file, ".yaml"));
    expect(isDeepStrictEqual(loaded, cached)).toBe(true);
  });

  it("serves nothing for other bytes, or for a file outside the bundled folder", async () => {
    const cache = await import(join(DIST, "questionnaire-cache.js"));
    const file = files[0]!;
    const bytes = readFileSync(file);
    expect(cache.cachedQuestionnaire(file, Buffer.concat([bytes, Buffer.from("\n# edited\n")]))).toBeUndefined();
    expect(cache.cachedQuestionnaire(join(PACKAGE_ROOT, "faglig-ledelse.yaml"), bytes)).toBeUndefined();
  });
});
