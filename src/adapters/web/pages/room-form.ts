import { html } from "hono/html";
import type { Action, ElementConsensus } from "../../../core/workshop/consensus.ts";
import type { Html } from "./layout.ts";
import type { RoomPageContext } from "./room-context.ts";

/** A form being shown again: what was typed, and what is wrong with it (field id → message). */
export type FormState = { saved?: boolean; values?: Record<string, string>; errors?: { field: string; message: string }[] };

/** Empty action rows offered below the saved ones, so two new actions can be typed without a round trip. */
export const SPARE_ACTIONS = 2;
export const ACTION_FIELDS = ["what", "who", "when", "success"] as const;

const lines = (list: readonly string[] | undefined) => (list ?? []).join("\n");

/** The form's values from a saved agreement (or nothing yet). */
export function valuesOf(agreed: ElementConsensus | undefined): Record<string, string> {
  const out: Record<string, string> = {
    score: agreed ? String(agreed.score) : "",
    rationale: agreed?.rationale ?? "",
    dissent: agreed?.dissent ?? "",
    strengths: lines(agreed?.strengths),
    improvements: lines(agreed?.improvements),
  };
  (agreed?.actions ?? []).forEach((a: Action, i) => ACTION_FIELDS.forEach((f) => (out[`action-${i}-${f}`] = a[f])));
  return out;
}

export const actionRows = (values: Record<string, string>): number => {
  let n = 0;
  while (ACTION_FIELDS.some((f) => values[`action-${n}-${f}`] !== undefined)) n++;
  return n;
};

/** The consensus typed in during the discussion; a plain form, saved at once on "Gem" (post/redirect/get). */
export function consensusForm(c: RoomPageContext, href: string, agreed: ElementConsensus | undefined, form: FormState, round: number): Html {
  const da = c.lang === "da";
  const values = form.values ?? valuesOf(agreed);
  const errors = form.errors ?? [];
  const errorOf = (field: string) => errors.find((e) => e.field === field);
  const described = (field: string) => (errorOf(field) ? html` aria-invalid="true" aria-describedby="${field}-fejl"` : "");
  const errorText = (field: string) => (errorOf(field) ? html`<p class="field-error" id="${field}-fejl">${errorOf(field)!.message}</p>` : "");
  const { min, max } = c.q.scale;
  const scores: number[] = [];
  for (let s = min; s <= max; s += 0.5) scores.push(s);
  const text = (field: string, label: string, hint?: string, rows = 3) => html`<label class="block" for="${field}">${label}</label>${hint ? html`<p class="hint" id="${field}-hint">${hint}</p>` : ""}${errorText(field)}<textarea id="${field}" name="${field}" rows="${rows}"${described(field)}>${values[field] ?? ""}</textarea>`;
  const rows = Math.max(actionRows(values), agreed?.actions.length ?? 0) + (form.values ? 0 : SPARE_ACTIONS);
  const fieldLabel = { what: da ? "Hvad" : "What", who: da ? "Hvem" : "Who", when: da ? "Hvornår (dato)" : "When (date)", success: da ? "Succeskriterium" : "Success criterion" };
  const action = (i: number) => html`<fieldset class="action"><legend>${da ? `Handling ${i + 1}` : `Action ${i + 1}`}</legend>
${ACTION_FIELDS.map((f) => {
    const id = `action-${i}-${f}`;
    return html`<label class="block" for="${id}">${fieldLabel[f]}</label>${errorText(id)}<input id="${id}" name="${id}" ${f === "when" ? html`type="date"` : html`type="text"`} value="${values[id] ?? ""}"${described(id)}>`;
  })}</fieldset>`;
  return html`${form.saved ? html`<p class="saved" role="status">${da ? "Gemt i konsensus.yaml og handleplan.csv." : "Saved to konsensus.yaml and handleplan.csv."}</p>` : ""}
${errors.length > 0 ? html`<div class="error" role="alert"><h3>${da ? "Konsensus er ikke gemt" : "The consensus is not saved"}</h3><ul>${errors.map((e) => html`<li><a href="#${e.field}">${e.message}</a></li>`)}</ul></div>` : ""}
${agreed?.rounds.length ? html`<p class="rounds">${agreed.rounds.map((r, i) => html`${i > 0 ? " · " : ""}${da ? "Runde" : "Round"} ${r.round}: n ${r.n}${r.mean !== null ? html`, ${da ? "gns." : "mean"} ${String(r.mean).replace(".", da ? "," : ".")}` : ""}${r.sd !== null ? html`, sd ${String(r.sd).replace(".", da ? "," : ".")}` : ""}`)}</p>` : ""}
<form method="post" action="${href}/konsensus" class="consensus-form">
<label class="block" for="score">${da ? `Aftalt score (${min}-${max})` : `Agreed score (${min}-${max})`}</label>${errorText("score")}
<select id="score" name="score"${described("score")}><option value="">${da ? "Vælg" : "Choose"}</option>${scores.map((s) => html`<option value="${s}"${values.score === String(s) ? " selected" : ""}>${String(s).replace(".", da ? "," : ".")}</option>`)}</select>
${text("rationale", da ? "Begrundelse" : "Rationale")}
${text("dissent", da ? "Afvigende synspunkter (valgfrit)" : "Dissent (optional)", undefined, 2)}
${text("strengths", da ? "Styrker" : "Strengths", da ? "Én pr. linje" : "One per line")}
${text("improvements", da ? "Forbedringsområder" : "Areas for improvement", da ? "Én pr. linje" : "One per line")}
${Array.from({ length: rows }, (_, i) => action(i))}
<div class="buttons"><button type="submit" class="primary">${da ? "Gem konsensus" : "Save the consensus"}</button></div>
</form>
<form method="post" action="${href}/runde" class="next-round"><button type="submit" class="secondary">${da ? `Start runde ${round + 1} (ny afstemning)` : `Start round ${round + 1} (re-vote)`}</button></form>`;
}
