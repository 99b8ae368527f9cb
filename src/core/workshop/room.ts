import { elementGaps, itemGaps, type Gap, type PopulationGroups } from "../scoring/gaps.ts";
import { GroupItemCounts } from "../scoring/group-items.ts";
import { groupOrder, GroupSummary, type GroupRow } from "../scoring/group-summary.ts";
import { itemBreakdown } from "../disclosure/item-breakdown.ts";
import { levelGrouping, type LevelMerge } from "../scoring/level-groups.ts";
import { allElements, allItems, labelOf, LEADERS } from "../questionnaire/levels.ts";
import type { Questionnaire } from "../questionnaire/questionnaire.ts";
import { groupKey, totalKey } from "../report/report.ts";
import { compileScoring, scoreValues } from "../scoring/scoring.ts";
import type { Lang } from "../text.ts";
import type { RoomPublication } from "./room-state.ts";
import { elementDistribution, itemSpread, spreadOf, type ElementDistribution, type ItemSpread, type Spread } from "./room-spread.ts";
import { wordingsBehind, type Wording } from "./wording.ts";

/** What the room is set up with (workshop.yaml). */
export type RoomSettings = { k: number; merges: readonly LevelMerge[]; gapThreshold: number; spread: { range: number; sd: number } };
/** One finished respondent as read from besvarelser.csv: values NaN where missing, kinds as `AnswerKind`. */
export type RoomRespondent = { id?: string; level: string; values: ArrayLike<number>; kinds: ArrayLike<number> };

export type LevelFigure = { key: string; label: string; population: string; row: GroupRow };
/** `wordings`: the statement's wordings the leaders behind the counts were asked, one per distinct text. */
export type ItemDistribution = { itemId: string; n: number; counts: number[] | null; row: GroupRow | undefined; wordings: Wording[] } & Pick<GroupRow, "suppressed" | "why">;
export type ElementView = {
  id: string;
  label: string;
  /** The leaders' total for the element: the room's mean and spread (or why it is hidden). */
  room: GroupRow;
  levels: LevelFigure[];
  spread: Spread | null;
  items: ItemDistribution[];
  /** The leaders' answers per scale value summed over the element's shown statements (null if any is hidden). */
  distribution: ElementDistribution | null;
  /** Items with the widest spread of answers in the room, widest first (shown cells only). */
  disagreement: ItemSpread[];
  /** Level differences and mirror-versus-self differences, largest first; hidden pairs left out. */
  gaps: Gap[];
  /** No figure of this element may be shown. */
  nothingShown: boolean;
};
export type RoomView = {
  k: number;
  participation: { level: string; label: string; n: number }[];
  respondents: number;
  /** Every level group has fewer than k respondents. */
  allBelowK: boolean;
  elements: ElementView[];
  /** Elements in a later round: how many have answered that round (the projector says it beside the figures). */
  revotes?: Record<string, { round: number; n: number }>;
  /** Per scope ("svar", "runde:<element>:<n>"): the snapshot the figures rest on and the answers waiting (SPEC §6.1). */
  publication?: Record<string, RoomPublication>;
  /** The total at which the per-level participation was last moved (it moves in steps of k). */
  participationAt?: number;
};

