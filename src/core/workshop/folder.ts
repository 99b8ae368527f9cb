import { z } from "zod";
import { Id } from "../questionnaire.ts";
import type { Questionnaire } from "../questionnaire.ts";
import { t, type Text } from "../text.ts";

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
});
export type WorkshopConfig = z.infer<typeof WorkshopConfig>;

/** Parses one `--merge-levels` value against the questionnaire's levels. */
export function parseMergeLevels(spec: string, q: Questionnaire): { ok: true; value: MergeLevels } | { ok: false; message: Text } {
  const [ids = "", label] = spec.split("=", 2);
  const levels = ids.split("+").map((s) => s.trim()).filter(Boolean);
  const known = q.levels.map((l) => l.id);
  if (levels.length < 2 || (label !== undefined && label.trim() === "")) {
    return { ok: false, message: t(`--merge-levels "${spec}": skriv mindst to niveauer som A+B, evt. med =navn.`, `--merge-levels "${spec}": give at least two levels as A+B, optionally with =label.`) };
  }
  const unknown = levels.filter((l) => !known.includes(l));
  if (unknown.length > 0) {
    return { ok: false, message: t(`--merge-levels "${spec}": ukendt niveau ${unknown.join(", ")}. Niveauer i ${q.id}: ${known.join(", ")}.`, `--merge-levels "${spec}": unknown level ${unknown.join(", ")}. Levels in ${q.id}: ${known.join(", ")}.`) };
  }
  if (new Set(levels).size !== levels.length) {
    return { ok: false, message: t(`--merge-levels "${spec}": et niveau er nævnt to gange.`, `--merge-levels "${spec}": a level is named twice.`) };
  }
  return { ok: true, value: { levels, ...(label ? { label: label.trim() } : {}) } };
}

/** A level may be merged into one group only; otherwise a respondent would count twice. */
export function overlappingMerges(merges: readonly MergeLevels[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const m of merges) for (const l of m.levels) (seen.has(l) ? twice : seen).add(l);
  return [...twice];
}
