import { z } from "zod";
import { discloseGroups } from "../disclosure/disclosure.ts";
import { itemBreakdown } from "../disclosure/item-breakdown.ts";
import { safeAgainst, type PublishedCell } from "../disclosure/over-time.ts";
import { allItems } from "../questionnaire/levels.ts";
import type { Questionnaire } from "../questionnaire/questionnaire.ts";
import { AnswerKind } from "../scoring/item-stats.ts";
import { levelGrouping } from "../scoring/level-groups.ts";
import { compileScoring, scoreValues } from "../scoring/scoring.ts";
import type { RoomRespondent, RoomSettings } from "./room.ts";
import type { RoomPublication } from "./room-state.ts";

export type { RoomPublication } from "./room-state.ts";

/**
 * Rule 5 over time for the workshop (SPEC §6.1). Everything the workshop shows — the facilitator's
 * pages, the screen, `status`, `export`, the report — rests on a *snapshot*: the exact set of answers
 * its figures are computed from. `visninger.json` keeps every snapshot published, in order. A scope is
 * "svar" (besvarelser.csv) or "runde:<element>:<round>" (a re-vote). The newest snapshot of a scope is
 * what every output shows (the figures are frozen); a newer one is published only when
 * `decideRoomPublication` finds it safe against every earlier snapshot of the scope.
 *
 * API for the pages (and the screen to come): `decideRoomPublication(record, scope, current, cellsOf, k)`
 * → `{ kind: "first" | "same" | "refresh" | "frozen", respondents, waiting }`; the caller records
 * "first" and "refresh" and renders the room from `respondents` only (`publicationNotice` says it in words).
 */
export const Snapshot = z.strictObject({
  scope: z.string().min(1),
  /** The workshop's date only: the record must not say when anyone answered. */
  date: z.string(),
  respondents: z.array(z.string()),
});
export type Snapshot = z.infer<typeof Snapshot>;
export const PublicationRecord = z.strictObject({
  snapshots: z.array(Snapshot).default([]),
  /** The per-level participation counts last shown (they move in steps of k answers, so they never say who just answered). */
  participation: z.strictObject({ total: z.int().min(0), levels: z.record(z.string(), z.int().min(0)) }).optional(),
});
export type PublicationRecord = z.infer<typeof PublicationRecord>;
export const EMPTY_RECORD: PublicationRecord = { snapshots: [] };
export const ANSWERS_SCOPE = "svar";
export const roundScope = (element: string, round: number): string => (round < 2 ? ANSWERS_SCOPE : `runde:${element}:${round}`);

/**
 * Every cell any workshop output may publish over `respondents`, as the disclosure engine decides it:
 * per population, each dimension's level groups and total, and each item's groups and total (its valid
 * answers and its answers with "ved ikke"). A superset of what one page shows, so the check is on the safe side.
 */
