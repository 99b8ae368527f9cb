import { elementItems } from "./levels.ts";
import type { Questionnaire } from "./questionnaire.ts";
import type { ScoringModel } from "./scoring.ts";
import { AlphaAccumulator } from "./stats.ts";

/** How an item cell was answered: a scale value, "ved ikke", or nothing. */
export const AnswerKind = { Empty: 0, Value: 1, DontKnow: 2 } as const;

export type ItemStat = {
  level: string;
  item_id: string;
  n: number;
  mean: number | null;
  sd: number | null;
  counts: Record<string, number> | null;
  ved_ikke: number | null;
  /** Share of valid answers in the two highest scale values ("I høj grad" + "I meget høj grad"). */
  top2: number | null;
  suppressed: boolean;
};

export type ElementStat = { level: string; element: string; k: number; n_complete: number; alpha: number | null; suppressed: boolean };

type LevelItems = { itemIndex: number[]; counts: Float64Array[]; dontKnow: Float64Array };
type LevelElements = { element: string; members: number[]; reverse: boolean[]; alpha: AlphaAccumulator }[];

/** Per item and level: answer distribution; per element and level: Cronbach's alpha over complete cases. */
export class ItemStatistics {
  private readonly items = new Map<string, LevelItems>();
  private readonly elements = new Map<string, LevelElements>();
  private readonly scratch: Float64Array;

  constructor(
    private readonly q: Questionnaire,
    private readonly model: ScoringModel,
  ) {
    const span = q.scale.max - q.scale.min + 1;
    const index = new Map(model.itemIds.map((id, i) => [id, i]));
    let widest = 0;
    for (const level of q.levels) {
      const presented = model.itemIds.flatMap((id, i) => (this.presented(level.id, id) ? [i] : []));
      this.items.set(level.id, { itemIndex: presented, counts: presented.map(() => new Float64Array(span)), dontKnow: new Float64Array(presented.length) });
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

  private presented(level: string, itemId: string): boolean {
    const plan = this.model.plans.get(level)!;
    const i = this.model.itemIds.indexOf(itemId);
    return plan.elements.some((element) => element?.members.includes(i));
  }

  add(level: string, values: ArrayLike<number>, kinds: ArrayLike<number>): void {
    const items = this.items.get(level)!;
    const { min, max } = this.q.scale;
    for (let j = 0; j < items.itemIndex.length; j++) {
      const i = items.itemIndex[j]!;
      if (kinds[i] === AnswerKind.Value) items.counts[j]![values[i]! - min]!++;
      else if (kinds[i] === AnswerKind.DontKnow) items.dontKnow[j]!++;
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

  result(minGroupSize: number): { items: ItemStat[]; elements: ElementStat[] } {
    const { min, max } = this.q.scale;
    const items: ItemStat[] = [];
    const elements: ElementStat[] = [];
    for (const level of this.q.levels) {
      const stats = this.items.get(level.id)!;
      stats.itemIndex.forEach((i, j) => {
        const counts = stats.counts[j]!;
        let n = 0;
        let sum = 0;
        let top = 0;
        counts.forEach((c, offset) => {
          n += c;
          sum += c * (min + offset);
          if (min + offset >= max - 1) top += c;
        });
        const mean = n > 0 ? sum / n : null;
        let squares = 0;
        counts.forEach((c, offset) => (squares += mean === null ? 0 : c * (min + offset - mean) ** 2));
        const suppressed = n < minGroupSize;
        items.push({
          level: level.id,
          item_id: this.model.itemIds[i]!,
          n,
          mean: suppressed ? null : mean,
          sd: suppressed || n < 2 ? null : Math.sqrt(squares / (n - 1)),
          counts: suppressed ? null : Object.fromEntries([...counts].map((c, offset) => [String(min + offset), c])),
          ved_ikke: suppressed ? null : stats.dontKnow[j]!,
          top2: suppressed || n === 0 ? null : top / n,
          suppressed,
        });
      });
      for (const element of this.elements.get(level.id)!) {
        const suppressed = element.alpha.n < minGroupSize;
        elements.push({ level: level.id, element: element.element, k: element.alpha.k, n_complete: element.alpha.n, alpha: suppressed ? null : element.alpha.alpha(), suppressed });
      }
    }
    return { items, elements };
  }
}
