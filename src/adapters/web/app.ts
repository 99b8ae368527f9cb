// Room adapters/web/ — the workshop's local web server (hono): the app, its contracts, participant, re-vote and room routes, security headers, and the pages.
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { createHash } from "node:crypto";
import { elementPages } from "../../core/workshop/participant.ts";
import { ICON, STYLE } from "./pages/layout.ts";
import type { PageContext } from "./pages/participant.ts";
import { sessionsForm, type Sessions } from "./pages/room-notices.ts";
import { participantRoutes } from "./participant-routes.ts";
import { roomRoutes } from "./room-routes.ts";
import { screenRoutes } from "./screen-routes.ts";
import type { AppOptions } from "./contracts.ts";
import { CONTENT_SECURITY_POLICY, FACILITATOR_CSP, LIMITS, newSecret, sameOriginPost } from "./security.ts";

export function createApp(o: AppOptions) {
  const { q, store } = o;
  const base = `/${o.access.join}`;
  const facilitator = `/f/${o.access.secret}`;
  const screen = `/s/${o.access.screen}`;
  /** The screen's address as the room's machines reach it (the participants' host), for the facilitator to open on the projector. */
  const screenUrl = () => {
    const joinUrl = o.participantUrl();
    return joinUrl ? `${new URL(joinUrl).origin}${screen}` : screen;
  };
  const lang = o.workshop.language;
  const ctx = (b = base): PageContext => ({ lang, base: b, title: o.workshop.title, q, k: o.workshop.k });
  const inflight = new Set<Promise<unknown>>();
  const queues = new Map<string, Promise<unknown>>();
  /** One participant's requests one at a time (a double-tapped Indsend must not append twice). */
  const serial = <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const next = (queues.get(key) ?? Promise.resolve()).then(work, work);
    queues.set(key, next.catch(() => undefined));
    return next;
  };

  const app = new Hono();
  app.use("*", async (c, next) => {
    const done = next();
    inflight.add(done);
    try {
      await done;
    } finally {
      inflight.delete(done);
    }
    // Only the facilitator's pages and the screen run a script (their own); participants' pages run none.
    const scripted = [facilitator, screen].some((p) => c.req.path === p || c.req.path.startsWith(`${p}/`));
    c.header("Content-Security-Policy", scripted ? FACILITATOR_CSP : CONTENT_SECURITY_POLICY);
    c.header("X-Content-Type-Options", "nosniff");
    // same-origin: our own posts carry their real Origin on a LAN address (SPEC §6.1); other sites get no referrer.
    c.header("Referrer-Policy", "same-origin");
    c.header("X-Frame-Options", "DENY");
    c.header("Cache-Control", "no-store");
  });
  app.use("*", bodyLimit({ maxSize: LIMITS.bodyBytes, onError: (c) => c.text("Payload Too Large", 413) }));
  app.use("*", async (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const h = (name: string) => c.req.header(name);
    if (!sameOriginPost({ origin: h("origin"), referer: h("referer"), host: h("host") ?? new URL(c.req.url).host, fetchSite: h("sec-fetch-site") })) return c.text("Forbidden", 403);
    return next();
  });
  app.notFound((c) => c.text("Not Found", 404));
  app.onError((err, c) => {
    console.error(err);
    return c.text("Internal Server Error", 500);
  });

  const css = (c: Context) => c.body(STYLE, 200, { "Content-Type": "text/css; charset=utf-8" });
  app.get(`${base}/style.css`, css);
  app.get(`${facilitator}/style.css`, css);
  const icon = (c: Context) => c.body(ICON, 200, { "Content-Type": "image/svg+xml" });
  app.get(`${base}/icon.svg`, icon);
  app.get(`${facilitator}/icon.svg`, icon);

  participantRoutes(app, o, ctx, serial);

  // Sessions are named on the facilitator's page by a handle, never by the pseudonym in the rows.
  const salt = newSecret();
  const handleOf = (respondent: string) => createHash("sha256").update(`${salt}:${respondent}`).digest("hex").slice(0, 16);
  const counts = async () => {
    const open = (await store.participants()).filter((p) => !p.submitted_at);
    const pages = (level: string | null) => (level ? elementPages(q, level, lang).length : 0);
    const sessions: Sessions = {
      inProgress: open.filter((p) => p.level !== null).length,
      notChosen: open.filter((p) => p.level === null).length,
      open: open.map((p) => ({ respondent: handleOf(p.respondent_id), level: p.level, page: p.page, pages: pages(p.level) })).sort((a, b) => a.respondent.localeCompare(b.respondent)),
    };
    return sessionsForm({ lang, q, base: facilitator }, o.headcount?.get(), sessions);
  };
  const fields = async (c: Context) => Object.fromEntries(Object.entries(await c.req.parseBody()).filter((e): e is [string, string] => typeof e[1] === "string"));
  app.post(`${facilitator}/frigiv`, async (c) => {
    const which = (await fields(c)).session;
    await serial("niveau", async () => {
      for (const p of (await store.participants()).filter((x) => !x.submitted_at)) {
        if (which === "alle" || handleOf(p.respondent_id) === which) await store.remove(p.respondent_id);
      }
    });
    return c.redirect(facilitator, 303);
  });
  app.post(`${facilitator}/deltagere`, async (c) => {
    const form = await fields(c);
    const expected: Record<string, number> = {};
    for (const l of q.levels) {
      const raw = (form[`n-${l.id}`] ?? "").trim();
      if (/^\d{1,5}$/.test(raw)) expected[l.id] = Number(raw);
    }
    await serial("niveau", () => o.headcount!.set(Object.keys(expected).length > 0 ? expected : undefined));
    return c.redirect(facilitator, 303);
  });
  roomRoutes(app, facilitator, {
    room: o.room,
    merges: o.merges ?? [],
    counts,
    now: o.now,
    page: () => ({ q, lang, k: o.workshop.k, base: facilitator, title: o.workshop.title, participantUrl: o.participantUrl(), screenUrl: screenUrl(), expected: o.headcount?.get() }),
  }, serial);
  screenRoutes(app, screen, {
    room: o.room,
    merges: o.merges ?? [],
    page: () => ({ q, lang, k: o.workshop.k, title: o.workshop.title, participantUrl: o.participantUrl(), screenUrl: "", expected: o.headcount?.get() }),
  });

  /** Resolves once every request under way has finished its writes (for a clean Ctrl-C). */
  const drain = async () => {
    while (inflight.size > 0) await Promise.allSettled([...inflight]);
  };
  return { app, drain };
}
