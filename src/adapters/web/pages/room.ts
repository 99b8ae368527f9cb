import { html } from "hono/html";
import { allElements, labelOf } from "../../../core/questionnaire/levels.ts";
import type { Consensus, ElementConsensus } from "../../../core/workshop/consensus.ts";
import type { RoomState } from "../../../core/workshop/room-state.ts";
import type { RoomView } from "../../../core/workshop/room.ts";
import { layout, type Frame, type Html } from "./layout.ts";
import type { RoomPageContext } from "./room-context.ts";
import { elementFigures, participation } from "./room-figures.ts";
import { consensusForm, type FormState } from "./room-form.ts";
import { publicationNotice } from "./room-notices.ts";
import { roundScope } from "../../../core/workshop/publication.ts";
import { screenElement } from "../../../core/workshop/room-state.ts";

/** The projector's frame: large type from room.css, and one small script for live figures (the page works without it). */
const ROOM: Frame = { stylesheet: "room.css", script: "live.js", htmlClass: "room", mainClass: "room-page" };
const frame = (c: RoomPageContext, title: string, body: Html) => layout(c.lang, title, c.base, body, c.title, ROOM);

/** The screen's address, what it shows now, and the control that puts the join page back on it. */
function screenBlock(c: RoomPageContext, state: RoomState): Html {
  const da = c.lang === "da";
  const on = screenElement(state);
  const name = on ? labelOf(allElements(c.q).find((e) => e.id === on)!, c.lang) : undefined;
  return html`<section aria-labelledby="skaerm-h"><h2 id="skaerm-h">${da ? "Skærmen" : "The screen"}</h2>
<p>${da ? "Åbn skærmens adresse på projektoren (eller den computer, der viser på projektoren). Den viser deltagernes QR-kode og de tal, du viser frem — den kan ikke ændre noget. Denne side, med sin hemmelige adresse, bliver på din egen computer eller tablet." : "Open the screen's address on the projector (or the computer that drives it). It shows the participants' QR code and the figures you reveal — it cannot change anything. This page, with its secret address, stays on your own laptop or tablet."}</p>
<p class="address"><a href="${c.screenUrl}" target="_blank" rel="noopener">${c.screenUrl}</a></p>
<p id="paa-skaermen" data-live>${da ? "På skærmen nu" : "On the screen now"}: <strong>${name ?? (da ? "adressen og QR-koden til at deltage" : "the address and QR code to join")}</strong></p>
${on ? html`<form method="post" action="${c.base}/skaerm"><input type="hidden" name="element" value=""><button type="submit" class="secondary">${da ? "Vis adressen og QR-koden på skærmen" : "Show the address and QR code on the screen"}</button></form>` : ""}
</section>`;
}

const reload = (c: RoomPageContext, href: string) => html`<a class="reload" href="${href}">${c.lang === "da" ? "Opdatér tallene" : "Refresh the figures"}</a>`;

/** A revealed element is on the screen, or can be put there again. */
function onScreenControl(c: RoomPageContext, state: RoomState, id: string): Html {
  const da = c.lang === "da";
  if (screenElement(state) === id) return html`<p class="on-screen">${da ? "✓ Vises på skærmen nu" : "✓ On the screen now"} · <a href="${c.screenUrl}" target="_blank" rel="noopener">${da ? "skærmens adresse" : "the screen's address"}</a></p>`;
  return html`<form method="post" action="${c.base}/skaerm"><input type="hidden" name="element" value="${id}"><button type="submit" class="secondary">${da ? "Vis dette element på skærmen" : "Show this element on the screen"}</button></form>`;
}

