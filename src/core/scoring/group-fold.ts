/**
 * `score --by` as a fold: what the parallel reader's worker threads do with the rows they read
 * instead of handing each row back. A worker folds its range's rows into a GroupSummary of their
 * own; the main thread merges those partial summaries in file order (GroupSummary.mergePartial).
 * The spec is plain data, so it crosses to a worker thread; the fold is built there from it.
 *
 * With many small groups (`--by kommune`) a range's partial summary holds more numbers than its
 * rows' scores, and merging it costs the main thread more than adding the scores would: measured on
 * 400 000 rows by a hundred kommuner, the parallel read took 1.4 times the CPU of one thread. So after
 * its first range a fold whose summary was larger than its rows' scores sends the rows' groups and
 * scores instead (GroupRowsPartial), which the main thread adds in order as one thread would.
 */
import type { Questionnaire } from "../questionnaire/questionnaire.ts";
import { GroupSummary, type GroupSummaryPartial, type PartialGroup } from "./group-summary.ts";
import { levelGrouping, type LevelGrouping, type LevelMerge } from "./level-groups.ts";
import type { ScoringModel } from "./scoring.ts";

export type GroupFoldSpec = { kind: "groups"; byColumns: string[]; merges: LevelMerge[] };

/** The parts of a read row a fold uses. */
export type FoldRow = { level: string; group: string; metaValues: readonly string[] };

/** Whether a file with these metadata columns has every --by column; if not, the rows are read one by one, which reports the missing column. */
export const foldFits = (spec: { byColumns: readonly string[] }, metaNames: readonly string[]): boolean =>
  spec.byColumns.every((c) => c === "level" || c === "group" || metaNames.includes(c));

/** A row's --by values as the folds read them, from the columns of a file with `metaNames`; the array is reused row to row. */
export class ByValues {
  readonly grouping: LevelGrouping;
  /** Per --by column: -1 level, -2 group, else the metadata column's position. */
  private readonly sources: number[];
  private readonly values: string[];

  constructor(byColumns: readonly string[], merges: readonly LevelMerge[], q: Questionnaire, metaNames: readonly string[]) {
    this.grouping = levelGrouping(q, merges);
    this.sources = byColumns.map((c) => (c === "level" ? -1 : c === "group" ? -2 : metaNames.indexOf(c)));
    this.values = byColumns.map(() => "");
  }

  of(row: FoldRow): string[] {
    const { values, sources } = this;
    for (let i = 0; i < sources.length; i++) {
      const s = sources[i]!;
      values[i] = s === -1 ? this.grouping.keyOf(row.level) : s === -2 ? row.group : row.metaValues[s]!;
    }
    return values;
  }
}

/** Does what `score --by` does with each row (its groups and populations), for a file with `metaNames`. */
export class GroupFold {
  private readonly summary: GroupSummary;
  private readonly by: ByValues;

  constructor(
    spec: GroupFoldSpec,
    q: Questionnaire,
    model: ScoringModel,
    metaNames: readonly string[],
  ) {
    this.by = new ByValues(spec.byColumns, spec.merges, q, metaNames);
    this.summary = new GroupSummary(spec.byColumns, model.dimensions);
    this.dimensions = model.dimensions.length;
  }

  private readonly dimensions: number;

  /** Rows folded since the last take; whether the fold sends rows rather than summaries (decided after the first range). */
  private added = 0;
  private sendsRows: boolean | undefined;
  private readonly rows: number[] = [];
  private readonly scores: number[] = [];
  private readonly met: PartialGroup[] = [];
  private readonly numbers = new Map<string, Map<string, number>>();

  add(row: FoldRow, scores: Float64Array): void {
    const values = this.by.of(row);
    const population = this.by.grouping.populationOf(row.level);
    this.added++;
    if (!this.sendsRows) return this.summary.add(values, scores, population);
    this.rows.push(this.numberOf(population, values));
    for (let d = 0; d < scores.length; d++) this.scores.push(scores[d]!);
  }

  /** The group's number in this range's rows partial. */
  private numberOf(population: string, values: readonly string[]): number {
    const key = values.length === 1 ? values[0]! : values.join("\u0000");
    let perPopulation = this.numbers.get(population);
    if (!perPopulation) this.numbers.set(population, (perPopulation = new Map()));
    let n = perPopulation.get(key);
    if (n === undefined) {
      perPopulation.set(key, (n = this.met.length));
      this.met.push({ population, values: [...values] });
    }
    return n;
  }

  /** The rows folded since the last call, as plain data; the fold starts empty again. */
  take(): GroupSummaryPartial {
    const added = this.added;
    this.added = 0;
    if (this.sendsRows) {
      const partial = { groups: this.met.splice(0), rows: Int32Array.from(this.rows), scores: Float64Array.from(this.scores) };
      this.rows.length = 0;
      this.scores.length = 0;
      this.numbers.clear();
      return partial;
    }
    const partial = this.summary.partial();
    this.summary.clear();
    // A first range of a few rows (tests cut files into tiny ranges) says nothing of the groups.
    if (this.sendsRows === undefined && added >= 200) this.sendsRows = partial.counts.length > added * this.dimensions;
    return partial;
  }
}
