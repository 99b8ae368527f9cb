import { html, raw } from "hono/html";
import { anonymityRule } from "../../../core/disclosure/disclosure-text.ts";
import { allElements, labelOf } from "../../../core/questionnaire/levels.ts";
import { roundScope } from "../../../core/workshop/publication.ts";
import type { RoomState } from "../../../core/workshop/room-state.ts";
import { screenElement } from "../../../core/workshop/room-state.ts";
import type { RoomView } from "../../../core/workshop/room.ts";
import { layout, type Frame, type Html } from "./layout.ts";
import { disagreements, largestDifferences, levelMeans, roomDistribution, spreadFlag, type SummaryContext } from "./screen-figures.ts";

/**
 * The screen (skærm, SPEC §6.1): what goes on the projector. Read-only — no form, no link that
 * changes anything, no facilitator secret. Before a reveal it shows how to join; after one the
 * revealed element, fitted to one screen. Its script only fetches this page's content again.
 */
export type ScreenContext = SummaryContext & { base: string; title: string; participantUrl: string; qr: string; expected?: Record<string, number> | undefined };

const SCREEN: Frame = { stylesheet: "screen.css", script: "screen.js", htmlClass: "screen", mainClass: "screen-page" };

/** The whole page: the frame around the content the script refreshes. */
export function screenPage(c: ScreenContext, view: RoomView, state: RoomState): ReturnType<typeof layout> {
  const da = c.lang === "da";
  const id = screenElement(state);
  const name = id ? labelOf(allElements(c.q).find((e) => e.id === id)!, c.lang) : da ? "Deltag" : "Join";
  return layout(c.lang, `${name} — ${c.title}`, c.base, html`<div id="skaerm" data-src="${c.base}/indhold" aria-live="polite">${screenContent(c, view, state)}</div>
<p class="reload"><a href="${c.base}">${da ? "Opdatér skærmen" : "Refresh the screen"}</a></p>`, c.title, SCREEN);
}

/** What the screen shows now; also served alone for the script to swap in. */
export function screenContent(c: ScreenContext, view: RoomView, state: RoomState): Html {
  const id = screenElement(state);
  const e = id ? view.elements.find((x) => x.id === id) : undefined;
  return e && id ? elementScreen(c, view, state, id) : joinScreen(c, view, state);
}

/** Before a reveal (or between elements): the title, the join address large and as a QR code, how many have answered. */
function joinScreen(c: ScreenContext, view: RoomView, state: RoomState): Html {
  const da = c.lang === "da";
  const revote = state.revote;
  const revoteLabel = revote ? labelOf(allElements(c.q).find((e) => e.id === revote.element)!, c.lang) : "";
  const expected = c.expected ? Object.values(c.expected).reduce((a, b) => a + b, 0) : undefined;
  const perLevel = view.participation;
  return html`<div class="join">
<div class="join-text">
<h1>${c.title}</h1>
${revote
    ? html`<p class="lead">${da ? `Runde ${revote.round}: svar igen på ${revoteLabel} — på samme telefon som før.` : `Round ${revote.round}: answer ${revoteLabel} again — on the same phone as before.`}</p>`
    : html`<p class="lead">${da ? "Svar på din telefon — ingen app, intet login." : "Answer on your phone — no app, no login."}</p>`}
<p class="join-label">${da ? "Gå til" : "Go to"}</p>
<p class="join-url">${c.participantUrl}</p>
<p class="answered"><span class="fig">${revote ? (view.revotes?.[revote.element]?.n ?? 0) : view.respondents}</span>${!revote && expected !== undefined ? html` ${da ? "af" : "of"} <span class="fig">${expected}</span>` : ""} ${da ? "har svaret" : "have answered"}</p>
${revote || perLevel.length === 0 ? "" : html`<ul class="per-level">${perLevel.map((p) => html`<li>${p.label}: <span class="fig">${p.n}</span>${c.expected?.[p.level] !== undefined ? html` ${da ? "af" : "of"} ${c.expected[p.level]}` : ""}</li>`)}</ul>
<p class="small">${da ? `Tallene pr. niveau flyttes først, når mindst ${c.k} flere har svaret.` : `The counts per level move only once at least ${c.k} more have answered.`}</p>`}
</div>
<div class="join-qr">${raw(c.qr)}</div>
</div>`;
}

/** A revealed element: level means, spread, where the room disagrees, the largest differences — one screen. */
function elementScreen(c: ScreenContext, view: RoomView, state: RoomState, id: string): Html {
  const da = c.lang === "da";
  const e = view.elements.find((x) => x.id === id)!;
  const round = state.rounds[id] ?? 1;
  const basis = view.publication?.[roundScope(id, round)];
  const heading = html`<h1>${e.label}${round > 1 ? html` <span class="round">${da ? `runde ${round}` : `round ${round}`}</span>` : ""}</h1>`;
  if (e.nothingShown) {
    return html`<div class="element">${heading}<p class="lead">${da ? "Ingen tal kan vises for dette element endnu." : "No figures can be shown for this element yet."}</p><p>${anonymityRule(c.k)[c.lang]}</p></div>`;
  }
  const anyHidden = e.room.suppressed || e.levels.some((l) => l.row.suppressed) || e.items.some((i) => i.suppressed);
  return html`<div class="element">
<div class="head">${heading}${basis && basis.published > 1 ? html`<p class="basis">${da ? `Opdateret: bygger nu på ${basis.respondents.length} svar` : `Updated: now rests on ${basis.respondents.length} answers`}</p>` : ""}</div>
<div class="cols">
${e.distribution ? html`<section class="dist-area" aria-label="${da ? "Rummets fordeling" : "The room's distribution"}">${roomDistribution(c, e)}</section>` : ""}
<section class="left" aria-label="${da ? "Niveauerne" : "The levels"}">${levelMeans(c, e)}${spreadFlag(c, e)}${anyHidden ? html`<p class="rule">${anonymityRule(c.k)[c.lang]}</p>` : ""}</section>
<section class="right" aria-label="${da ? "Uenighed" : "Disagreement"}">${disagreements(c, e, 3)}</section>
<section class="gaps-area" aria-labelledby="forskelle-h"><h2 id="forskelle-h">${da ? "Største forskelle" : "Largest differences"}</h2>${largestDifferences(c, e, 2)}</section>
</div>
</div>`;
}
