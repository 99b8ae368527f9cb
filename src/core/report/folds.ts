/** The folds the parallel reader's workers can do (ReadOptions.fold): `score --by`'s groups, and report's and gaps' breakdown. */
import type { Questionnaire } from "../questionnaire/questionnaire.ts";
import { GroupFold, type GroupFoldSpec } from "../scoring/group-fold.ts";
import type { GroupSummaryPartial } from "../scoring/group-summary.ts";
import type { ScoringModel } from "../scoring/scoring.ts";
import { BreakdownFold, type BreakdownPartial, type BreakdownRow, type BreakdownSpec } from "./breakdown-fold.ts";

export { foldFits } from "../scoring/group-fold.ts";

export type FoldSpec = GroupFoldSpec | BreakdownSpec;
export type FoldPartial = GroupSummaryPartial | BreakdownPartial;

export type Fold = { add(row: BreakdownRow, scores: Float64Array): void; take(): FoldPartial };

export const makeFold = (spec: FoldSpec, q: Questionnaire, model: ScoringModel, metaNames: readonly string[]): Fold =>
  spec.kind === "groups" ? new GroupFold(spec, q, model, metaNames) : new BreakdownFold(spec, q, model, metaNames);
