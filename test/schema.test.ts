import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { questionnaireJsonSchema } from "../src/core/questionnaire/json-schema.ts";
import { ROOT } from "./helpers/paths.ts";

describe("schema/questionnaire.schema.json", () => {
  it("is in step with the zod schema (regenerate with npm run schema)", () => {
    const committed = JSON.parse(readFileSync(join(ROOT, "schema", "questionnaire.schema.json"), "utf8"));
    expect(committed).toEqual(questionnaireJsonSchema());
  });

  it("requires the fields SPEC §2 requires", () => {
    const schema = questionnaireJsonSchema() as { required: string[] };
    expect(schema.required).toEqual(expect.arrayContaining(["id", "version", "title", "scale", "levels", "areas"]));
  });
});
