import { z } from "zod";
import { SourceRef } from "./questionnaire.ts";

const Advice = z.object({ da: z.string().min(1), en: z.string().min(1), source: SourceRef });
export type Advice = z.infer<typeof Advice>;

/** What good practice looks like per element and level (templates/good-practice/<questionnaire>.yaml). */
export const GoodPractice = z.object({
  questionnaire: z.string(),
  elements: z.record(z.string(), z.record(z.string(), Advice)),
});
export type GoodPractice = z.infer<typeof GoodPractice>;
