import { html } from "hono/html";
import { anonymityRule, hiddenReason } from "../../../core/disclosure/disclosure-text.ts";
import type { Gap } from "../../../core/scoring/gaps.ts";
import type { GroupRow } from "../../../core/scoring/group-summary.ts";
import { allItems, dontKnowLabel, itemText, LEADERS, scaleLabel } from "../../../core/questionnaire/levels.ts";
import type { Questionnaire } from "../../../core/questionnaire/questionnaire.ts";
import type { Lang } from "../../../core/text.ts";
import { toPoints, toScale } from "../../../core/workshop/room-spread.ts";
import type { ElementView, RoomView } from "../../../core/workshop/room.ts";
import type { Html } from "./layout.ts";
import { participationBlock } from "./room-notices.ts";

export type FigureContext = { q: Questionnaire; lang: Lang; k: number; expected?: Record<string, number> | undefined };

/** One decimal, Danish comma: the projector shows what the room can read, not false precision. */
export const one = (x: number, lang: Lang) => (Math.round(x * 10) / 10).toFixed(1).replace(".", lang === "da" ? "," : ".");

const why = (c: FigureContext, row: Pick<GroupRow, "why">) => html`<span class="hidden-why">${hiddenReason(row.why ?? "small", c.k)[c.lang]}</span>`;

/** A bar on the scale, drawn as SVG attributes (the CSP forbids inline style); the number beside it is the figure. */
const bar = (mean: number) => {
  const width = Math.max(0, Math.min(100, mean));
  return html`<svg class="bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect width="100" height="8" class="track"/><rect width="${width.toFixed(2)}" height="8" class="fill"/></svg>`;
};

/** The participants who answered: the total now, per level in steps of k (SPEC §6.1), against the headcount if set. */
export function participation(c: FigureContext, view: RoomView) {
  return participationBlock(c, view, c.expected, undefined);
}

const populationName = (c: FigureContext, population: string) =>
  population === LEADERS ? "" : ` (${c.lang === "da" ? "om deres leder" : "on their leader"})`;

function levelTable(c: FigureContext, e: ElementView): Html {
  const da = c.lang === "da";
  const { scale } = c.q;
  const row = (label: string, r: GroupRow, total = false) => html`<tr${total ? html` class="total"` : ""}><th scope="row">${label}</th><td class="num">${r.n}</td>${r.suppressed || r.mean === null
    ? html`<td colspan="2">${why(c, r)}</td>`
    : html`<td class="num big">${one(toScale(r.mean, scale), c.lang)}</td><td class="barcell">${bar(r.mean)}</td>`}</tr>`;
  return html`<table class="levels">
<caption>${da ? `Gennemsnit pr. niveau (skala ${scale.min}-${scale.max})` : `Mean per level (scale ${scale.min}-${scale.max})`}</caption>
<thead><tr><th scope="col">${da ? "Niveau" : "Level"}</th><th scope="col" class="num">${da ? "Antal" : "Count"}</th><th scope="col" class="num">${da ? "Gns." : "Mean"}</th><th scope="col"><span class="sr-only">${da ? "Søjle" : "Bar"}</span></th></tr></thead>
<tbody>
${e.levels.map((l) => row(`${l.label}${populationName(c, l.population)}`, l.row))}
${row(da ? "Hele rummet (ledere)" : "The whole room (leaders)", e.room, true)}
</tbody>
</table>`;
}

function spreadLine(c: FigureContext, e: ElementView): Html {
  const da = c.lang === "da";
  if (!e.spread) return html``;
  const sd = e.spread.sd === null ? "–" : one(e.spread.sd, c.lang);
  return html`<p class="spread${e.spread.flagged ? " flagged" : ""}">${e.spread.flagged ? html`<strong>${da ? "Stor spredning" : "Wide spread"}:</strong> ` : html`${da ? "Spredning" : "Spread"}: `}${da ? "spænd" : "range"} ${one(e.spread.range, c.lang)} ${da ? "point" : "points"}, sd ${sd}</p>`;
}

