import { html } from "hono/html";
import { hiddenReason } from "../../../core/disclosure/disclosure-text.ts";
import { allItems, dontKnowLabel, itemText, labelOf, LEADERS, presentedTo, scaleLabel } from "../../../core/questionnaire/levels.ts";
import type { Item, Questionnaire } from "../../../core/questionnaire/questionnaire.ts";
import type { Gap } from "../../../core/scoring/gaps.ts";
import type { GroupRow } from "../../../core/scoring/group-summary.ts";
import type { Lang } from "../../../core/text.ts";
import { toPoints, toScale } from "../../../core/workshop/room-spread.ts";
import type { ElementView } from "../../../core/workshop/room.ts";
import { commonWording } from "../../../core/workshop/wording.ts";
import type { Html } from "./layout.ts";

/**
 * The revealed element as the room reads it from the back (the screen) and as the facilitator's page
 * repeats it: every figure is one the engine published in the element's view — nothing is computed
 * here from answers. Figures carry the class "fig" (≥ 28 px on the screen); meaning is in words and
 * symbols, never in colour alone.
 */
export type SummaryContext = { q: Questionnaire; lang: Lang; k: number; labelOfKey: (key: string) => string };

/** One decimal, Danish comma. */
export const one = (x: number, lang: Lang) => (Math.round(x * 10) / 10).toFixed(1).replace(".", lang === "da" ? "," : ".");

const bar = (score: number) => html`<svg class="bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect width="100" height="8" class="track"/><rect width="${Math.max(0, Math.min(100, score)).toFixed(2)}" height="8" class="fill"/></svg>`;
const hidden = (c: SummaryContext, row: Pick<GroupRow, "why">) => html`<span class="hidden-why">${hiddenReason(row.why ?? "small", c.k)[c.lang]}</span>`;

/** Who an item is put to, in words ("Chef, Afdelingsleder"). */
export const askedOf = (c: SummaryContext, item: Item) => c.q.levels.filter((l) => presentedTo(item, l.id)).map((l) => labelOf(l, c.lang)).join(", ");
/** The mark of a reverse-worded statement, in words (not a colour). */
export const reverseMark = (c: SummaryContext, item: Item) => (item.reverse ? html` <span class="mark">${c.lang === "da" ? "omvendt formuleret" : "reverse-worded"}</span>` : "");

/** The mean per level and for the whole room, with a bar; hidden cells in words. */
export function levelMeans(c: SummaryContext, e: ElementView): Html {
  const da = c.lang === "da";
  const { scale } = c.q;
  const row = (label: string, r: GroupRow, total = false) => html`<tr${total ? html` class="total"` : ""}><th scope="row">${label}</th><td class="num n">${r.n}</td>${r.suppressed || r.mean === null
    ? html`<td colspan="2">${hidden(c, r)}</td>`
    : html`<td class="num"><span class="fig">${one(toScale(r.mean, scale), c.lang)}</span></td><td class="barcell">${bar(r.mean)}</td>`}</tr>`;
  return html`<table class="means">
<caption>${da ? `Gennemsnit pr. niveau (skala ${scale.min}-${scale.max})` : `Mean per level (scale ${scale.min}-${scale.max})`}</caption>
<thead><tr><th scope="col">${da ? "Niveau" : "Level"}</th><th scope="col" class="num">${da ? "Svar" : "Answers"}</th><th scope="col" class="num">${da ? "Gns." : "Mean"}</th><th scope="col"><span class="sr-only">${da ? "Søjle" : "Bar"}</span></th></tr></thead>
<tbody>
${e.levels.map((l) => row(`${l.label}${l.population === LEADERS ? "" : da ? " om deres leder" : " on their leader"}`, l.row))}
${row(da ? "Hele rummet (ledere)" : "The whole room (leaders)", e.room, true)}
</tbody>
</table>`;
}

/** The spread, flagged in words and with a symbol when workshop.yaml's rule is met. */
export function spreadFlag(c: SummaryContext, e: ElementView): Html {
  const da = c.lang === "da";
  if (!e.spread) return html``;
  const sd = e.spread.sd === null ? "–" : one(e.spread.sd, c.lang);
  const figures = html`${da ? "spænd" : "range"} <span class="fig">${one(e.spread.range, c.lang)}</span> ${da ? "point" : "points"}, sd <span class="fig">${sd}</span>`;
  return e.spread.flagged
    ? html`<p class="spread flagged"><strong>⚑ ${da ? "Stor spredning" : "Wide spread"}:</strong> ${figures}</p>`
    : html`<p class="spread">${da ? "Spredning" : "Spread"}: ${figures}</p>`;
}

