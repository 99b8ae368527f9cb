import { writeFileSync } from "node:fs";
import { questionnaireJsonSchema } from "../src/core/questionnaire/json-schema.ts";

const target = new URL("../schema/questionnaire.schema.json", import.meta.url);
writeFileSync(target, `${JSON.stringify(questionnaireJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
