import { citeSource } from "../questionnaire/citation.ts";
import { DEFAULT_THRESHOLD } from "../scoring/gaps.ts";
import { bandFor, itemText, labelOf, LEADERS, populationOf, presentedTo } from "../questionnaire/levels.ts";
import type { Questionnaire } from "../questionnaire/questionnaire.ts";
import { totalKey, type Report, type ReportGroup, type ReportItem } from "./report.ts";
import type { Lang } from "../text.ts";

/**
 * What the renderer needs beyond the report model, derived from the questionnaire and the model's
 * already-anonymised figures only: per-level wordings, item scores on 0-100, the band of the
 * *rounded* score, the cover's facts. Never reads raw responses.
 */
/** Comments of one element, grouped by the (shown) group that wrote them. */
export type CommentGroup = { label: string; texts: string[] };
export type ElementComments = { id: string; label: string; groups: CommentGroup[] };

export type Wording = { levels: string[]; text: string };
export type Band = { min: number; label: string };
export type Dot = { label: string; score: number };
export type ReportView = {
  title: string;
  subtitle: string;
  responses: number | null;
  period: { first: string; last: string } | null;
  bands: Band[];
  /** Wordings per item id: one entry when every level saw the same text. */
  wordings: Record<string, Wording[]>;
  /** The scale's lowest value and span, to put item means on 0-100. */
  scale: { min: number; span: number };
  threshold: number;
  /** Each mirror level's population (its id) and its label, to tell its groups from the leaders'. */
  populations: Record<string, string>;
  /** Mirror levels beside the level they rate, on the paired items. */
  mirror: MirrorPair[];
  /**
   * Source references as readers' citations ("Socialstyrelsen 2014, Delrapport 1, afsnit 3.4.4"), keyed by
   * the raw `source` string; only where the questionnaire has a `sources` map and every reference resolves.
   */
  citations: Record<string, string>;
  /** Per item, the populations (ledere, or a mirror level's id) it is put to: other populations' rows are empty by design. */
  askedBy: Record<string, string[]>;
  /** The same per element, area and "total": a population none of whose items fall in it has nothing there. */
  dimensionAskedBy: Record<string, string[]>;
  /** Free-text comments, only with `report --comments` (see report-comments.ts). */
  comments?: ElementComments[];
  /** With `--comments`: comments were written but none could be shown, as no group that wrote them is shown. */
  commentsWithheld?: boolean;
};

export { DEFAULT_THRESHOLD } from "../scoring/gaps.ts";

export type ViewInput = { title?: string | undefined; submitted: { first: string; last: string } | null; threshold?: number; responses?: number };

export function buildReportView(q: Questionnaire, report: Report, input: ViewInput): ReportView {
  const lang = report.lang;
  const levelIds = report.byColumns.includes("level") ? q.levels.map((l) => l.id) : [];
  const wordings: Record<string, Wording[]> = {};
  for (const item of q.areas.flatMap((a) => a.elements.flatMap((e) => e.items))) {
    wordings[item.id] = wordingsOf(q, item, levelIds, lang);
  }
  const threshold = input.threshold ?? DEFAULT_THRESHOLD;
  const scale = { min: q.scale.min, span: q.scale.max - q.scale.min };
  const responses = responsesShown(report, input.responses);
  return {
    title: input.title?.trim() || report.title,
    subtitle: input.title?.trim() ? report.title : "",
    responses,
    // Submission dates of a small data set point at people: printed only beside a shown total.
    period: responses !== null ? input.submitted : null,
    bands: q.bands.map((b) => ({ min: b.min, label: labelOf(b, lang) })),
    wordings,
    scale,
    threshold,
    populations: Object.fromEntries(q.levels.filter((l) => l.rates !== undefined).map((l) => [l.id, labelOf(l, lang)])),
    mirror: mirrorPairs(q, report, { scale, threshold }),
    citations: citations(q, report, lang),
    dimensionAskedBy: dimensionPopulations(q),
    askedBy: Object.fromEntries(q.areas.flatMap((a) => a.elements.flatMap((e) => e.items)).map((item) => [item.id, [...new Set(q.levels.filter((l) => presentedTo(item, l.id)).map((l) => populationOf(q, l.id)))]])),
  };
}

function wordingsOf(q: Questionnaire, item: Questionnaire["areas"][number]["elements"][number]["items"][number], levelIds: string[], lang: Lang): Wording[] {
  const asked = levelIds.filter((l) => presentedTo(item, l));
  if (asked.length === 0) return [{ levels: [], text: itemText(item, undefined, lang) }];
  const out: Wording[] = [];
  for (const level of asked) {
    const text = itemText(item, level, lang);
    const label = labelOf(q.levels.find((l) => l.id === level)!, lang);
    const same = out.find((w) => w.text === text);
    if (same) same.levels.push(label);
    else out.push({ levels: [label], text });
  }
  return out.length === 1 ? [{ levels: [], text: out[0]!.text }] : out;
}

function dimensionPopulations(q: Questionnaire): Record<string, string[]> {
  const of = (items: Questionnaire["areas"][number]["elements"][number]["items"]) => [...new Set(items.flatMap((item) => q.levels.filter((l) => presentedTo(item, l.id)).map((l) => populationOf(q, l.id))))];
  const out: Record<string, string[]> = { total: of(q.areas.flatMap((a) => a.elements.flatMap((e) => e.items))) };
  for (const area of q.areas) {
    out[area.id] = of(area.elements.flatMap((e) => e.items));
    for (const element of area.elements) out[element.id] = of(element.items);
  }
  return out;
}

