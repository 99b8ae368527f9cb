import { anonymityRule, hiddenReason } from "../disclosure/disclosure-text.ts";
import { cleanComment } from "../report/report-comments.ts";
import { round2 } from "../scoring/rounding.ts";
import type { GroupRow } from "../scoring/group-summary.ts";
import type { LevelGrouping } from "../scoring/level-groups.ts";
import { allElements, allItems, dontKnowLabel, itemText, labelOf, presentedTo, scaleLabel, titleOf } from "../questionnaire/levels.ts";
import type { Gap } from "../scoring/gaps.ts";
import type { Questionnaire } from "../questionnaire/questionnaire.ts";
import type { Lang } from "../text.ts";
import type { Action, Consensus, ElementConsensus } from "./consensus.ts";
import { toPoints, toScale } from "./room-spread.ts";
import type { ElementView, RoomView } from "./room.ts";
import { wordingsText } from "./wording.ts";

/**
 * A figure as the report prints it: a number on the scale rounded once to tenths (`tenths`, an integer:
 * 41 is 4,1), or the words saying why it is hidden. Every printed mean and every difference between two
 * printed means comes from `tenths`, so a difference always equals the difference of the figures beside it.
 */
export type Figure = { n: number; value: number | null; tenths: number | null; hidden: string | null };
/** One statement's answers in the whole room (leaders), as the engine allows: counts per scale step then "ved ikke". */
export type ReportItem = { id: string; text: string; n: number; counts: number[] | null; hidden: string | null };
export type ReportComments = { label: string; n: number; texts: string[] };
export type ReportRound = { round: number; n: number; mean: number | null; sd: number | null };
export type ReportLevel = { label: string; figure: Figure };
/** A flagged difference; `aHigher` gives its direction (group a's mean above group b's). */
export type ReportGap = { element: string; a: string; b: string; points: number; aHigher: boolean; mirror: boolean; item: string | undefined };
export type ReportElementSection = {
  id: string;
  label: string;
  room: Figure;
  spread: { range: number; sd: number | null; flagged: boolean } | null;
  levels: ReportLevel[];
  agreed: ElementConsensus | undefined;
  /** The agreed rounds with their figures in tenths (see `roundsOf`). */
  rounds: ReportRound[];
  items: ReportItem[];
  comments: ReportComments[];
  nothingShown: boolean;
};
/** Then and now in tenths; `change` is `now − then` of those very tenths (null where either is not shown). */
export type BaselineLevel = { label: string; then: number; now: number; change: number };
export type BaselineRow = { id: string; label: string; then: Figure | null; now: Figure | null; change: number | null; agreedThen: number | null; agreedNow: number | null; levels: BaselineLevel[] };
export type WorkshopReport = {
  lang: Lang;
  title: string;
  date: string;
  questionnaire: { id: string; version: string; hash: string; title: string };
  k: number;
  /** The scale's labels, lowest first, then "ved ikke" where the questionnaire has it: the charts' legend. */
  scale: { min: number; max: number; labels: string[] };
  participation: { label: string; n: number }[];
  respondents: number;
  allBelowK: boolean;
  elements: ReportElementSection[];
  gaps: ReportGap[];
  plan: (Action & { element: string })[];
  method: string[];
  baseline: { title: string; date: string; rows: BaselineRow[]; plan: (Action & { element: string })[] } | undefined;
};

/**
 * Rounds once, to tenths, halves away from zero (4.05 → 41, 4.047 → 40), after cleaning float noise
 * as round2 does (a 10-decimal string first), never via two decimals.
 */
export function tenths(x: number): number {
  const clean = Number(Math.abs(x).toFixed(10));
  return Math.sign(x) * Math.round(Number(`${clean}e1`)) || 0;
}

const figure = (row: GroupRow, q: Questionnaire, k: number, lang: Lang): Figure => {
  if (row.suppressed || row.mean === null) return { n: row.n, value: null, tenths: null, hidden: hiddenReason(row.why ?? "small", k)[lang] };
  const value = toScale(row.mean, q.scale);
  return { n: row.n, value, tenths: tenths(value), hidden: null };
};

/**
 * konsensus.yaml keeps a round's mean and sd to two decimals; rounding those again to one would print 4,05
 * (really 4,047) as 4,1 beside the room's 4,0. A round that is the room's figure (same n, same two decimals)
 * is therefore printed from the room's exact value; another round from its two decimals.
 */
