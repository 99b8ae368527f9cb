import { html } from "hono/html";
import { anonymityRule, hiddenReason } from "../../../core/disclosure/disclosure-text.ts";
import type { GroupRow } from "../../../core/scoring/group-summary.ts";
import { allItems, dontKnowLabel, scaleLabel } from "../../../core/questionnaire/levels.ts";
import type { Questionnaire } from "../../../core/questionnaire/questionnaire.ts";
import type { Lang } from "../../../core/text.ts";
import type { ElementView, RoomView } from "../../../core/workshop/room.ts";
import { labelledWordings } from "../../../core/workshop/wording.ts";
import type { Html } from "./layout.ts";
import { participationBlock } from "./room-notices.ts";
import { askedOf, disagreements, largestDifferences, levelMeans, reverseMark, roomDistribution, spreadFlag, type SummaryContext } from "./screen-figures.ts";

export type FigureContext = { q: Questionnaire; lang: Lang; k: number; expected?: Record<string, number> | undefined };

const why = (c: FigureContext, row: Pick<GroupRow, "why">) => html`<span class="hidden-why">${hiddenReason(row.why ?? "small", c.k)[c.lang]}</span>`;

/** The participants who answered: the total now, per level in steps of k (SPEC §6.1), against the headcount if set. */
export function participation(c: FigureContext, view: RoomView) {
  return participationBlock(c, view, c.expected, undefined);
}

/** The statement as the people behind its counts were asked it: each level's wording, labelled, where they differ. */
const statement = (d: ElementView["items"][number]) => {
  const shown = labelledWordings(d.wordings);
  return shown.length === 1 && shown[0]!.label === null ? shown[0]!.text : html`${shown.map((w) => html`<span class="wording-level">${w.label}: »${w.text}«</span>`)}`;
};

/** The element's statements grouped by who was asked, each with the room's answer counts; reverse-worded ones marked. */
function distribution(c: FigureContext, e: ElementView, s: SummaryContext): Html {
  const da = c.lang === "da";
  const { min, max } = c.q.scale;
  const values = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  const items = allItems(c.q);
  const groups = new Map<string, { asked: string; rows: typeof e.items }>();
  for (const d of e.items) {
    const item = items.find((it) => it.id === d.itemId)!;
    const asked = askedOf(s, item);
    (groups.get(asked) ?? groups.set(asked, { asked, rows: [] }).get(asked)!).rows.push(d);
  }
  const width = values.length + 2;
  return html`<table class="dist">
<caption>${da ? "Rummets svar pr. udsagn (antal), efter hvem der blev spurgt" : "The room's answers per statement (counts), by who was asked"}</caption>
<thead><tr><th scope="col">${da ? "Udsagn" : "Statement"}</th>${values.map((v) => html`<th scope="col" class="num" title="${scaleLabel(c.q, v, c.lang)}">${v}</th>`)}<th scope="col" class="num">${dontKnowLabel(c.q, c.lang) ?? "?"}</th></tr></thead>
${[...groups.values()].map((g) => html`<tbody><tr class="asked-row"><th scope="colgroup" colspan="${width}">${da ? "Stillet til" : "Asked of"}: ${g.asked}</th></tr>
${g.rows.map((d) => {
    const item = items.find((it) => it.id === d.itemId)!;
    return html`<tr><th scope="row">${statement(d)}${reverseMark(s, item)}${e.disagreement.some((x) => x.itemId === d.itemId && (x.sd ?? 0) >= 1) ? html` <span class="flag">${da ? "uenighed" : "disagreement"}</span>` : ""}</th>${d.counts
      ? d.counts.map((n) => html`<td class="num">${n}</td>`)
      : html`<td colspan="${values.length + 1}">${why(c, d)}</td>`}</tr>`;
  })}</tbody>`)}
</table>`;
}

/** Everything the room sees for a revealed element; hidden cells say why, and the rule is said once. */
export function elementFigures(c: FigureContext, view: RoomView, e: ElementView, labelOfKey: (key: string) => string): Html {
  const da = c.lang === "da";
  if (e.nothingShown) {
    return html`<div class="notice" role="note"><p><strong>${da ? "Ingen tal kan vises for dette element endnu." : "No figures can be shown for this element yet."}</strong></p><p>${anonymityRule(c.k)[c.lang]}</p>${view.allBelowK ? html`<p>${da ? `Alle niveauer har færre end ${c.k} besvarelser.` : `Every level has fewer than ${c.k} responses.`}</p>` : ""}</div>`;
  }
  const anyHidden = e.room.suppressed || e.levels.some((l) => l.row.suppressed) || e.items.some((i) => i.suppressed);
  const s: SummaryContext = { q: c.q, lang: c.lang, k: c.k, labelOfKey };
  return html`${view.allBelowK ? html`<p class="notice">${da ? `Alle niveauer har færre end ${c.k} besvarelser, så kun hele rummets tal kan vises.` : `Every level has fewer than ${c.k} responses, so only the whole room's figures can be shown.`}</p>` : ""}
<div class="summary">
${roomDistribution(s, e, "edist compact")}
${levelMeans(s, e)}
${spreadFlag(s, e)}
${disagreements(s, e, 3)}
<h3>${da ? "Største forskelle mellem niveauer" : "Largest differences between levels"}</h3>
${largestDifferences(s, e, 4)}
</div>
<details class="all-items" open><summary>${da ? "Alle udsagn" : "Every statement"}</summary>
${distribution(c, e, s)}
</details>
${anyHidden ? html`<p class="rule">${anonymityRule(c.k)[c.lang]}</p>` : ""}`;
}
