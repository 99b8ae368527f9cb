import type { Issue, Path, Result } from "../issues.ts";
import { Questionnaire } from "./questionnaire.ts";
import { RULES } from "./rules.ts";
import { findUnknownKeys } from "./unknown-keys.ts";
import { fromZodIssues } from "../zod-issues.ts";

const overlaps = (a: Path, b: Path): boolean => {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
};

/**
 * Rules also run when the shape is wrong, so the author sees every problem at once.
 * On partly invalid data a rule may throw or misfire; it is skipped, and its issues
 * on nodes that already have a shape error are dropped.
 */
function runRules(data: Questionnaire, shapeIssues: Issue[]): Issue[] {
  return RULES.flatMap((rule) => {
    try {
      return rule(data).filter((issue) => !shapeIssues.some((shape) => overlaps(shape.path, issue.path)));
    } catch {
      return [];
    }
  });
}

/** Validates parsed YAML/JSON against the schema and the cross-field rules. Never throws on bad input. */
export function validateQuestionnaire(data: unknown): Result<Questionnaire> {
  const warnings = findUnknownKeys(Questionnaire, data);
  const parsed = Questionnaire.safeParse(data, { reportInput: true });
  const shapeIssues = parsed.success ? [] : fromZodIssues(parsed.error.issues);
  const ruleIssues = runRules(parsed.success ? parsed.data : (data as Questionnaire), shapeIssues);
  const errors = [...shapeIssues, ...ruleIssues];
  if (!parsed.success || errors.length > 0) return { ok: false, issues: [...errors, ...warnings] };
  return { ok: true, value: parsed.data, warnings };
}
