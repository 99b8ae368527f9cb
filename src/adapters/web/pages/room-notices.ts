import { html } from "hono/html";
import type { Questionnaire } from "../../../core/questionnaire/questionnaire.ts";
import { labelOf } from "../../../core/questionnaire/levels.ts";
import type { Lang } from "../../../core/text.ts";
import type { RoomPublication } from "../../../core/workshop/room-state.ts";
import type { RoomView } from "../../../core/workshop/room.ts";
import { layout, type Html } from "./layout.ts";
import type { PageContext } from "./participant.ts";

/**
 * Words for the room's notices (SPEC §6.1): why figures stand still, the headcount, and what a
 * participant is told when the level is full or a write failed. Kept apart from the participant
 * pages' look, which changes on its own.
 */
export function publicationNotice(lang: Lang, p: RoomPublication | undefined): Html {
  const da = lang === "da";
  if (!p) return html``;
  if (p.waiting > 0) {
    return html`<p class="notice" role="status">${da
      ? `${p.waiting} ${p.waiting === 1 ? "nyt svar venter" : "nye svar venter"} — tallene opdateres, når det kan ske uden at afsløre nogen.`
      : `${p.waiting} new ${p.waiting === 1 ? "answer is" : "answers are"} waiting — the figures are updated when that can happen without revealing anyone.`}</p>`;
  }
  if (p.published > 1) {
    return html`<p class="notice" role="status">${da ? `Tallene er opdateret og bygger nu på ${p.respondents.length} svar.` : `The figures have been updated and now rest on ${p.respondents.length} answers.`}</p>`;
  }
  return html``;
}

export type Sessions = { inProgress: number; notChosen: number; open: { respondent: string; level: string | null; page: number; pages: number }[] };

/**
 * Participation as the room may see it: the total now; per level in steps of k answers (so a change
 * never says which level the latest answer came from); with a headcount "12 af 14 har svaret".
 */