export function snapshotCells(q: Questionnaire, settings: RoomSettings, respondents: readonly RoomRespondent[], scope: string): PublishedCell[] {
  const model = compileScoring(q);
  const grouping = levelGrouping(q, settings.merges);
  const items = allItems(q);
  const scores = new Float64Array(model.dimensions.length);
  // population → group key → per dimension the members with a score, per item the valid and answered members
  const groups = new Map<string, Map<string, { levels: Set<string>; dims: string[][]; valid: string[][]; answered: string[][] }>>();
  respondents.forEach((r, index) => {
    const plan = model.plans.get(r.level);
    if (!plan) return;
    const id = r.id ?? `#${index}`;
    scoreValues(model, plan, r.values, scores);
    const population = grouping.populationOf(r.level);
    const byKey = groups.get(population) ?? groups.set(population, new Map()).get(population)!;
    const key = grouping.keyOf(r.level);
    const g = byKey.get(key) ?? byKey.set(key, { levels: new Set(), dims: model.dimensions.map(() => []), valid: items.map(() => []), answered: items.map(() => []) }).get(key)!;
    g.levels.add(r.level);
    scores.forEach((s, d) => (Number.isNaN(s) ? undefined : g.dims[d]!.push(id)));
    items.forEach((_, i) => {
      if (r.kinds[i] === AnswerKind.Value) g.valid[i]!.push(id);
      if (r.kinds[i] === AnswerKind.Value || r.kinds[i] === AnswerKind.DontKnow) g.answered[i]!.push(id);
    });
  });
  const cells: PublishedCell[] = [];
  const rank = (key: string) => grouping.order.indexOf(key);
  for (const [population, byKey] of groups) {
    const keys = [...byKey.keys()].sort((a, b) => rank(a) - rank(b));
    model.dimensions.forEach((dimension, d) => {
      const members = keys.map((key) => byKey.get(key)!.dims[d]!);
      const decided = discloseGroups(members.map((m) => m.length), settings.k);
      const quantity = `${scope}:dim:${dimension}`;
      decided.groups.forEach((decision, i) => (decision.hidden ? undefined : cells.push({ quantity, key: `${population}|${keys[i]!}`, members: members[i]! })));
      if (!decided.total.hidden) cells.push({ quantity, key: `${population}|`, members: members.flat() });
    });
    items.forEach((item, i) => {
      const of = (key: string, which: "valid" | "answered") => byKey.get(key)![which][i]!;
      // itemBreakdown wants counts: valid answers first, then the "ved ikke" answers last.
      const countsOf = (key: string) => (key === "" ? [keys.flatMap((x) => of(x, "valid")).length, keys.flatMap((x) => of(x, "answered")).length - keys.flatMap((x) => of(x, "valid")).length] : [of(key, "valid").length, of(key, "answered").length - of(key, "valid").length]);
      const { cells: asked, total } = itemBreakdown(item, keys.map((key) => ({ key, values: [key], levels: [...byKey.get(key)!.levels] })), countsOf, "", settings.k);
      const askedKeys = asked.map((c) => c.key);
      for (const cell of [...asked, total]) {
        if (cell.decision.hidden) continue;
        const from = cell.key === "" ? askedKeys : [cell.key];
        cells.push({ quantity: `${scope}:item:${item.id}`, key: `${population}|${cell.key}`, members: from.flatMap((x) => of(x, "valid")) });
        cells.push({ quantity: `${scope}:item:${item.id}:answered`, key: `${population}|${cell.key}`, members: from.flatMap((x) => of(x, "answered")) });
      }
    });
  }
  return cells;
}

const sameSet = (a: readonly string[], b: ReadonlySet<string>) => a.length === b.size && a.every((x) => b.has(x));

/**
 * The room's decision for one scope: publish the current answers (the first time, or a refresh the
 * engine finds safe against every earlier snapshot of the scope), or keep showing the last snapshot.
 */
export function decideRoomPublication(
  record: PublicationRecord,
  scope: string,
  current: readonly string[],
  cellsOf: (respondents: readonly string[]) => PublishedCell[],
  k: number,
): RoomPublication {
  const earlier = record.snapshots.filter((s) => s.scope === scope);
  const latest = earlier.at(-1);
  const sorted = [...current].sort();
  if (!latest) return { kind: "first", respondents: sorted, waiting: 0, published: 1 };
  const shown = new Set(latest.respondents);
  if (sameSet(sorted, shown)) return { kind: "same", respondents: latest.respondents, waiting: 0, published: earlier.length };
  const verdict = safeAgainst(earlier.flatMap((s) => cellsOf(s.respondents)), cellsOf(sorted), k);
  if (verdict.safe) return { kind: "refresh", respondents: sorted, waiting: 0, published: earlier.length + 1 };
  return { kind: "frozen", respondents: latest.respondents, waiting: sorted.filter((x) => !shown.has(x)).length, published: earlier.length };
}

/** The record after a decision: "first" and "refresh" are appended, anything else leaves it as it was. */
export function recordPublication(record: PublicationRecord, scope: string, decision: RoomPublication, date: string): PublicationRecord {
  if (decision.kind !== "first" && decision.kind !== "refresh") return record;
  return { ...record, snapshots: [...record.snapshots, { scope, date, respondents: decision.respondents }] };
}

/**
 * Participation per level as the room may see it: the counts move only when at least k more have
 * answered since they last moved (or everyone expected has answered), so a change never says which
 * level the latest answer came from. The total is always current.
 */
export function participationShown(record: PublicationRecord, current: Readonly<Record<string, number>>, k: number, expected?: number): { levels: Record<string, number>; total: number; shownTotal: number; next: PublicationRecord } {
  const total = Object.values(current).reduce((a, b) => a + b, 0);
  const last = record.participation ?? { total: 0, levels: {} };
  const move = total - last.total >= k || (expected !== undefined && total >= expected && total !== last.total);
  const shown = move ? { total, levels: { ...current } } : last;
  return { levels: shown.levels, total, shownTotal: shown.total, next: move ? { ...record, participation: shown } : record };
}
