import { html } from "hono/html";
import { descriptionOf, labelOf, titleOf } from "../../../core/questionnaire/levels.ts";
import type { Level, Questionnaire } from "../../../core/questionnaire/questionnaire.ts";
import type { Lang } from "../../../core/text.ts";
import type { ElementPage, PageItem, ParticipantProgress } from "../../../core/workshop/participant.ts";
import { buttons, layout } from "./layout.ts";

export type PageContext = { lang: Lang; base: string; title: string; q: Questionnaire; k: number };

const da = (c: PageContext) => c.lang === "da";

export function welcomePage(c: PageContext, minutes: string) {
  const body = html`<h1>${titleOf(c.q, c.lang)}</h1>
<p class="lead">${da(c) ? `Velkommen til workshoppen "${c.title}".` : `Welcome to the workshop "${c.title}".`}</p>
<p>${da(c)
    ? `Du svarer på spørgsmål om faglig ledelse på dit eget ledelsesniveau, ét element ad gangen. Det tager ${minutes} minutter, og du kan gå tilbage og rette undervejs.`
    : `You answer questions about professional leadership at your own level of leadership, one element at a time. It takes ${minutes} minutes, and you can go back and change answers on the way.`}</p>
<ul>
<li>${da(c) ? "Dine svar bliver på konsulentens computer. Intet sendes på internettet." : "Your answers stay on the consultant's computer. Nothing is sent over the internet."}</li>
<li>${da(c) ? `I rummet vises svar kun samlet for grupper på mindst ${c.k} personer.` : `In the room, answers are only shown for groups of at least ${c.k} people.`}</li>
<li>${da(c) ? "Du skal ikke skrive dit navn. Lukker du siden, kan du fortsætte, hvor du var." : "You are not asked for your name. If you close the page, you can carry on where you were."}</li>
</ul>
<form method="post" action="${c.base}/start">${buttons(c.lang, "start", false)}</form>`;
  return layout(c.lang, titleOf(c.q, c.lang), c.base, body, c.title);
}

/** The "(spejl)" tag helps the reports tell the mirror apart; on the phone the respondent needs to be told what they do. */
const MIRROR_TAG = /\s*\((spejl|mirror)\)\s*$/i;

/** A level as a choice on the phone: its label, and for a mirror level (`rates`) a plain line saying whom they rate. */
export function levelChoice(level: Level, lang: Lang): { name: string; plain: string | undefined } {
  if (level.rates === undefined) return { name: labelOf(level, lang), plain: undefined };
  return { name: labelOf(level, lang).replace(MIRROR_TAG, ""), plain: lang === "da" ? "du vurderer din nærmeste leder" : "you rate your nearest leader" };
}

/** The level page fits about one phone screen: each level's description waits behind a native "Læs mere". */
export function levelPage(c: PageContext, chosen: string | null, pages: number, error = false) {
  const legend = da(c) ? "Hvilket ledelsesniveau er du på?" : "Which level of leadership are you at?";
  const problem = da(c) ? "Vælg dit ledelsesniveau for at fortsætte." : "Choose your level of leadership to continue.";
  const body = html`${error ? html`<div class="error" role="alert"><h2>${da(c) ? "Der er et problem" : "There is a problem"}</h2><p>${problem}</p></div>` : ""}<p class="progress">${da(c) ? `Derefter ${pages} sider med spørgsmål` : `Then ${pages} pages of questions`}</p>
<form method="post" action="${c.base}/niveau">
<fieldset class="levels">
<legend><h1>${legend}</h1></legend>
${c.q.levels.map((level) => {
    const description = descriptionOf(level, c.lang);
    const { name, plain } = levelChoice(level, c.lang);
    const id = `niveau-${level.id}`;
    return html`<div class="level"><div class="radio"><input type="radio" id="${id}" name="niveau" value="${level.id}"${chosen === level.id ? html` checked` : ""}><label for="${id}">${name}${plain ? html`<span class="plain"> — ${plain}</span>` : ""}</label></div>
${description ? html`<details class="more"><summary>${da(c) ? "Læs mere" : "Read more"}<span class="visually-hidden">${da(c) ? ` om ${name}` : ` about ${name}`}</span></summary><p>${description}</p></details>` : ""}</div>`;
  })}
</fieldset>
${buttons(c.lang, "naeste", false)}
</form>`;
  return layout(c.lang, error ? `${da(c) ? "Fejl" : "Error"}: ${legend}` : legend, c.base, body, c.title);
}

