import { z } from "zod";
import { Questionnaire } from "./questionnaire.ts";

/** The JSON Schema editors use for autocompletion; generated from the zod schema, never written by hand. */
export function questionnaireJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Questionnaire, { io: "input", unrepresentable: "any" }),
    title: "ledelsestjek questionnaire",
    description: "A ledelsestjek questionnaire (docs/spoergeskema.md). Generated from src/core/questionnaire/questionnaire.ts by `npm run schema`.",
  };
}