function distribution(c: FigureContext, e: ElementView): Html {
  const da = c.lang === "da";
  const { min, max } = c.q.scale;
  const values = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  const items = allItems(c.q);
  return html`<table class="dist">
<caption>${da ? "Rummets svar pr. udsagn (antal)" : "The room's answers per statement (counts)"}</caption>
<thead><tr><th scope="col">${da ? "Udsagn" : "Statement"}</th>${values.map((v) => html`<th scope="col" class="num" title="${scaleLabel(c.q, v, c.lang)}">${v}</th>`)}<th scope="col" class="num">${dontKnowLabel(c.q, c.lang) ?? "?"}</th></tr></thead>
<tbody>
${e.items.map((d) => {
    const item = items.find((it) => it.id === d.itemId)!;
    return html`<tr><th scope="row">${itemText(item, undefined, c.lang)}${e.disagreement.some((x) => x.itemId === d.itemId && (x.sd ?? 0) >= 1) ? html` <span class="flag">${da ? "uenighed" : "disagreement"}</span>` : ""}</th>${d.counts
      ? d.counts.map((n) => html`<td class="num">${n}</td>`)
      : html`<td colspan="${values.length + 1}">${why(c, d)}</td>`}</tr>`;
  })}
</tbody>
</table>`;
}

const gapText = (c: FigureContext, g: Gap) => {
  const da = c.lang === "da";
  const points = one(Math.abs(toPoints(g.diff!, c.q.scale)), c.lang);
  if (g.kind === "mirror") {
    const item = allItems(c.q).find((it) => it.id === g.dimension);
    return html`${g.group_a} ${da ? "om sig selv" : "about themselves"} ↔ ${g.group_b} ${da ? "om deres leder" : "about their leader"}${item ? html` (${itemText(item, undefined, c.lang)})` : ""}: <strong>${points}</strong> ${da ? "point" : "points"}`;
  }
  return html`${g.group_a} ↔ ${g.group_b}: <strong>${points}</strong> ${da ? "point" : "points"}`;
};

export function differences(c: FigureContext, e: ElementView, labelOfKey: (key: string) => string): Html {
  const da = c.lang === "da";
  const shown = e.gaps.slice(0, 4);
  if (shown.length === 0) return html`<p class="muted">${da ? "Ingen forskel mellem niveauer kan vises (for få besvarelser på mindst ét af niveauerne)." : "No difference between levels can be shown (too few responses at one of the levels at least)."}</p>`;
  return html`<ul class="gaps">${shown.map((g) => html`<li${g.flagged ? html` class="flagged"` : ""}>${g.flagged ? html`<span class="flag">${da ? "stor forskel" : "large difference"}</span> ` : ""}${gapText(c, { ...g, group_a: labelOfKey(g.group_a), group_b: labelOfKey(g.group_b) })}</li>`)}</ul>`;
}

/** Everything the room sees for a revealed element; hidden cells say why, and the rule is said once. */
export function elementFigures(c: FigureContext, view: RoomView, e: ElementView, labelOfKey: (key: string) => string): Html {
  const da = c.lang === "da";
  if (e.nothingShown) {
    return html`<div class="notice" role="note"><p><strong>${da ? "Ingen tal kan vises for dette element endnu." : "No figures can be shown for this element yet."}</strong></p><p>${anonymityRule(c.k)[c.lang]}</p>${view.allBelowK ? html`<p>${da ? `Alle niveauer har færre end ${c.k} besvarelser.` : `Every level has fewer than ${c.k} responses.`}</p>` : ""}</div>`;
  }
  const anyHidden = e.room.suppressed || e.levels.some((l) => l.row.suppressed) || e.items.some((i) => i.suppressed);
  return html`${view.allBelowK ? html`<p class="notice">${da ? `Alle niveauer har færre end ${c.k} besvarelser, så kun hele rummets tal kan vises.` : `Every level has fewer than ${c.k} responses, so only the whole room's figures can be shown.`}</p>` : ""}
${levelTable(c, e)}
${spreadLine(c, e)}
<h3>${da ? "Største forskelle mellem niveauer" : "Largest differences between levels"}</h3>
${differences(c, e, labelOfKey)}
${distribution(c, e)}
${anyHidden ? html`<p class="rule">${anonymityRule(c.k)[c.lang]}</p>` : ""}`;
}