function roundsOf(agreed: ElementConsensus | undefined, room: GroupRow, q: Questionnaire): ReportRound[] {
  const shown = !room.suppressed && room.mean !== null;
  const mean = shown ? toScale(room.mean!, q.scale) : null;
  const sd = shown && room.sd !== null ? toPoints(room.sd, q.scale) : null;
  return (agreed?.rounds ?? []).map((r) => {
    const same = mean !== null && r.n === room.n && r.mean !== null && round2(mean) === r.mean;
    return {
      round: r.round, n: r.n,
      mean: r.mean === null ? null : tenths(same ? mean : r.mean),
      sd: r.sd === null ? null : tenths(same && sd !== null && round2(sd) === r.sd ? sd : r.sd),
    };
  });
}

/** Free-text comments per level group key (the room's grouping), then per element id; read from besvarelser.csv. */
export type CollectedComments = ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;
export type WorkshopSide = { title: string; date: string; view: RoomView; consensus: Consensus; grouping: LevelGrouping; comments?: CollectedComments };

/** Comments only from level groups the engine shows for this element (not hidden, at least k), sorted, cleaned. */
function commentsOf(e: ElementView, side: WorkshopSide, k: number, lang: Lang): ReportComments[] {
  return e.levels.flatMap((l) => {
    if (l.row.suppressed || l.row.n < k) return [];
    const texts = (side.comments?.get(l.key)?.get(e.id) ?? []).map(cleanComment).filter((x) => x !== "");
    return texts.length === 0 ? [] : [{ label: side.grouping.labelOf(l.key, lang), n: l.row.n, texts: [...texts].sort((a, b) => a.localeCompare(b, lang)) }];
  });
}

/** A mirror difference compares two wordings of one statement: each side's own, labelled with the side (issue 18). */
function mirrorWordings(q: Questionnaire, g: Gap, lang: Lang): string {
  const items = allItems(q);
  const self = items.find((it) => it.id === g.dimension)!;
  const mirror = items.find((it) => it.mirror_of === g.dimension && presentedTo(it, g.population));
  const rated = q.levels.find((l) => l.id === g.population)?.rates;
  const label = (id: string | undefined) => { const level = q.levels.find((l) => l.id === id); return level ? labelOf(level, lang) : (id ?? ""); };
  const sides = [{ label: label(rated), text: itemText(self, rated, lang) }, ...(mirror ? [{ label: label(g.population), text: itemText(mirror, g.population, lang) }] : [])];
  return sides.map((x) => `${x.label}: »${x.text}«`).join("\n");
}

const planOf = (q: Questionnaire, c: Consensus, lang: Lang) =>
  allElements(q).flatMap((e) => (c.elements[e.id]?.actions ?? []).map((a) => ({ ...a, element: labelOf(e, lang) })));

const scaleLabels = (q: Questionnaire, lang: Lang): string[] => {
  const labels: string[] = [];
  for (let v = q.scale.min; v <= q.scale.max; v++) labels.push(scaleLabel(q, v, lang));
  const dontKnow = dontKnowLabel(q, lang);
  return dontKnow === undefined ? labels : [...labels, dontKnow];
};