/** The gentle prompt: answering stays optional, so the page only asks once and offers to go on without. */
function unansweredNotice(c: PageContext, missing: PageItem[], formId: string) {
  const n = missing.length;
  const what = da(c) ? `${n} ${n === 1 ? "udsagn" : "udsagn"}` : `${n} ${n === 1 ? "statement" : "statements"}`;
  return html`<div class="notice" role="alert" aria-labelledby="mangler-titel">
<h2 id="mangler-titel">${da(c) ? `Du har ikke svaret på ${what} — fortsæt alligevel?` : `You have not answered ${what} — continue anyway?`}</h2>
<p>${da(c) ? "Det er frivilligt at svare. Du kan svare nedenfor eller fortsætte uden." : "Answering is optional. You can answer below or continue without."}</p>
<ul>${missing.map(({ item, text }) => html`<li><a href="#udsagn-${item.id}">${text}</a></li>`)}</ul>
<button type="submit" form="${formId}" name="handling" value="fortsaet" class="secondary">${da(c) ? "Fortsæt alligevel" : "Continue anyway"}</button>
</div>`;
}

/** One element's statements; `missing` (after a Næste with statements unanswered) puts the gentle prompt on top. */
export function elementPage(c: PageContext, page: ElementPage, total: number, progress: ParticipantProgress, missing: PageItem[] = []) {
  const formId = "svar";
  const body = html`${missing.length > 0 ? unansweredNotice(c, missing, formId) : ""}<p class="progress">${da(c) ? `Side ${page.number} af ${total}` : `Page ${page.number} of ${total}`}</p>
<h1>${page.label}</h1>
${page.description ? html`<p>${page.description}</p>` : ""}
<form method="post" action="${c.base}/side/${page.number}" id="${formId}">
<input type="hidden" name="tjek" value="1">
${page.items.map(({ item, text, choices }) => html`<fieldset id="udsagn-${item.id}">
<legend>${text}</legend>
${choices.map((choice) => {
    const id = `${item.id}-${choice.value}`;
    const checked = progress.answers[item.id] === choice.value;
    return html`<div class="radio${choice.value === "ved_ikke" ? " dontknow" : ""}"><input type="radio" id="${id}" name="${item.id}" value="${String(choice.value)}"${checked ? html` checked` : ""}><label for="${id}">${choice.label}</label></div>`;
  })}
</fieldset>`)}
<label class="block" for="kommentar">${da(c) ? `Kommentar til ${page.label} (valgfri)` : `Comment on ${page.label} (optional)`}</label>
<textarea id="kommentar" name="kommentar" maxlength="2000" rows="4">${progress.comments[page.element.id] ?? ""}</textarea>
${buttons(c.lang, page.number === total ? "indsend" : "naeste", true)}
</form>`;
  const title = `${page.label} — ${da(c) ? `side ${page.number} af ${total}` : `page ${page.number} of ${total}`}`;
  return layout(c.lang, missing.length > 0 ? `${da(c) ? "Ubesvarede udsagn" : "Unanswered statements"}: ${title}` : title, c.base, body, c.title);
}

/** A plain page for the exceptional: the workshop is full, a value off the scale, the server is stopping. */
export function messagePage(c: PageContext, heading: string, text: string) {
  return layout(c.lang, heading, c.base, html`<h1>${heading}</h1><p>${text}</p>`, c.title);
}