export function participationBlock(c: { lang: Lang; q: Questionnaire; k: number }, view: RoomView, expected: Record<string, number> | undefined, sessions: Sessions | undefined): Html {
  const da = c.lang === "da";
  const total = expected ? Object.values(expected).reduce((a, b) => a + b, 0) : undefined;
  const perLevel = view.participation.map((p) => {
    const of = expected?.[p.level];
    return html`<li>${p.label}: <strong>${p.n}</strong>${of !== undefined ? html` ${da ? "af" : "of"} ${of}` : ""}</li>`;
  });
  return html`<p class="count"><strong>${view.respondents}</strong>${total !== undefined ? html` ${da ? "af" : "of"} ${total}` : ""} ${da ? "har svaret" : "have answered"}${sessions ? html` · ${sessions.inProgress + sessions.notChosen} ${da ? "i gang" : "in progress"}` : ""}</p>
<p class="small">${da
    ? `Pr. niveau (tallene flyttes først, når mindst ${c.k} flere har svaret${expected ? " eller alle forventede har svaret" : ""}, så de aldrig viser, hvilket niveau det seneste svar kom fra; her ved ${view.participationAt ?? 0} svar). Et afsløret elements tal kan bygge på færre svar: de står fast, til de kan opdateres uden at afsløre nogen, og elementet siger, hvor mange de bygger på:`
    : `Per level (the counts move only once at least ${c.k} more have answered${expected ? " or everyone expected has answered" : ""}, so they never show which level the latest answer came from; here at ${view.participationAt ?? 0} answers). A revealed element's figures may rest on fewer answers: they stay fixed until they can be updated without exposing anyone, and the element says how many they rest on:`}</p>
<ul class="levels-count">${perLevel}</ul>
${expected ? "" : html`<p class="notice">${da
    ? "Der er ikke angivet et forventet antal deltagere pr. niveau. Alle med adressen kan svare — også mere end én gang. Angiv antallet nedenfor, så et fyldt niveau ikke tager imod flere."
    : "No expected number of participants per level is set. Anyone with the address can answer — more than once, too. Set the numbers below so that a full level takes no more."}</p>`}`;
}

/** The form for the headcount and the list of unfinished sessions the facilitator may release. */
export function sessionsForm(c: { lang: Lang; q: Questionnaire; base: string }, expected: Record<string, number> | undefined, sessions: Sessions): Html {
  const da = c.lang === "da";
  return html`<p class="count"><strong>${sessions.inProgress + sessions.notChosen}</strong> ${da ? "i gang" : "in progress"}</p>
<form method="post" action="${c.base}/deltagere" class="headcount"><fieldset><legend>${da ? "Forventet antal deltagere pr. niveau" : "Expected participants per level"}</legend>
${c.q.levels.map((l) => html`<label>${labelOf(l, c.lang)} <input type="number" min="0" max="10000" name="n-${l.id}" value="${expected?.[l.id] ?? ""}"></label> `)}
<button type="submit">${da ? "Gem antal" : "Save the numbers"}</button></fieldset></form>
<details><summary>${da ? `Ufærdige sessioner (${sessions.open.length})` : `Unfinished sessions (${sessions.open.length})`}</summary>
<p class="small">${da ? "Frigiv en session, som ingen bruger længere (fx en lukket telefon), så pladsen på niveauet bliver fri. Svarene i den slettes." : "Release a session nobody uses any more (e.g. a closed phone) so its place on the level is free. Its answers are deleted."}</p>
<ul>${sessions.open.map((s) => html`<li>${s.level ? labelOf(c.q.levels.find((l) => l.id === s.level) ?? { id: s.level, label: s.level }, c.lang) : da ? "intet niveau endnu" : "no level yet"}, ${da ? "side" : "page"} ${s.page} ${da ? "af" : "of"} ${s.pages} <form method="post" action="${c.base}/frigiv" class="inline"><input type="hidden" name="session" value="${s.respondent}"><button type="submit">${da ? "Frigiv" : "Release"}</button></form></li>`)}</ul>
${sessions.open.length > 0 ? html`<form method="post" action="${c.base}/frigiv"><input type="hidden" name="session" value="alle"><button type="submit">${da ? "Ryd alle ufærdige sessioner" : "Clear every unfinished session"}</button></form>` : ""}
</details>`;
}

/** A level whose expected count is reached: no progress is kept, no row will be written. */
export function levelFullPage(c: PageContext, level: string): ReturnType<typeof layout> {
  const da = c.lang === "da";
  const heading = da ? "Niveauet er fuldt" : "The level is full";
  const text = da
    ? `Alle de forventede deltagere på niveauet ${level} har allerede svaret eller er i gang. Tal med facilitatoren, hvis du hører til her — så kan der gives plads.`
    : `Every expected participant at the level ${level} has already answered or started. Talk to the facilitator if you belong here — they can make room.`;
  return layout(c.lang, heading, c.base, html`<h1>${heading}</h1><p>${text}</p><p><a href="${c.base}/niveau">${da ? "Tilbage til valget af niveau" : "Back to choosing the level"}</a></p>`, c.title);
}

/** A write that failed (full disk, a lock not obtained): the answers are in fremdrift/, a retry completes the row. */
export function submitLaterPage(c: PageContext, saved: boolean): ReturnType<typeof layout> {
  const da = c.lang === "da";
  const heading = da ? "Dit svar er ikke indsendt endnu" : "Your answer is not submitted yet";
  const text = saved
    ? da ? "Dine svar er gemt på computeren; tryk Indsend igen om lidt." : "Your answers are saved on the computer; press Submit again in a moment."
    : da ? "Computeren kunne ikke gemme lige nu. Dine svar på de tidligere sider er gemt; gå tilbage, og tryk Indsend igen om lidt." : "The computer could not save just now. Your answers on the earlier pages are saved; go back and press Submit again in a moment.";
  return layout(c.lang, heading, c.base, html`<h1>${heading}</h1><p>${text}</p>
<form method="post" action="${c.base}/indsend"><button type="submit" name="handling" value="indsend">${da ? "Indsend" : "Submit"}</button></form>`, c.title);
}
