import { LEADERS } from "../questionnaire/levels.ts";
import type { Difference, ReportItem } from "./report-types.ts";

/**
 * The items whose means differ most between shown groups of one population (totals excluded),
 * largest first; "high" is the more favourable answer, so a reverse-keyed item is turned.
 */
export function differences(items: ReportItem[]): Difference[] {
  const found: Difference[] = [];
  for (const item of items) {
    const shown = item.distributions.filter((d) => d.population === LEADERS && !d.group.startsWith("\u0000total") && !d.suppressed && d.mean !== null);
    if (shown.length < 2) continue;
    const sign = item.reverse ? -1 : 1;
    const high = shown.reduce((a, b) => (sign * b.mean! > sign * a.mean! ? b : a));
    const low = shown.reduce((a, b) => (sign * b.mean! < sign * a.mean! ? b : a));
    const diff = sign * (high.mean! - low.mean!);
    if (diff <= 0) continue;
    found.push({ itemId: item.id, text: item.text, high: { label: high.label, mean: high.mean! }, low: { label: low.label, mean: low.mean! }, diff });
  }
  return found.sort((a, b) => b.diff - a.diff).slice(0, 3);
}