/** A line reference ("000:932-936") means nothing to a reader: without a `sources` map, nothing is cited. */
function citations(q: Questionnaire, report: Report, lang: Lang): Record<string, string> {
  if (!q.sources) return {};
  const raw = report.elements.flatMap((e) => [e.source ?? "", ...e.advice.map((a) => a.source)]).filter((x) => x !== "");
  const out: Record<string, string> = {};
  for (const source of raw) {
    const cited = citeSource(q.sources, source, lang);
    if (!/\b\d{3}:\d/.test(cited)) out[source] = cited;
  }
  return out;
}

/**
 * Every response read (leaders and mirror levels alike) — but only when every population's total is
 * shown; otherwise the count minus the shown totals would give a hidden one, so the leaders' total.
 */
function responsesShown(report: Report, all: number | undefined): number | null {
  const totals = Object.keys(report.cells ?? {}).filter((key) => key.startsWith(totalKey("")));
  const allShown = totals.every((key) => report.cells[key]?.total?.suppressed === false);
  if (all !== undefined && allShown && all >= report.minGroupSize) return all;
  return report.total.suppressed ? null : report.total.respondents;
}

/** The score as printed (a whole number) and the band of that printed number, so the two never disagree. */
export function shownScore(score: number | null, bands: readonly Band[]): { text: string; band: string | null; index: number } {
  if (score === null) return { text: "–", band: null, index: -1 };
  const rounded = Math.round(score);
  const band = bandFor(rounded, bands);
  return { text: String(rounded), band: band?.label ?? null, index: band ? bands.indexOf(band) : -1 };
}

/** An item's mean on 1-5 (say) as a score on 0-100, turned for reverse-keyed items like every score. */
export function itemScore(mean: number | null, reverse: boolean, scale: { min: number; span: number }): number | null {
  if (mean === null) return null;
  const s = ((mean - scale.min) / scale.span) * 100;
  return reverse ? 100 - s : s;
}

/**
 * Percent shares of each valid answer (the last count is "ved ikke", kept apart). For a reverse-keyed
 * item the answers are turned first (`reverse`), so the shares run from the least to the most
 * favourable answer and `topTwo` is the favourable share — as the item's score is turned.
 */
export function shares(counts: readonly number[], reverse = false): { valid: number[]; dontKnow: number; topTwo: number; n: number } {
  const raw = counts.slice(0, -1);
  const valid = reverse ? [...raw].reverse() : raw;
  const n = valid.reduce((a, b) => a + b, 0);
  const all = n + counts.at(-1)!;
  const pct = (c: number, of: number) => (of === 0 ? 0 : (100 * c) / of);
  return {
    valid: valid.map((c) => pct(c, n)),
    dontKnow: pct(counts.at(-1)!, all),
    topTwo: pct(valid.slice(-2).reduce((a, b) => a + b, 0), n),
    n,
  };
}

/** A group's name as printed: a mirror level's group says whose view it is unless the level is already in the name. */
export function groupName(report: Report, view: ReportView, g: Pick<ReportGroup, "label" | "population">): string {
  if (g.population === LEADERS || report.byColumns.includes("level") || g.label.startsWith(report.labels.all)) return g.label;
  return `${view.populations[g.population] ?? g.population}: ${g.label}`;
}

/** A mirror pair: the rated level's own answer to an item beside its employees' answer to the paired item. */
/** `text` is the rated level's own wording; `othersText` the mirror level's wording of the paired item. */
export type MirrorPair = { itemId: string; text: string; othersText: string; self: Dot; others: Dot; diff: number; flagged: boolean };

/**
 * From the report's item distributions (already decided by the disclosure engine): for each mirror
 * item, the rated level's item score and the mirror level's, where both are shown.
 */
function mirrorPairs(q: Questionnaire, report: Report, view: Pick<ReportView, "scale" | "threshold">): MirrorPair[] {
  if (!report.byColumns.includes("level") || report.byColumns.length !== 1 || !q.levels.some((l) => l.rates !== undefined)) return [];
  const items = new Map(report.elements.flatMap((e) => e.items).map((i) => [i.id, i]));
  const out: MirrorPair[] = [];
  for (const level of q.levels.filter((l) => l.rates !== undefined)) {
    for (const item of q.areas.flatMap((a) => a.elements.flatMap((e) => e.items)).filter((i) => i.mirror_of !== undefined && (i.levels?.includes(level.id) ?? true))) {
      const self = dot(items.get(item.mirror_of!), report, level.rates!, view);
      const others = dot(items.get(item.id), report, level.id, view);
      if (!self || !others) continue;
      const diff = self.score - others.score;
      const rated = q.areas.flatMap((a) => a.elements.flatMap((e) => e.items)).find((i) => i.id === item.mirror_of)!;
      out.push({ itemId: item.mirror_of!, text: itemText(rated, level.rates!, report.lang), othersText: itemText(item, level.id, report.lang), self, others, diff, flagged: Math.abs(diff) >= view.threshold - 1e-9 });
    }
  }
  return out.sort((a, b) => Math.abs(b.diff) - Math.abs(a.diff));
}

function dot(item: ReportItem | undefined, report: Report, level: string, view: Pick<ReportView, "scale">): Dot | null {
  if (!item) return null;
  const group = report.groups.find((g) => g.by.level === level);
  const d = group && item.distributions.find((x) => x.group === group.key);
  if (!d || d.suppressed || d.mean === null) return null;
  return { label: group!.label, score: itemScore(d.mean, item.reverse, view.scale)! };
}
