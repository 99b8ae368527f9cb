import { LEADERS } from "../questionnaire/levels.ts";
import { TOTAL_KEY, type ReportElement } from "./report.ts";
import { wordingFor } from "./report-summary.ts";
import { itemScore, type ReportView } from "./report-view.ts";

/** A statement's headline figure on an element page: its score (turned when reverse-keyed), whose it is, and n. */
export type Highlight = { id: string; text: string; group: string; score: number; n: number; reverse: boolean };

/**
 * The element page's strongest and weakest statements, from figures the report shows: each item's
 * leaders' total where it is drawn, otherwise the one shown leaders' group it is put to (then the
 * total would only repeat it). Ranked on the favourable scale, so a reverse-worded statement never
 * counts as strong for the agreement it measures.
 */
export function highlights(view: ReportView, element: ReportElement, each = 2): { strongest: Highlight[]; weakest: Highlight[] } {
  const found: Highlight[] = [];
  for (const item of element.items) {
    const leaders = item.distributions.filter((d) => d.population === LEADERS);
    const total = leaders.find((d) => d.group === TOTAL_KEY);
    const groups = leaders.filter((d) => d.group !== TOTAL_KEY);
    const d = total ?? (groups.length === 1 ? groups[0] : undefined);
    if (!d || d.suppressed || d.mean === null) continue;
    const score = itemScore(d.mean, item.reverse, view.scale)!;
    found.push({ id: item.id, text: wordingFor(view, item, d.label), group: d.label, score, n: d.n, reverse: item.reverse });
  }
  const sorted = [...found].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  if (sorted.length < 2) return { strongest: [], weakest: [] };
  const take = Math.min(each, Math.floor(sorted.length / 2));
  return { strongest: sorted.slice(0, take), weakest: sorted.slice(-take).reverse() };
}
