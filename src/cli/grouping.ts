import { levelGrouping, parseMergeLevels, type LevelGrouping } from "../core/scoring/level-groups.ts";
import type { Questionnaire } from "../core/questionnaire/questionnaire.ts";
import { UserError } from "./errors.ts";

/** The level grouping of `--merge-levels`; a spec naming an unknown level is wrong usage (exit 2). */
export function groupingFor(q: Questionnaire, specs: readonly string[] | string | undefined): LevelGrouping {
  const list = specs === undefined ? [] : typeof specs === "string" ? [specs] : specs;
  const parsed = parseMergeLevels(q, list);
  if ("error" in parsed) throw new UserError(2, parsed.error);
  return levelGrouping(q, parsed.merges);
}

/** Mirror levels in questionnaire order: each is a population of its own beside the leaders. */
export const mirrorOrder = (q: Questionnaire): string[] => q.levels.filter((l) => l.rates !== undefined).map((l) => l.id);