/** The statements the room disagrees on most (widest spread of answers), with their answer counts. */
export function disagreements(c: SummaryContext, e: ElementView, limit = 3): Html {
  const da = c.lang === "da";
  const items = allItems(c.q);
  const { min, max } = c.q.scale;
  const values = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  const shown = e.disagreement.slice(0, limit).flatMap((s) => {
    const d = e.items.find((x) => x.itemId === s.itemId);
    const item = items.find((it) => it.id === s.itemId);
    return d?.counts && item ? [{ s, d: { ...d, counts: d.counts }, item }] : [];
  });
  if (shown.length === 0) return html`<p class="muted">${da ? "Ingen udsagn har tal, der kan vises." : "No statement has figures that can be shown."}</p>`;
  return html`<table class="dist">
<caption>${da ? "Hvor rummet er mest uenigt (antal svar)" : "Where the room disagrees most (answers)"}</caption>
<thead><tr><th scope="col">${da ? "Udsagn" : "Statement"}</th>${values.map((v) => html`<th scope="col" class="num"><abbr title="${scaleLabel(c.q, v, c.lang)}">${v}</abbr></th>`)}<th scope="col" class="num"><abbr title="${dontKnowLabel(c.q, c.lang) ?? "?"}">?</abbr></th><th scope="col" class="num">sd</th></tr></thead>
<tbody>${shown.map(({ s, d, item }) => html`<tr><th scope="row"><span class="statement">${commonWording(d.wordings, c.lang)}</span><span class="asked">${da ? "Stillet til" : "Asked of"}: ${askedOf(c, item)}${reverseMark(c, item)}</span></th>${d.counts.map((n) => html`<td class="num"><span class="fig">${n}</span></td>`)}<td class="num"><span class="fig">${s.sd === null ? "–" : one(s.sd, c.lang)}</span></td></tr>`)}</tbody>
</table>`;
}

/** A level's label in running text ("teamleder"), where the label is a common noun. */
const lower = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

/**
 * A difference with its direction in words. For a mirror pair the wording each side was asked is
 * quoted: the rated level about themselves ↔ the mirror level about their leader (diff = self − others).
 */
export function directedGap(c: SummaryContext, g: Gap, quote = true): Html {
  const da = c.lang === "da";
  const points = html`<span class="fig">${one(Math.abs(toPoints(g.diff!, c.q.scale)), c.lang)}</span> ${da ? "point" : "points"}`;
  const a = c.labelOfKey(g.group_a);
  const b = c.labelOfKey(g.group_b);
  const flag = g.flagged ? html`<strong class="mark">⚑ ${da ? "stor forskel" : "large difference"}</strong> ` : "";
  if (g.kind !== "mirror") {
    const higher = g.diff! > 0;
    return html`${flag}<span class="pair">${a} ↔ ${b}</span>: ${points} — ${da ? `${lower(a)} vurderer ${higher ? "højere" : "lavere"} end ${lower(b)}` : `${a} rate ${higher ? "higher" : "lower"} than ${b}`}`;
  }
  const items = allItems(c.q);
  const self = items.find((it) => it.id === g.dimension);
  const mirror = items.find((it) => it.mirror_of === g.dimension && presentedTo(it, g.population));
  const rated = c.q.levels.find((l) => l.id === g.population)?.rates;
  const othersLower = g.diff! > 0;
  const direction = da
    ? `${lower(b)} vurderer ${othersLower ? "lavere" : "højere"} end ${lower(a)} selv`
    : `${b} rate ${othersLower ? "lower" : "higher"} than ${a} themselves`;
  const wording = quote && self && mirror
    ? html`<span class="wording">${a}: »${itemText(self, rated, c.lang)}«${reverseMark(c, self)}</span><span class="wording">${b}: »${itemText(mirror, g.population, c.lang)}«${reverseMark(c, mirror)}</span>`
    : "";
  return html`${flag}<span class="pair">${lower(a)} ${da ? "om sig selv" : "about themselves"} ↔ ${lower(b)} ${da ? "om deres leder" : "about their leader"}</span>: ${points} — ${direction}${wording}`;
}

/** The largest differences between levels and between a mirror level and the level it rates, largest first. */
export function largestDifferences(c: SummaryContext, e: ElementView, limit = 3): Html {
  const da = c.lang === "da";
  const shown = e.gaps.slice(0, limit);
  if (shown.length === 0) return html`<p class="muted">${da ? "Ingen forskel mellem niveauer kan vises (for få svar på mindst ét af niveauerne)." : "No difference between levels can be shown (too few answers at one of the levels at least)."}</p>`;
  return html`<ul class="gaps">${shown.map((g) => html`<li${g.flagged ? html` class="flagged"` : ""}>${directedGap(c, g)}</li>`)}</ul>`;
}

/**
 * The room's distribution for the element: one row of labelled bars, each with its count in figures
 * and its scale label in words (the bar's length only repeats the count). The counts are the view's
 * sum of the shown statement counts; left out when any statement is hidden.
 */
export function roomDistribution(c: SummaryContext, e: ElementView, cls = "edist"): Html {
  const da = c.lang === "da";
  const d = e.distribution;
  if (!d) return html``;
  const { min } = c.q.scale;
  const cells = d.counts.map((n, i) => ({ label: `${min + i} ${scaleLabel(c.q, min + i, c.lang)}`, n }));
  if (d.dontKnow > 0 || dontKnowLabel(c.q, c.lang)) cells.push({ label: dontKnowLabel(c.q, c.lang) ?? (da ? "Ved ikke" : "Don't know"), n: d.dontKnow });
  const top = Math.max(1, ...cells.map((x) => x.n));
  const note = d.reversed ? html` <span class="note">(${da ? "omvendte udsagn er vendt" : "reverse-worded statements are turned"})</span>` : "";
  return html`<figure class="${cls}"><figcaption>${da ? "Rummets fordeling (ledere, alle elementets udsagn, antal svar)" : "The room's distribution (leaders, every statement of the element, answers)"}${note}</figcaption>
<ol>${cells.map((x) => html`<li><span class="fig">${x.n}</span>${bar((x.n / top) * 100)}<span class="dlabel">${x.label}</span></li>`)}</ol></figure>`;
}
