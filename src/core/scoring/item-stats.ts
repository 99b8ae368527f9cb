import { discloseAnswers, type Why } from "../disclosure/disclosure.ts";
import type { LevelGrouping } from "./level-groups.ts";
import { elementItems, LEADERS, presentedTo } from "../questionnaire/levels.ts";
import type { Questionnaire } from "../questionnaire/questionnaire.ts";
import type { ScoringModel } from "./scoring.ts";
import { AlphaAccumulator } from "./stats.ts";

/** How an item cell was answered: a scale value, "ved ikke", or nothing. */
export const AnswerKind = { Empty: 0, Value: 1, DontKnow: 2 } as const;

export type ItemStat = {
  population: string;
  /** The level (or merged levels) — empty on the population's total row. */
  level: string;
  item_id: string;
  /** Reverse-keyed: mean, sd, counts and top2 are on the raw answers as given, not turned (SPEC §4). */
  reverse: boolean;
  n: number;
  mean: number | null;
  sd: number | null;
  counts: Record<string, number> | null;
  ved_ikke: number | null;
  /** Share of valid answers in the two highest scale values ("I høj grad" + "I meget høj grad"). */
  top2: number | null;
  suppressed: boolean;
  why: Why | undefined;
  total: boolean;
};

export type ElementStat = { population: string; level: string; element: string; k: number; n_complete: number; alpha: number | null; suppressed: boolean };

type GroupCounts = { population: string; levels: Set<string>; counts: Float64Array };
type LevelElements = { element: string; members: number[]; reverse: boolean[]; alpha: AlphaAccumulator }[];

/** Per item and level group: answer distribution; per element and level: Cronbach's alpha over complete cases. */
export class ItemStatistics {
  private readonly groups = new Map<string, GroupCounts>();
  private readonly elements = new Map<string, LevelElements>();
  private readonly scratch: Float64Array;
  private readonly width: number;

  constructor(
    private readonly q: Questionnaire,
    private readonly model: ScoringModel,
    private readonly grouping: LevelGrouping,
  ) {
    this.width = q.scale.max - q.scale.min + 2;
    const index = new Map(model.itemIds.map((id, i) => [id, i]));
    let widest = 0;
    for (const level of q.levels) {
      this.elements.set(level.id, q.areas.flatMap((area) => area.elements).flatMap((element) => {
        const members = elementItems(element, level.id);
        widest = Math.max(widest, members.length);
        return members.length === 0 ? [] : [{
          element: element.id,
          members: members.map((item) => index.get(item.id)!),
          reverse: members.map((item) => item.reverse),
          alpha: new AlphaAccumulator(members.length),
        }];
      }));
    }
    this.scratch = new Float64Array(widest);
  }

  /** `key` groups the item counts: the level group by default; `score --item-stats --by` passes population and --by values. */
  add(level: string, values: ArrayLike<number>, kinds: ArrayLike<number>, key = this.grouping.keyOf(level)): void {
    let group = this.groups.get(key);
    if (!group) {
      group = { population: this.grouping.populationOf(level), levels: new Set(), counts: new Float64Array(this.model.itemIds.length * this.width) };
      this.groups.set(key, group);
    }
    group.levels.add(level);
    const { min, max } = this.q.scale;
    for (let i = 0; i < this.model.itemIds.length; i++) {
      if (kinds[i] === AnswerKind.Value) group.counts[i * this.width + values[i]! - min]!++;
      else if (kinds[i] === AnswerKind.DontKnow) group.counts[i * this.width + this.width - 1]!++;
    }
    for (const element of this.elements.get(level)!) {
      let complete = true;
      for (let j = 0; j < element.members.length && complete; j++) {
        const v = values[element.members[j]!]!;
        if (kinds[element.members[j]!] !== AnswerKind.Value) complete = false;
        else this.scratch[j] = element.reverse[j] ? min + max - v : v;
      }
      if (complete) element.alpha.add(this.scratch);
    }
  }

  /** Every item's breakdown over the groups of each population (level groups unless `order` names others), with its total, through the disclosure engine. */
  result(k: number, order: readonly string[] = this.grouping.order): { items: ItemStat[]; elements: ElementStat[] } {
    const items: ItemStat[] = [];
    const populations = [...new Set([...this.groups.values()].map((g) => g.population))];
    for (const population of populations.sort((a, b) => (a === LEADERS ? -1 : b === LEADERS ? 1 : 0))) {
      const keys = order.filter((key) => this.groups.get(key)?.population === population);
      this.model.itemIds.forEach((itemId, i) => {
        const item = this.q.areas.flatMap((a) => a.elements.flatMap((e) => e.items)).find((it) => it.id === itemId)!;
        const asked = keys.filter((key) => [...this.groups.get(key)!.levels].some((level) => presentedTo(item, level)));
        if (asked.length === 0) return;
        const counts = asked.map((key) => [...this.groups.get(key)!.counts.subarray(i * this.width, (i + 1) * this.width)]);
        const total = counts.reduce((sum, c) => sum.map((v, j) => v + c[j]!), new Array<number>(this.width).fill(0));
        const valid = counts.map((c) => c.slice(0, -1).reduce((a, b) => a + b, 0));
        const decided = discloseAnswers(asked.map((key) => [key]), valid, counts.map((c) => c.reduce((a, b) => a + b, 0)), k);
        asked.forEach((key, g) => items.push(this.stat(population, key, itemId, counts[g]!, decided.groups[g]!, false, item.reverse)));
        items.push(this.stat(population, "", itemId, total, decided.total, true, item.reverse));
      });
    }
    const elements: ElementStat[] = [];
    for (const level of this.q.levels) {
      for (const element of this.elements.get(level.id)!) {
        // Alpha is no sum, so it cannot be combined with other figures; it needs only its own k.
        const suppressed = element.alpha.n < k;
        elements.push({ population: this.grouping.populationOf(level.id), level: level.id, element: element.element, k: element.alpha.k, n_complete: element.alpha.n, alpha: suppressed ? null : element.alpha.alpha(), suppressed });
      }
    }
    return { items, elements };
  }

  private stat(population: string, level: string, itemId: string, counts: number[], decision: { hidden: boolean; why: Why | undefined }, total: boolean, reverse: boolean): ItemStat {
    const { min, max } = this.q.scale;
    const valid = counts.slice(0, -1);
    let n = 0;
    let sum = 0;
    let top = 0;
    valid.forEach((c, offset) => {
      n += c;
      sum += c * (min + offset);
      if (min + offset >= max - 1) top += c;
    });
    const mean = n > 0 ? sum / n : null;
    let squares = 0;
    valid.forEach((c, offset) => (squares += mean === null ? 0 : c * (min + offset - mean) ** 2));
    const hidden = decision.hidden;
    return {
      population, level, item_id: itemId, reverse, n,
      mean: hidden ? null : mean,
      sd: hidden || n < 2 ? null : Math.sqrt(squares / (n - 1)),
      counts: hidden ? null : Object.fromEntries(valid.map((c, offset) => [String(min + offset), c])),
      ved_ikke: hidden ? null : counts.at(-1)!,
      top2: hidden || n === 0 ? null : top / n,
      suppressed: hidden, why: hidden ? decision.why : undefined, total,
    };
  }
}