/** The facilitator's start page: participation while answers come in, and the elements to reveal one by one. */
export function overviewPage(c: RoomPageContext, view: RoomView, counts: Html, state: RoomState, consensus: Consensus) {
  const da = c.lang === "da";
  const status = (id: string) => {
    const agreed = consensus.elements[id];
    if (agreed) return da ? `aftalt: ${String(agreed.score).replace(".", ",")}` : `agreed: ${agreed.score}`;
    return state.revealed.includes(id) ? (da ? "vist" : "revealed") : da ? "ikke vist endnu" : "not revealed yet";
  };
  const body = html`<h1>${c.title}</h1>
<p class="address">${da ? "Deltagerne åbner" : "Participants open"}: <strong>${c.participantUrl}</strong></p>
${screenBlock(c, state)}
<section aria-labelledby="deltagelse-h"><h2 id="deltagelse-h">${da ? "Deltagelse" : "Participation"}</h2>
<div id="deltagelse" class="counts" data-live aria-live="polite">${participation(c, view)}${counts}</div>
${reload(c, c.base)}</section>
<section aria-labelledby="elementer-h"><h2 id="elementer-h">${da ? "Elementer" : "Elements"}</h2>
<p>${da ? "Vis ét element ad gangen, når rummet er klar til at drøfte det." : "Reveal one element at a time, when the room is ready to discuss it."}</p>
<ol class="elements" id="elementer" data-live>${allElements(c.q).map((e) => html`<li><a href="${c.base}/e/${e.id}">${labelOf(e, c.lang)}</a> <span class="state">(${status(e.id)})</span></li>`)}</ol></section>`;
  return frame(c, `${c.title} — ${da ? "facilitator" : "facilitator"}`, body);
}

/** One element: nothing but its name until the facilitator reveals it; then the figures and the consensus form. */
export function elementRoomPage(c: RoomPageContext, view: RoomView, id: string, state: RoomState, agreed: ElementConsensus | undefined, form: FormState) {
  const da = c.lang === "da";
  const elements = allElements(c.q);
  const index = elements.findIndex((e) => e.id === id);
  const element = elements[index]!;
  const e = view.elements.find((x) => x.id === id)!;
  const revealed = state.revealed.includes(id);
  const round = state.rounds[id] ?? 1;
  const href = `${c.base}/e/${id}`;
  const nav = html`<nav class="crumbs" aria-label="${da ? "Elementer" : "Elements"}"><a href="${c.base}">${da ? "Oversigt" : "Overview"}</a>${index > 0 ? html` · <a href="${c.base}/e/${elements[index - 1]!.id}">${da ? "Forrige element" : "Previous element"}</a>` : ""}${index < elements.length - 1 ? html` · <a href="${c.base}/e/${elements[index + 1]!.id}">${da ? "Næste element" : "Next element"}</a>` : ""}</nav>`;
  const figures = revealed
    ? elementFigures(c, view, e, c.labelOfKey)
    : html`<p class="lead">${da ? "Tallene er skjult, til du viser dem, så ingen lægger sig fast på de andres svar før drøftelsen. Når du viser dem, kommer de også på skærmen." : "The figures stay hidden until you reveal them, so nobody anchors on the others' answers before the discussion. Revealed, they go on the screen too."}</p>
<form method="post" action="${href}/vis"><button type="submit" class="primary">${da ? "Vis tallene" : "Reveal the figures"}</button></form>`;
  const body = html`${nav}
<h1>${labelOf(element, c.lang)}${round > 1 ? html` <span class="round">${da ? `runde ${round}` : `round ${round}`}</span>` : ""}</h1>
<div id="deltagelse" data-live aria-live="polite">${participation(c, view)}${view.revotes?.[id] ? html`<p class="count">${da ? `Runde ${view.revotes[id]!.round}: ` : `Round ${view.revotes[id]!.round}: `}<strong>${view.revotes[id]!.n}</strong> ${da ? "har svaret igen" : "have answered again"}</p>` : ""}</div>
<div class="columns">
<section class="figures" aria-labelledby="tal-h"><h2 id="tal-h">${da ? "Rummets svar" : "The room's answers"}</h2>
${revealed ? onScreenControl(c, state, id) : ""}
<div id="tal" data-live>${revealed ? publicationNotice(c.lang, view.publication?.[roundScope(id, round)]) : ""}${figures}</div>
${revealed ? reload(c, href) : ""}</section>
<section class="consensus" aria-labelledby="konsensus-h"><h2 id="konsensus-h">${da ? "Konsensus" : "Consensus"}</h2>
${consensusForm(c, href, agreed, form, round)}
</section>
</div>`;
  return frame(c, `${labelOf(element, c.lang)} — ${c.title}`, body);
}
