import { anonymityRule, hiddenReason } from "../disclosure/disclosure-text.ts";
import type { GroupRow } from "../scoring/group-summary.ts";
import type { LevelGrouping } from "../scoring/level-groups.ts";
import { allElements, allItems, itemText, labelOf, titleOf } from "../questionnaire/levels.ts";
import type { Questionnaire } from "../questionnaire/questionnaire.ts";
import type { Lang } from "../text.ts";
import type { Action, Consensus, ElementConsensus } from "./consensus.ts";
import { toPoints, toScale } from "./room-spread.ts";
import type { ElementView, RoomView } from "./room.ts";

/** A figure as the report prints it: a number on the scale, or the words saying why it is hidden. */
export type Figure = { n: number; value: number | null; hidden: string | null };
export type ReportLevel = { label: string; figure: Figure };
export type ReportGap = { element: string; a: string; b: string; points: number; mirror: boolean; item: string | undefined };
export type ReportElementSection = {
  id: string;
  label: string;
  room: Figure;
  spread: { range: number; sd: number | null; flagged: boolean } | null;
  levels: ReportLevel[];
  agreed: ElementConsensus | undefined;
  nothingShown: boolean;
};
export type BaselineRow = { id: string; label: string; then: Figure | null; now: Figure | null; agreedThen: number | null; agreedNow: number | null; levels: { label: string; then: number; now: number }[] };
export type WorkshopReport = {
  lang: Lang;
  title: string;
  date: string;
  questionnaire: { id: string; version: string; hash: string; title: string };
  k: number;
  participation: { label: string; n: number }[];
  respondents: number;
  allBelowK: boolean;
  elements: ReportElementSection[];
  gaps: ReportGap[];
  plan: (Action & { element: string })[];
  method: string[];
  baseline: { title: string; date: string; rows: BaselineRow[]; plan: (Action & { element: string })[] } | undefined;
};

const figure = (row: GroupRow, q: Questionnaire, k: number, lang: Lang): Figure =>
  row.suppressed || row.mean === null
    ? { n: row.n, value: null, hidden: hiddenReason(row.why ?? "small", k)[lang] }
    : { n: row.n, value: toScale(row.mean, q.scale), hidden: null };

export type WorkshopSide = { title: string; date: string; view: RoomView; consensus: Consensus; grouping: LevelGrouping };

const planOf = (q: Questionnaire, c: Consensus, lang: Lang) =>
  allElements(q).flatMap((e) => (c.elements[e.id]?.actions ?? []).map((a) => ({ ...a, element: labelOf(e, lang) })));

/** The workshop report's content, every figure taken from the room view (the disclosure engine's cells). */
export function buildWorkshopReport(q: Questionnaire, now: WorkshopSide, lang: Lang, meta: { hash: string; k: number; date: string; spread: { range: number; sd: number } }, before?: WorkshopSide): WorkshopReport {
  const da = lang === "da";
  const { k } = meta;
  const items = allItems(q);
  const labelOfElement = (id: string) => labelOf(allElements(q).find((e) => e.id === id)!, lang);
  const section = (e: ElementView): ReportElementSection => ({
    id: e.id, label: e.label, room: figure(e.room, q, k, lang), spread: e.spread,
    levels: e.levels.map((l) => ({ label: now.grouping.labelOf(l.key, lang), figure: figure(l.row, q, k, lang) })),
    agreed: now.consensus.elements[e.id], nothingShown: e.nothingShown,
  });
  const gaps = now.view.elements.flatMap((e) => e.gaps.filter((g) => g.flagged).map((g): ReportGap => ({
    element: labelOfElement(e.id), a: now.grouping.labelOf(g.group_a, lang), b: now.grouping.labelOf(g.group_b, lang),
    points: Math.abs(toPoints(g.diff!, q.scale)), mirror: g.kind === "mirror",
    item: g.kind === "mirror" ? itemText(items.find((it) => it.id === g.dimension)!, undefined, lang) : undefined,
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
        return old && !old.row.suppressed && old.row.mean !== null && !l.row.suppressed && l.row.mean !== null
          ? [{ label: now.grouping.labelOf(l.key, lang), then: toScale(old.row.mean, q.scale), now: toScale(l.row.mean, q.scale) }]
          : [];
      });
      return {
        id: el.id, label: labelOf(el, lang),
        then: a ? figure(a.room, q, k, lang) : null, now: b ? figure(b.room, q, k, lang) : null,
        agreedThen: before.consensus.elements[el.id]?.score ?? null, agreedNow: now.consensus.elements[el.id]?.score ?? null, levels,
      };
    });
    baseline = { title: before.title, date: before.date, rows, plan: planOf(q, before.consensus, lang) };
  }
  return {
    lang, title: now.title, date: meta.date,
    questionnaire: { id: q.id, version: q.version, hash: meta.hash, title: titleOf(q, lang) },
    k, participation: now.view.participation.map((p) => ({ label: p.label, n: p.n })), respondents: now.view.respondents,
    allBelowK: now.view.allBelowK, elements: now.view.elements.map(section), gaps, plan: planOf(q, now.consensus, lang), method, baseline,
  };
}
