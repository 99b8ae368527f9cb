import { html } from "hono/html";
import type { ElementPage } from "../../../core/workshop/participant.ts";
import { layout } from "./layout.ts";
import type { PageContext } from "./participant.ts";

/** A second round: the one element again, the same radio groups, no answers filled in (a fresh vote). */
export function revotePage(c: PageContext, page: ElementPage, round: number) {
  const da = c.lang === "da";
  const body = html`<p class="progress">${da ? `Runde ${round}` : `Round ${round}`}</p>
<h1>${page.label}</h1>
<p class="lead">${da ? "Efter drøftelsen: svar igen på dette element. Dit første svar bliver stående; rummet ser kun de samlede tal." : "After the discussion: answer this element again. Your first answer stays; the room sees only the figures for groups."}</p>
<form method="post" action="${c.base}/runde">
${page.items.map(({ item, text, choices }) => html`<fieldset>
<legend>${text}</legend>
${choices.map((choice) => {
    const id = `${item.id}-${choice.value}`;
    return html`<div class="radio${choice.value === "ved_ikke" ? " dontknow" : ""}"><input type="radio" id="${id}" name="${item.id}" value="${String(choice.value)}"><label for="${id}">${choice.label}</label></div>`;
  })}
</fieldset>`)}
<div class="buttons"><button type="submit" name="handling" value="indsend" class="primary">${da ? "Indsend" : "Submit"}</button></div>
</form>`;
  return layout(c.lang, `${page.label} — ${da ? `runde ${round}` : `round ${round}`}`, c.base, body, c.title);
}