/** The workshop report's content, every figure taken from the room view (the disclosure engine's cells). */
export function buildWorkshopReport(q: Questionnaire, now: WorkshopSide, lang: Lang, meta: { hash: string; k: number; date: string; spread: { range: number; sd: number } }, before?: WorkshopSide): WorkshopReport {
  const da = lang === "da";
  const { k } = meta;
  const labelOfElement = (id: string) => labelOf(allElements(q).find((e) => e.id === id)!, lang);
  const section = (e: ElementView): ReportElementSection => ({
    id: e.id, label: e.label, room: figure(e.room, q, k, lang), spread: e.spread,
    levels: e.levels.map((l) => ({ label: now.grouping.labelOf(l.key, lang), figure: figure(l.row, q, k, lang) })),
    agreed: now.consensus.elements[e.id], rounds: roundsOf(now.consensus.elements[e.id], e.room, q),
    items: e.items.map((d) => ({
      id: d.itemId, text: wordingsText(d.wordings), n: d.n, counts: d.counts,
      hidden: d.suppressed ? hiddenReason(d.why ?? "small", k)[lang] : null,
    })),
    comments: commentsOf(e, now, k, lang), nothingShown: e.nothingShown,
  });
  const gaps = now.view.elements.flatMap((e) => e.gaps.filter((g) => g.flagged).map((g): ReportGap => ({
    element: labelOfElement(e.id), a: now.grouping.labelOf(g.group_a, lang), b: now.grouping.labelOf(g.group_b, lang),
    points: Math.abs(toPoints(g.diff!, q.scale)), aHigher: g.diff! > 0, mirror: g.kind === "mirror",
    item: g.kind === "mirror" ? mirrorWordings(q, g, lang) : undefined,
  }))).sort((a, b) => b.points - a.points);
  const method = [
    da
      ? `Deltagerne svarede hver for sig på ${titleOf(q, lang)} (${q.id} ${q.version}) på deres eget ledelsesniveau. Et elements score er gennemsnittet af udsagnenes svar på skalaen ${q.scale.min}-${q.scale.max}; "ved ikke" tæller ikke med.`
      : `Participants answered ${titleOf(q, lang)} (${q.id} ${q.version}) individually, at their own level of leadership. An element's score is the mean of its statements' answers on the scale ${q.scale.min}-${q.scale.max}; "don't know" is left out.`,
    da
      ? "Facilitatoren viste ét element ad gangen, først når rummet skulle drøfte det. Rummet så fordelingen af svar, gennemsnittet pr. niveau og spredningen, drøftede forskellene og aftalte en fælles score med begrundelse og handlinger."
      : "The facilitator showed one element at a time, only when the room was to discuss it. The room saw the distribution of answers, the mean per level and the spread, discussed the differences and agreed a shared score with its rationale and actions.",
    `${anonymityRule(k)[lang]} ${da ? "Ingen enkeltpersons svar kan ses eller regnes ud af rapporten." : "No individual's answers can be seen or worked out from the report."}`,
    da
      ? `"Gennemsnit af de individuelle svar" er hele rummets gennemsnit (alle ledere). Stor spredning betyder et spænd på mindst ${meta.spread.range} point eller en standardafvigelse på mindst ${meta.spread.sd} point.`
      : `"Mean of the individual answers" is the whole room's mean (all leaders). A wide spread means a range of at least ${meta.spread.range} points or a standard deviation of at least ${meta.spread.sd} points.`,
  ];
  let baseline: WorkshopReport["baseline"];
  if (before) {
    const rows = allElements(q).map((el): BaselineRow => {
      const a = before.view.elements.find((e) => e.id === el.id);
      const b = now.view.elements.find((e) => e.id === el.id);
      const levels = (b?.levels ?? []).flatMap((l) => {
        const old = a?.levels.find((x) => x.key === l.key);
        // Only where both years show the level's mean: a hidden cell stays hidden in the comparison too.
        if (!old || old.row.suppressed || old.row.mean === null || l.row.suppressed || l.row.mean === null) return [];
        const [t0, t1] = [tenths(toScale(old.row.mean, q.scale)), tenths(toScale(l.row.mean, q.scale))];
        return [{ label: now.grouping.labelOf(l.key, lang), then: t0, now: t1, change: t1 - t0 }];
      });
      const [then, nowFigure] = [a ? figure(a.room, q, k, lang) : null, b ? figure(b.room, q, k, lang) : null];
      return {
        id: el.id, label: labelOf(el, lang), then, now: nowFigure,
        change: then?.tenths != null && nowFigure?.tenths != null ? nowFigure.tenths - then.tenths : null,
        agreedThen: before.consensus.elements[el.id]?.score ?? null, agreedNow: now.consensus.elements[el.id]?.score ?? null, levels,
      };
    });
    baseline = { title: before.title, date: before.date, rows, plan: planOf(q, before.consensus, lang) };
  }
  return {
    lang, title: now.title, date: meta.date,
    questionnaire: { id: q.id, version: q.version, hash: meta.hash, title: titleOf(q, lang) },
    k, scale: { min: q.scale.min, max: q.scale.max, labels: scaleLabels(q, lang) },
    participation: now.view.participation.map((p) => ({ label: p.label, n: p.n })), respondents: now.view.respondents,
    allBelowK: now.view.allBelowK, elements: now.view.elements.map(section), gaps, plan: planOf(q, now.consensus, lang), method, baseline,
  };
}
