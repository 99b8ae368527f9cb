// Room adapters/web/ — the workshop's local web server (hono): the app, its contracts, participant, re-vote and room routes, security headers, and the pages.
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { csrf } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import { labelOf } from "../../core/questionnaire/levels.ts";
import { countByLevel } from "../../core/workshop/participant.ts";
import { ICON, STYLE } from "./pages/layout.ts";
import type { PageContext } from "./pages/participant.ts";
import { countsTable } from "./pages/result.ts";
import { participantRoutes } from "./participant-routes.ts";
import { roomRoutes } from "./room-routes.ts";
import type { AppOptions } from "./contracts.ts";
import { CONTENT_SECURITY_POLICY, FACILITATOR_CSP, LIMITS } from "./security.ts";

export function createApp(o: AppOptions) {
  const { q, store } = o;
  const base = `/${o.access.join}`;
  const facilitator = `/f/${o.access.secret}`;
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
    // Only the facilitator's pages run a script (their own live.js); participants' pages run none.
    c.header("Content-Security-Policy", c.req.path.startsWith(`${facilitator}/`) || c.req.path === facilitator ? FACILITATOR_CSP : CONTENT_SECURITY_POLICY);
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "no-referrer");
    c.header("X-Frame-Options", "DENY");
    c.header("Cache-Control", "no-store");
  });
  app.use("*", bodyLimit({ maxSize: LIMITS.bodyBytes, onError: (c) => c.text("Payload Too Large", 413) }));
  app.use("*", csrf());
  app.notFound((c) => c.text("Not Found", 404));
  app.onError((err, c) => {
    // A refused cross-site post: the plain 403 the middleware made.
    if (err instanceof HTTPException) return err.getResponse();
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

  const counts = async () => {
    const unfinished = (await store.participants()).filter((p) => !p.submitted_at).map((p) => p.level);
    const finished = (await store.finished()).map((r) => r.level);
    const counted = countByLevel(q, unfinished, finished);
    const levels = counted.levels.map((l) => ({ ...l, label: labelOf(q.levels.find((x) => x.id === l.level)!, lang) }));
    return countsTable(lang, { levels, notChosen: counted.notChosen });
  };
  roomRoutes(app, facilitator, {
    room: o.room,
    merges: o.merges ?? [],
    counts,
    now: o.now,
    page: () => ({ q, lang, k: o.workshop.k, base: facilitator, title: o.workshop.title, participantUrl: o.participantUrl() }),
  }, serial);

  /** Resolves once every request under way has finished its writes (for a clean Ctrl-C). */
  const drain = async () => {
    while (inflight.size > 0) await Promise.allSettled([...inflight]);
  };
  return { app, drain };
}
