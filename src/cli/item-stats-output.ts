import { CsvTable, type Dialect, type StagedOutput } from "../adapters/csv/table-writer.ts";
import { hiddenReason } from "../core/disclosure/disclosure-text.ts";
import type { ElementStat, ItemStat } from "../core/scoring/item-stats.ts";
import type { Questionnaire } from "../core/questionnaire/questionnaire.ts";
import type { LevelGrouping } from "../core/scoring/level-groups.ts";
import type { Lang } from "../core/text.ts";
import type { Provenance } from "./provenance.ts";

/**
 * `--item-stats --by COLS`: respondents grouped by their --by values within their population (mirror
 * respondents never mixed with leaders, SPEC §4 rule 6), in the order first met — the same breakdown
 * as the report's item rows, so the two hide the same cells.
 */
export class ItemGroups {
  private readonly keys = new Map<string, { population: string; values: string[] }>();
  readonly order: string[] = [];

  constructor(
    readonly columns: string[],
    private readonly grouping: LevelGrouping,
  ) {}

  key(level: string, values: readonly string[]): string {
    const population = this.grouping.populationOf(level);
    const key = `${population}\u0001${values.join("\u0002")}`;
    if (!this.keys.has(key)) {
      this.keys.set(key, { population, values: [...values] });
      this.order.push(key);
    }
    return key;
  }

  /** The --by values of a group key; empty on a population's total row. */
  values(key: string): string[] {
    return this.keys.get(key)?.values ?? this.columns.map(() => "");
  }
}

/**
 * Item statistics as JSON (SPEC shape) or as one CSV table: item rows first (each item's level
 * groups, then its total), then one row per element and level with k and alpha (item_id empty
 * there), so both filter well in a spreadsheet.
 */
export function writeItemStats(
  q: Questionnaire,
  stats: { items: ItemStat[]; elements: ElementStat[] },
  output: StagedOutput,
  dialect: Dialect,
  format: string,
  lang: Lang,
  provenance?: Provenance,
  by?: ItemGroups,
): void {
  const k = q.anonymity.min_group_size;
  // With --by, an item row's "level" holds the group key: shown as the --by columns instead, the level cell left empty.
  const byCells = (s: { level: string }) => (by ? by.values(s.level) : []);
  const levelOf = (s: { level: string }) => (by ? "" : s.level);
  if (format === "json") {
    const items = stats.items.map(({ why, ...s }) => ({
      ...s, level: levelOf(s), ...(by ? { by: Object.fromEntries(by.columns.map((c, i) => [c, byCells(s)[i]!])) } : {}), reason: why ? hiddenReason(why, k)[lang] : null,
    }));
    output.write(`${JSON.stringify({ questionnaire: { id: q.id, version: q.version }, items, elements: stats.elements, provenance }, null, 2)}\n`);
    return;
  }
  const values: string[] = [];
  for (let v = q.scale.min; v <= q.scale.max; v++) values.push(String(v));
  const elementOf = new Map(q.areas.flatMap((a) => a.elements.flatMap((e) => e.items.map((i) => [i.id, e.id] as const))));
  const table = new CsvTable(output, dialect);
  table.row([...(by?.columns ?? []), "population", "level", "element", "item_id", "reverse", "n", "mean", "sd", "top2", "ved_ikke", ...values.map((v) => `count_${v}`), "k", "alpha", "suppressed", "total"]);
  for (const s of stats.items) {
    table.row([
      ...byCells(s).map((v) => table.text(v)), s.population, table.text(levelOf(s)), elementOf.get(s.item_id)!, s.item_id, String(s.reverse), String(s.n), table.number(s.mean), table.number(s.sd), table.number(s.top2),
      s.ved_ikke === null ? "" : String(s.ved_ikke), ...values.map((v) => (s.counts ? String(s.counts[v] ?? 0) : "")), "", "", String(s.suppressed), String(s.total),
    ]);
  }
  for (const e of stats.elements) {
    table.row([...(by?.columns.map(() => "") ?? []), e.population, e.level, e.element, "", "", String(e.n_complete), "", "", "", "", ...values.map(() => ""), String(e.k), table.number(e.alpha === null ? null : e.alpha), String(e.suppressed), "false"]);
  }
}
