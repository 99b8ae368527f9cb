import { html } from "hono/html";
import { namesWithScores, type RespondentResult, type ScoredDimension } from "../../../core/conduct/result.ts";
import { layout } from "./layout.ts";
import type { PageContext } from "./participant.ts";

const score = (d: ScoredDimension) => (d.score === null ? "–" : String(Math.round(d.score)));

/**
 * The same figures as `run`'s result screen: score, band, a bar as decoration after the number. A mirror
 * respondent (`ratedLabel` given) rated their leader, not themselves, and the page says so.
 */
export function resultPage(c: PageContext, result: RespondentResult, levelLabel: string, ratedLabel?: string) {
  const da = c.lang === "da";
  const heading = ratedLabel !== undefined ? (da ? "Sådan ser du din leder" : "How you see your leader") : (da ? "Dit resultat" : "Your result");
  const intro = ratedLabel !== undefined
    ? (da ? `Dine svar er gemt. Her er dine vurderinger af din nærmeste leder (${ratedLabel}). Scoren går fra 0 til 100.` : `Your answers are saved. These are your ratings of your nearest leader (${ratedLabel}). The score runs from 0 to 100.`)
    : (da ? `Dine svar er gemt. Dit ledelsesniveau: ${levelLabel}. Scoren går fra 0 til 100.` : `Your answers are saved. Your level of leadership: ${levelLabel}. The score runs from 0 to 100.`);
  const row = (d: ScoredDimension, kind: "area" | "element" | "total") => html`<tr class="${kind}">
${kind === "element" ? html`<td>${d.label}</td>` : html`<th scope="row">${d.label}</th>`}
<td class="num">${score(d)}</td>
<td>${d.score === null ? (da ? "for få svar / ikke relevant" : "too few answers / not applicable") : html`${d.band ?? ""}<meter min="0" max="100" value="${Math.round(d.score)}" aria-hidden="true"></meter>`}</td>
</tr>`;
  const body = html`<h1>${da ? "Tak! " : "Thank you! "}${heading}</h1>
<p>${intro}</p>
<table class="result">
<caption class="small">${da ? "Score og vurdering pr. element, område og i alt" : "Score and band per element, area and overall"}</caption>
<thead><tr><th scope="col">${da ? "Element" : "Element"}</th><th scope="col">${da ? "Score" : "Score"}</th><th scope="col">${da ? "Vurdering" : "Band"}</th></tr></thead>
<tbody>
${result.areas.map((area) => [row(area, "area"), ...result.elements.filter((e) => e.area === area.id).map((e) => row(e, "element"))])}
${row(result.total, "total")}
</tbody>
</table>
${result.allEqual ? html`<p>${da ? "Alle elementer har samme score" : "Every element has the same score"} (${score(result.elements.find((e) => e.score !== null)!)}).</p>` : ""}
${result.strongest.length > 0 ? html`<p>${da ? "Stærkest" : "Strongest"}: <strong>${namesWithScores(result.strongest, c.lang)}</strong></p>` : ""}
${result.weakest.length > 0 ? html`<p>${da ? "Svagest" : "Weakest"}: <strong>${namesWithScores(result.weakest, c.lang)}</strong></p>` : ""}
${result.advice.map((a) => html`<section class="advice"><h2>${da ? "God praksis" : "Good practice"}: ${a.element.label}</h2><p>${a.text}</p><p class="small">${da ? "Kilde" : "Source"}: ${a.source}</p></section>`)}
<p class="small">${da ? "Du kan lukke siden nu. Resultatet ses kun på din telefon; i rummet vises kun tal for hele grupper." : "You can close the page now. The result is shown only on your phone; the room only sees figures for whole groups."}</p>`;
  return layout(c.lang, heading, c.base, body, c.title);
}
