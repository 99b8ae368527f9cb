import { readResponses } from "../../../adapters/csv/response-reader.ts";
import { toolVersion } from "../../../adapters/files/bundled.ts";
import { COMMENT_PREFIX } from "../../../core/responses/responses.ts";
import type { Workshop } from "../../../adapters/workshop-store/workshop-folder.ts";
import { GroupItemCounts } from "../../../core/scoring/group-items.ts";
import { GroupSummary } from "../../../core/scoring/group-summary.ts";
import { levelGrouping } from "../../../core/scoring/level-groups.ts";
import type { Questionnaire } from "../../../core/questionnaire/questionnaire.ts";
import { buildReport, groupKey, type Report } from "../../../core/report/report.ts";
import { compileScoring, scoreValues } from "../../../core/scoring/scoring.ts";
import type { Lang } from "../../../core/text.ts";
import { mirrorOrder } from "../../grouping.ts";
import { ANSWERS_SCOPE } from "../../../core/workshop/publication.ts";
import { publishedAnswers, roomRespondents, roomSettings } from "./room-store.ts";

/** The workshop's questionnaire with the workshop's k, so every output of the folder hides the same cells. */
export const withWorkshopK = (w: Workshop): Questionnaire => ({ ...w.questionnaire, anonymity: { ...w.questionnaire.anonymity, min_group_size: w.config.k } });

/** The main report's model of the workshop's answers, by level (merged as workshop.yaml says): the figures of `report --csv`. */
export async function workshopReportModel(w: Workshop, lang: Lang, date: string): Promise<Report> {
  const q = withWorkshopK(w);
  const model = compileScoring(q);
  const grouping = levelGrouping(q, roomSettings(w).merges);
  const groups = new GroupSummary(["level"], model.dimensions);
  const itemCounts = new GroupItemCounts(model.itemIds.length, q.scale.min, q.scale.max);
  const scores = new Float64Array(model.dimensions.length);
  // The same published snapshot as the room, status and the report (SPEC §6.1): never figures the room's record does not allow.
  const { subset } = await publishedAnswers(w, ANSWERS_SCOPE, await roomRespondents(w), true);
  for (const r of subset) {
    scoreValues(model, model.plans.get(r.level)!, r.values, scores);
    const population = grouping.populationOf(r.level);
    const values = [grouping.keyOf(r.level)];
    groups.add(values, scores, population);
    itemCounts.add(groupKey(population, values), r.values, r.kinds);
  }
  return buildReport({ q, hash: w.hash, lang, files: ["besvarelser.csv"], date, toolVersion: toolVersion(), byColumns: ["level"], grouping, mirrorOrder: mirrorOrder(q), groups, itemCounts });
}

/**
 * The free text of besvarelser.csv per level group (the room's grouping) and element, for the workshop
 * report; which groups may show theirs the report model decides with the disclosure engine's cells.
 */
export async function workshopComments(w: Workshop): Promise<Map<string, Map<string, string[]>>> {
  const q = w.questionnaire;
  const grouping = levelGrouping(q, roomSettings(w).merges);
  const collected = new Map<string, Map<string, string[]>>();
  await readResponses(w.responses, q, compileScoring(q), {
    onRow: (row) => row.commentValues.forEach((text, i) => {
      if (!text.trim()) return;
      const key = grouping.keyOf(row.level);
      const element = row.commentNames[i]!.slice(COMMENT_PREFIX.length);
      const perElement = collected.get(key) ?? collected.set(key, new Map()).get(key)!;
      (perElement.get(element) ?? perElement.set(element, []).get(element)!).push(text);
    }),
    onProblem: (p) => {
      throw new Error(`${p.file}:${p.line} ${p.column ?? ""} ${p.message.en}`);
    },
  });
  return collected;
}
