/** Which columns two rows of one respondent differ in, so a conflict says where to look (SPEC §3, one respondent, one row). */
import { readResponses, type DataProblem, type RespondentRow } from "../adapters/csv/response-reader.ts";
import type { Questionnaire } from "../core/questionnaire/questionnaire.ts";
import { AnswerKind } from "../core/scoring/item-stats.ts";
import { DONT_KNOW, type ScoringModel } from "../core/scoring/scoring.ts";
import { t } from "../core/text.ts";

/** The parts of a row the duplicate check compares (see core/responses/duplicates.ts), by column name. */
type Snapshot = Map<string, string>;

const snapshot = (row: RespondentRow, model: ScoringModel): Snapshot => {
  const cells = new Map<string, string>([["level", row.level], ["group", row.group]]);
  row.metaNames.forEach((name, i) => cells.set(name, row.metaValues[i] ?? ""));
  model.itemIds.forEach((id, i) => cells.set(id, row.kinds[i] === AnswerKind.Value ? String(row.values[i]) : row.kinds[i] === AnswerKind.DontKnow ? DONT_KNOW : ""));
  return cells;
};

const SHOWN = 3;

/**
 * Conflicts are rare, and the duplicate check keeps only a fingerprint of each row, so the first
 * row of each conflict is read again afterwards: the problem is then completed with the columns
 * that differ. Costs nothing when there is no conflict.
 */
export class ConflictColumns {
  private readonly pending: { problem: DataProblem; later: Snapshot; file: number; line: number }[] = [];

  constructor(private readonly model: ScoringModel) {}

  add(problem: DataProblem, row: RespondentRow, first: { file: number; line: number }): void {
    this.pending.push({ problem, later: snapshot(row, this.model), file: first.file, line: first.line });
  }

  /** Fills in the differing columns of every conflict (mutating its problem), reading each first file once. */
  async complete(files: string[], q: Questionnaire): Promise<void> {
    for (const [index, file] of files.entries()) {
      const wanted = new Map(this.pending.filter((p) => p.file === index).map((p) => [p.line, p]));
      if (wanted.size === 0) continue;
      await readResponses(file, q, this.model, {
        onRow: (row) => {
          const conflict = wanted.get(row.line);
          if (!conflict) return;
          const before = snapshot(row, this.model);
          const names = [...new Set([...before.keys(), ...conflict.later.keys()])];
          const differing = names.filter((name) => (before.get(name) ?? "") !== (conflict.later.get(name) ?? ""));
          if (differing.length === 0) return;
          const shown = differing.slice(0, SHOWN).map((name) => `${name}: "${before.get(name) ?? ""}" / "${conflict.later.get(name) ?? ""}"`).join(", ");
          const more = differing.length > SHOWN ? ` …(+${differing.length - SHOWN})` : "";
          const p = conflict.problem;
          p.message = t(`${p.message.da}; forskellen er i ${shown}${more}`, `${p.message.en}; they differ in ${shown}${more}`);
        },
        onProblem: () => undefined,
      });
    }
  }
}
