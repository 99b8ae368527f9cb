import { readFileSync, writeFileSync } from "node:fs";
import { withFormatReference } from "../src/core/questionnaire/format-reference.ts";
import { questionnaireJsonSchema } from "../src/core/questionnaire/json-schema.ts";

// The questionnaire author's guide carries the format generated from the schema (test/docs/guides.test.ts keeps it in step).
const target = new URL("../docs/spoergeskema.md", import.meta.url);
writeFileSync(target, withFormatReference(readFileSync(target, "utf8"), questionnaireJsonSchema()));
console.log(`wrote ${target.pathname}`);