/** The projector's figures, every one decided by the disclosure engine (SPEC §4, §6 "In the room"). */
export function roomView(q: Questionnaire, settings: RoomSettings, respondents: readonly RoomRespondent[], lang: Lang): RoomView {
  const model = compileScoring(q);
  const grouping = levelGrouping(q, settings.merges);
  const mirrors = q.levels.filter((l) => l.rates !== undefined).map((l) => l.id);
  const groups = new GroupSummary(["level"], model.dimensions);
  const counts = new GroupItemCounts(model.itemIds.length, q.scale.min, q.scale.max);
  const levelsOf = new Map<string, Set<string>>();
  const scores = new Float64Array(model.dimensions.length);
  for (const r of respondents) {
    const plan = model.plans.get(r.level);
    if (!plan) continue;
    scoreValues(model, plan, r.values, scores);
    const key = grouping.keyOf(r.level);
    const population = grouping.populationOf(r.level);
    groups.add([key], scores, population);
    const gk = groupKey(population, [key]);
    counts.add(gk, r.values, r.kinds);
    (levelsOf.get(gk) ?? levelsOf.set(gk, new Set()).get(gk)!).add(r.level);
  }
  const rows = groups.rows(settings.k, groupOrder(["level"], grouping.order), mirrors);
  const populations: PopulationGroups[] = groups.populations(mirrors).map((population) => ({
    population,
    totalKey: totalKey(population),
    groups: rows
      .filter((r) => r.population === population && !r.total && r.dimension === model.dimensions[0])
      .map((r) => {
        const key = groupKey(population, [r.by.level!]);
        return { key, values: [r.by.level!], levels: [...(levelsOf.get(key) ?? [])], label: r.by.level! };
      }),
  }));
  const items = allItems(q);
  const mirrorGaps = itemGaps(q, populations, (key, i) => counts.counts(key, i), settings.k, settings.gapThreshold, grouping.keyOf).filter((g) => g.kind === "mirror");
  const leaders = populations.find((p) => p.population === LEADERS);
  const empty = (dimension: string): GroupRow => ({ by: {}, population: LEADERS, dimension, total: true, n: 0, mean: null, sd: null, median: null, min: null, max: null, suppressed: true, why: "empty" });

  // The leaders' item counts pool every leader level: the wordings beside them are those levels' own.
  const leaderRespondents = new Map<string, number>();
  for (const r of respondents) if (model.plans.has(r.level) && grouping.populationOf(r.level) === LEADERS) leaderRespondents.set(r.level, (leaderRespondents.get(r.level) ?? 0) + 1);
  const elements = allElements(q).map((element): ElementView => {
    const own = rows.filter((r) => r.dimension === element.id);
    const room = own.find((r) => r.total && r.population === LEADERS) ?? empty(element.id);
    const levels = own.filter((r) => !r.total && r.n > 0).map((row) => ({ key: row.by.level!, label: grouping.labelOf(row.by.level!, lang), population: row.population, row }));
    const distributions = element.items.flatMap((item): (ItemDistribution & { spread: ItemSpread | null })[] => {
      if (!leaders) return [];
      const i = items.indexOf(item);
      const { total } = itemBreakdown(item, leaders.groups, (key) => counts.counts(key, i), leaders.totalKey, settings.k);
      if (total.valid + (total.counts.at(-1) ?? 0) === 0) return [];
      const shown = !total.decision.hidden;
      return [{
        itemId: item.id, n: total.valid, counts: shown ? total.counts : null, row: undefined, wordings: wordingsBehind(q, item, leaderRespondents, lang),
        suppressed: !shown, why: total.decision.why, spread: shown ? itemSpread(item.id, total.counts, q.scale.min) : null,
      }];
    });
    const ids = new Set(element.items.map((it) => it.id));
    const gaps = [...elementGaps(own, "level", [element.id], settings.gapThreshold), ...mirrorGaps.filter((g) => ids.has(g.dimension))]
      .filter((g) => g.diff !== null)
      .sort((a, b) => Math.abs(b.diff!) - Math.abs(a.diff!));
    return {
      id: element.id,
      label: labelOf(element, lang),
      room,
      levels,
      spread: spreadOf(room, q.scale, settings.spread),
      items: distributions.map(({ spread: _, ...d }) => d),
      // Only from the shown per-statement counts above (see elementDistribution: nothing new is revealed).
      distribution: elementDistribution(distributions.map((d) => ({ counts: d.counts, reverse: element.items.find((it) => it.id === d.itemId)?.reverse === true })), q.scale),
      disagreement: distributions.flatMap((d) => (d.spread && d.spread.sd !== null ? [d.spread] : [])).sort((a, b) => b.sd! - a.sd! || b.range - a.range).slice(0, 3),
      gaps,
      nothingShown: room.suppressed && levels.every((l) => l.row.suppressed) && distributions.every((d) => d.suppressed),
    };
  });
  const byLevel = new Map<string, number>();
  for (const r of respondents) byLevel.set(r.level, (byLevel.get(r.level) ?? 0) + 1);
  const groupSizes = new Map<string, number>();
  for (const r of respondents) groupSizes.set(grouping.keyOf(r.level), (groupSizes.get(grouping.keyOf(r.level)) ?? 0) + 1);
  return {
    k: settings.k,
    participation: q.levels.map((l) => ({ level: l.id, label: labelOf(l, lang), n: byLevel.get(l.id) ?? 0 })),
    respondents: respondents.length,
    allBelowK: [...groupSizes.values()].every((n) => n < settings.k),
    elements,
  };
}
