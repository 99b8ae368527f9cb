import type { Context, Hono } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { allItems, labelOf, presentedTo } from "../../core/questionnaire/levels.ts";
import { buildRespondentResult } from "../../core/conduct/result.ts";
import { compileScoring, scoreAnswers } from "../../core/scoring/scoring.ts";
import { applyElementPage, elementPages, startProgress, unansweredOn, type ParticipantProgress } from "../../core/workshop/participant.ts";
import type { AppOptions, Serial } from "./contracts.ts";
import { elementPage, levelPage, messagePage, welcomePage, type PageContext } from "./pages/participant.ts";
import { levelFullPage, submitLaterPage } from "./pages/room-notices.ts";
import { resultPage } from "./pages/result.ts";
import { revoteRoutes } from "./revote-routes.ts";
import { newToken, pseudonymOf, TOKEN_PATTERN } from "./security.ts";

const COOKIE = "deltager";

/**
 * The participant's walk: welcome → level → one page per element → result. Every post is saved before the
 * redirect (post/redirect/get), so a reload never posts twice and a closed tab resumes at the saved page.
 */
export function participantRoutes(app: Hono, o: AppOptions, ctx: () => PageContext, serial: Serial): void {
  const { q, store } = o;
  const base = `/${o.access.join}`;
  const lang = o.workshop.language;
  const known = new Set(o.known);
  const pagesFor = (level: string) => elementPages(q, level, lang);
  const where = (p: ParticipantProgress) =>
    p.submitted_at ? `${base}/resultat` : p.level === null || p.page === 0 ? `${base}/niveau` : `${base}/side/${Math.min(p.page, pagesFor(p.level).length)}`;
  /** The workshop's date only: nothing kept says at what time of day anyone started or answered (SPEC §6.1). */
  const today = () => o.now().slice(0, 10);
  /**
   * The participant behind the cookie. Start only hands out the cookie; the progress file is made when
   * a level is chosen, so sessions that never got past the welcome page take no place (SPEC §6.1).
   */
  const participant = async (c: Context) => {
    const token = getCookie(c, COOKIE);
    if (!token || !TOKEN_PATTERN.test(token)) return undefined;
    return (await store.load(pseudonymOf(token))) ?? startProgress(pseudonymOf(token), o.hash, today());
  };
  const form = async (c: Context): Promise<Record<string, string>> => {
    const body = await c.req.parseBody();
    return Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === "string"));
  };
  const html = (c: Context, page: ReturnType<typeof welcomePage>, status = 200) => c.html(page, status as 200);

  const welcome = async (c: Context) => {
    const p = await participant(c);
    return p ? c.redirect(where(p), 303) : html(c, welcomePage(ctx(), "10-15"));
  };
  app.get(base, welcome);
  app.get(`${base}/`, welcome);

  app.post(`${base}/start`, async (c) => {
    const p = await participant(c);
    if (p) return c.redirect(where(p), 303);
    setCookie(c, COOKIE, newToken(), { path: base, httpOnly: true, sameSite: "Strict", maxAge: 7 * 24 * 3600 });
    return c.redirect(`${base}/niveau`, 303);
  });

  app.get(`${base}/niveau`, async (c) => {
    const p = await participant(c);
    if (!p || p.submitted_at) return c.redirect(p ? where(p) : base, 303);
    return html(c, levelPage(ctx(), p.level, p.level ? pagesFor(p.level).length : maxPages()));
  });
  const maxPages = () => Math.max(...q.levels.map((l) => pagesFor(l.id).length));

  app.post(`${base}/niveau`, async (c) => {
    const first = await participant(c);
    if (!first) return c.redirect(base, 303);
    const chosen = (await form(c)).niveau;
    // One level choice at a time across participants: the counts below must not race.
    return serial("niveau", async () => {
      const saved = await store.load(first.respondent_id);
      const p = saved ?? first;
      if (p.submitted_at) return c.redirect(where(p), 303);
      const level = q.levels.find((l) => l.id === chosen);
      if (!level) {
        return html(c, levelPage(ctx(), p.level, maxPages(), true), 400);
      }
      known.clear();
      const open = (await store.participants()).filter((x) => !x.submitted_at && x.respondent_id !== p.respondent_id);
      for (const x of open) known.add(x.respondent_id);
      if (!saved && known.size >= o.workshop.maxParticipants) {
        return html(c, messagePage(ctx(), lang === "da" ? "Workshoppen er fuld" : "The workshop is full", lang === "da"
          ? `Der er plads til ${o.workshop.maxParticipants} deltagere ad gangen, og de er alle i gang. Sig det til facilitatoren.`
          : `There is room for ${o.workshop.maxParticipants} participants at a time, and all have started. Tell the facilitator.`), 503);
      }
      const expected = o.headcount?.get()?.[level.id];
      if (expected !== undefined && p.level !== level.id) {
        const finished = (await store.finished()).filter((r) => r.level === level.id).length;
        const started = open.filter((x) => x.level === level.id).length;
        if (finished + started >= expected) return html(c, levelFullPage(ctx(), labelOf(level, lang)), 409);
      }
      // Answers to items the new level is not asked would be scored for the wrong level: drop them.
      const answers = Object.fromEntries(Object.entries(p.answers).filter(([id]) => allItems(q).some((i) => i.id === id && presentedTo(i, level.id))));
      const next = { ...p, level: level.id, page: 1, answers };
      await store.save(next);
      return c.redirect(where(next), 303);
    });
  });

  app.get(`${base}/side/:n{[0-9]{1,3}}`, async (c) => {
    const p = await participant(c);
    if (!p || p.submitted_at || p.level === null) return c.redirect(p ? where(p) : base, 303);
    const pages = pagesFor(p.level);
    const page = pages[Number(c.req.param("n")) - 1];
    const missing = page && c.req.query("mangler") !== undefined ? unansweredOn(page, p) : [];
    return page ? html(c, elementPage(ctx(), page, pages.length, p, missing)) : c.text("Not Found", 404);
  });

  app.post(`${base}/side/:n{[0-9]{1,3}}`, async (c) => {
    const first = await participant(c);
    if (!first) return c.redirect(base, 303);
    const posted = await form(c);
    return serial(first.respondent_id, async () => {
      const p = (await store.load(first.respondent_id)) ?? first;
      if (p.submitted_at || p.level === null) return c.redirect(where(p), 303);
      const pages = pagesFor(p.level);
      const n = Number(c.req.param("n"));
      const page = pages[n - 1];
      if (!page) return c.text("Not Found", 404);
      const applied = applyElementPage(q, p, page, posted);
      if (!applied) {
        return html(c, messagePage(ctx(), lang === "da" ? "Ugyldigt svar" : "Invalid answer", lang === "da"
          ? "Et svar var ikke et af valgene på siden. Gå tilbage, og vælg igen."
          : "An answer was not one of the choices on the page. Go back and choose again."), 400);
      }
      const action = posted.handling;
      // Answering stays optional: the page (it posts `tjek`) asks once; "fortsaet" is the answer "yes, go on".
      if (posted.tjek === "1" && (action === "naeste" || action === "indsend") && unansweredOn(page, applied).length > 0) {
        await store.save({ ...applied, page: n });
        return c.redirect(`${base}/side/${n}?mangler`, 303);
      }
      const next = { ...applied, page: action === "tilbage" ? n - 1 : Math.min(n + 1, pages.length) };
      if ((action === "indsend" || action === "fortsaet") && n === pages.length) return submit(c, { ...applied, page: n });
      await store.save(next);
      return c.redirect(next.page === 0 ? `${base}/niveau` : `${base}/side/${next.page}`, 303);
    });
  });

  /**
   * The last page is saved before the row is written, so a failed write (a full disk, a lock not had
   * in time) loses nothing: the participant is told in words, and pressing Indsend again completes it.
   */
  const submit = async (c: Context, last: ParticipantProgress) => {
    try {
      await store.save(last);
    } catch (err) {
      console.error(err);
      return html(c, submitLaterPage(ctx(), false), 503);
    }
    try {
      await store.submit(last);
      const done = { ...last, submitted_at: today() };
      await store.save(done);
      return c.redirect(where(done), 303);
    } catch (err) {
      console.error(err);
      return html(c, submitLaterPage(ctx(), true), 503);
    }
  };
  app.post(`${base}/indsend`, async (c) => {
    const first = await participant(c);
    if (!first) return c.redirect(base, 303);
    return serial(first.respondent_id, async () => {
      const p = await store.load(first.respondent_id);
      if (!p || p.submitted_at || p.level === null || p.page !== pagesFor(p.level).length) return c.redirect(p ? where(p) : base, 303);
      return submit(c, p);
    });
  });

  // Issue 12: a finished participant is sent to the re-vote while one is open for them.
  revoteRoutes(app, o, ctx, serial, participant);
  app.get(`${base}/resultat`, async (c) => {
    const p = await participant(c);
    if (!p || !p.submitted_at || p.level === null) return c.redirect(p ? where(p) : base, 303);
    const open = await o.room.openRevote();
    if (open) {
      const asked = elementPages(q, p.level, lang).some((x) => x.element.id === open.element);
      if (asked && !(await o.room.hasRevoted(open.element, open.round, p.respondent_id))) return c.redirect(`${base}/runde`, 303);
    }
    const scores = scoreAnswers(compileScoring(q), p.level, p.answers);
    const result = buildRespondentResult(q, p.level, scores, lang, o.practice);
    const level = q.levels.find((l) => l.id === p.level)!;
    const rated = q.levels.find((l) => l.id === level.rates);
    return html(c, resultPage(ctx(), result, labelOf(level, lang), rated && labelOf(rated, lang)));
  });
}
