import type { Context, Hono } from "hono";
import { applyElementPage, elementPages, type ParticipantProgress } from "../../core/workshop/participant.ts";
import type { AppOptions, Serial } from "./contracts.ts";
import { messagePage, type PageContext } from "./pages/participant.ts";
import { revotePage } from "./pages/revote.ts";

/**
 * The second round for participants: once the facilitator opens it, a finished participant's
 * address shows the element once more; the answer goes to runder/, never to besvarelser.csv.
 */
export function revoteRoutes(app: Hono, o: AppOptions, ctx: () => PageContext, serial: Serial, participant: (c: Context) => Promise<ParticipantProgress | undefined>): void {
  const base = `/${o.access.join}`;
  const lang = o.workshop.language;
  const da = lang === "da";
  /** The open re-vote's page for this participant, when they finished and have not voted in it yet. */
  const pending = async (p: ParticipantProgress | undefined) => {
    if (!p?.submitted_at || p.level === null) return undefined;
    const open = await o.room.openRevote();
    if (!open) return undefined;
    const page = elementPages(o.q, p.level, lang).find((x) => x.element.id === open.element);
    if (!page || (await o.room.hasRevoted(open.element, open.round, p.respondent_id))) return undefined;
    return { ...open, page };
  };
  app.get(`${base}/runde`, async (c) => {
    const p = await participant(c);
    const next = await pending(p);
    if (!next) return c.redirect(p ? `${base}/resultat` : base, 303);
    return c.html(revotePage(ctx(), next.page, next.round));
  });
  app.post(`${base}/runde`, async (c) => {
    const first = await participant(c);
    if (!first) return c.redirect(base, 303);
    const body = await c.req.parseBody();
    const posted = Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === "string"));
    return serial(first.respondent_id, async () => {
      const next = await pending(first);
      if (!next) return c.redirect(`${base}/resultat`, 303);
      const applied = applyElementPage(o.q, { ...first, answers: {}, comments: {} }, next.page, posted);
      if (!applied) return c.html(messagePage(ctx(), da ? "Ugyldigt svar" : "Invalid answer", da ? "Et svar var ikke et af valgene. Gå tilbage, og vælg igen." : "An answer was not one of the choices. Go back and choose again."), 400);
      await o.room.revote(next.element, next.round, { respondent: first.respondent_id, level: first.level!, answers: applied.answers, at: o.now() });
      return c.html(messagePage(ctx(), da ? "Tak for dit svar" : "Thank you", da ? `Dit svar i runde ${next.round} er med. Du kan lukke siden.` : `Your answer in round ${next.round} is counted. You can close the page.`));
    });
  });
}
