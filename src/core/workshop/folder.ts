import { z } from "zod";
import { Id } from "../questionnaire/questionnaire.ts";

/** `--merge-levels A+B[=label]`: levels shown as one group in breakdowns by level (SPEC §4 rule 7). */
export const MergeLevels = z.object({ levels: z.array(Id).min(2), label: z.string().min(1).optional() });
export type MergeLevels = z.infer<typeof MergeLevels>;

/** `workshop.yaml`: what the workshop was set up with, readable and editable without the tool (SPEC §6). */
export const WorkshopConfig = z.strictObject({
  title: z.string().trim().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "expected a date YYYY-MM-DD" }),
  scope: z.string().min(1).optional(),
  questionnaire: z.strictObject({ id: Id, version: z.string().min(1), hash: z.string().regex(/^[0-9a-f]{12}$/, { message: "expected 12 hex digits" }) }),
  k: z.int().min(1),
  merge_levels: z.array(MergeLevels).default([]),
  gap_threshold: z.number().positive().default(20),
  spread: z.strictObject({ range: z.number().positive().default(3), sd: z.number().positive().default(1) }).default({ range: 3, sd: 1 }),
  language: z.enum(["da", "en"]).default("da"),
  max_participants: z.int().min(1).max(10_000).default(100),
  /** Expected participants per level (SPEC §6.1): a full level takes no more, and the facilitator sees "12 af 14". */
  deltagere: z.record(Id, z.int().min(0).max(10_000)).optional(),
});
export type WorkshopConfig = z.infer<typeof WorkshopConfig>;
