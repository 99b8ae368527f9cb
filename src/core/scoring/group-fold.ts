/**
 * `score --by` as a fold: what the parallel reader's worker threads do with the rows they read
 * instead of handing each row back. A worker folds its range's rows into a GroupSummary of their
 * own; the main thread merges those partial summaries in file order (GroupSummary.mergePartial).
 * The spec is plain data, so it crosses to a worker thread; the fold is built there from it.
 */
import type { Questionnaire } from "../questionnaire/questionnaire.ts";
import { GroupSummary, type GroupSummaryPartial } from "./group-summary.ts";
import { levelGrouping, type LevelMerge } from "./level-groups.ts";
import type { ScoringModel } from "./scoring.ts";

export type GroupFoldSpec = { kind: "groups"; byColumns: string[]; merges: LevelMerge[] };

/** The parts of a read row a fold uses. */
export type FoldRow = { level: string; group: string; metaValues: readonly string[] };

/** Whether a file with these metadata columns has every --by column; if not, the rows are read one by one, which reports the missing column. */
export const foldFits = (spec: { byColumns: readonly string[] }, metaNames: readonly string[]): boolean =>
  spec.byColumns.every((c) => c === "level" || c === "group" || metaNames.includes(c));

/** Does what `score --by` does with each row (its groups and populations), for a file with `metaNames`. */
export class GroupFold {
  private readonly summary: GroupSummary;
  private readonly values: string[];
  /** Per --by column: -1 level, -2 group, else the metadata column's position. */
  private readonly sources: number[];
  private readonly grouping;

  constructor(
    spec: GroupFoldSpec,
    q: Questionnaire,
    model: ScoringModel,
    metaNames: readonly string[],
  ) {
    this.grouping = levelGrouping(q, spec.merges);
    this.sources = spec.byColumns.map((c) => (c === "level" ? -1 : c === "group" ? -2 : metaNames.indexOf(c)));
    this.values = spec.byColumns.map(() => "");
    this.summary = new GroupSummary(spec.byColumns, model.dimensions);
  }

  add(row: FoldRow, scores: Float64Array): void {
    const { values, sources } = this;
    for (let i = 0; i < sources.length; i++) {
      const s = sources[i]!;
      values[i] = s === -1 ? this.grouping.keyOf(row.level) : s === -2 ? row.group : row.metaValues[s]!;
    }
    this.summary.add(values, scores, this.grouping.populationOf(row.level));
  }

  /** The rows folded since the last call, as plain data; the fold starts empty again. */
  take(): GroupSummaryPartial {
    const partial = this.summary.partial();
    this.summary.clear();
    return partial;
  }
}
