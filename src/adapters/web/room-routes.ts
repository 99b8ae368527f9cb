import type { Context, Hono } from "hono";
import { allElements } from "../../core/questionnaire/levels.ts";
import { levelGrouping } from "../../core/scoring/level-groups.ts";
import { consensusProblems, ElementConsensus, type Agreement } from "../../core/workshop/consensus.ts";
import { fromZodIssues } from "../../core/zod-issues.ts";
import type { Html } from "./pages/layout.ts";
import type { RoomPageContext } from "./pages/room-context.ts";
import { elementRoomPage, overviewPage } from "./pages/room.ts";
import { ACTION_FIELDS, actionRows, type FormState } from "./pages/room-form.ts";
import { LIVE_SCRIPT, ROOM_STYLE } from "./pages/room-style.ts";
import type { RoomStore, Serial } from "./contracts.ts";

export type RoomRouteOptions = {
  room: RoomStore;
  page: () => Omit<RoomPageContext, "labelOfKey">;
  merges: { levels: string[]; label: string | undefined }[];
  counts: () => Promise<Html>;
  now: () => string;
};

const split = (text: string | undefined) => (text ?? "").split(/\r?\n/).map((s) => s.trim()).filter(Boolean);

/** The posted form as an agreement; action rows left wholly empty are dropped. */
export function agreementOf(form: Record<string, string>): Agreement {
  const actions = [];
  for (let i = 0; i < actionRows(form); i++) {
    const row = Object.fromEntries(ACTION_FIELDS.map((f) => [f, (form[`action-${i}-${f}`] ?? "").trim()]));
    if (ACTION_FIELDS.some((f) => row[f] !== "")) actions.push(row as Agreement["actions"][number]);
  }
  const dissent = (form.dissent ?? "").trim();
  return {
    score: form.score === undefined || form.score.trim() === "" ? Number.NaN : Number(form.score),
    rationale: (form.rationale ?? "").trim(),
    ...(dissent ? { dissent } : {}),
    strengths: split(form.strengths),
    improvements: split(form.improvements),
    actions,
  };
}

/** The facilitator's routes under the secret address: overview, one page per element, reveal, consensus, round. */
export function roomRoutes(app: Hono, prefix: string, o: RoomRouteOptions, serial: Serial): void {
  const ctx = (): RoomPageContext => {
    const p = o.page();
    const grouping = levelGrouping(p.q, o.merges);
    return { ...p, labelOfKey: (key) => grouping.labelOf(key, p.lang) };
  };
  const known = (id: string | undefined) => id !== undefined && allElements(o.page().q).some((e) => e.id === id);
  const form = async (c: Context): Promise<Record<string, string>> => {
    const body = await c.req.parseBody();
    return Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === "string"));
  };

  app.get(`${prefix}/room.css`, (c) => c.body(ROOM_STYLE, 200, { "Content-Type": "text/css; charset=utf-8" }));
  app.get(`${prefix}/live.js`, (c) => c.body(LIVE_SCRIPT, 200, { "Content-Type": "text/javascript; charset=utf-8" }));

  app.get(prefix, async (c) => {
    const p = ctx();
    const [view, state, consensus, counts] = await Promise.all([o.room.view(p.lang), o.room.state(), o.room.consensus(), o.counts()]);
    return c.html(overviewPage(p, view, counts, state, consensus));
  });

  const show = async (c: Context, id: string, form: FormState, status = 200) => {
    const p = ctx();
    const [view, state, consensus] = await Promise.all([o.room.view(p.lang), o.room.state(), o.room.consensus()]);
    return c.html(elementRoomPage(p, view, id, state, consensus.elements[id], form), status as 200);
  };
  app.get(`${prefix}/e/:id`, async (c) => {
    const id = c.req.param("id");
    if (!known(id)) return c.notFound();
    return show(c, id, { saved: c.req.query("gemt") === "1" });
  });
  app.post(`${prefix}/e/:id/vis`, async (c) => {
    const id = c.req.param("id");
    if (!known(id)) return c.notFound();
    await serial("room", () => o.room.reveal(id));
    return c.redirect(`${prefix}/e/${id}`, 303);
  });
  // What the screen shows: a revealed element, or (empty) the join page again.
  app.post(`${prefix}/skaerm`, async (c) => {
    const id = (await form(c)).element ?? "";
    if (id !== "" && !known(id)) return c.notFound();
    await serial("room", async () => {
      if (id === "" || (await o.room.state()).revealed.includes(id)) await o.room.showOnScreen(id === "" ? undefined : id);
    });
    return c.redirect(id === "" ? prefix : `${prefix}/e/${id}`, 303);
  });
  app.post(`${prefix}/e/:id/runde`, async (c) => {
    const id = c.req.param("id");
    if (!known(id)) return c.notFound();
    await serial("room", () => o.room.nextRound(id));
    return c.redirect(`${prefix}/e/${id}`, 303);
  });
  app.post(`${prefix}/e/:id/konsensus`, async (c) => {
    const id = c.req.param("id");
    if (!known(id)) return c.notFound();
    const values = await form(c);
    const agreed = agreementOf(values);
    const lang = o.page().lang;
    const parsed = ElementConsensus.safeParse(Number.isNaN(agreed.score) ? { ...agreed, score: undefined } : agreed);
    const issues = parsed.success
      ? consensusProblems(o.page().q, { elements: { [id]: parsed.data } }).map((p) => ({ ...p, path: p.path.slice(2) }))
      : fromZodIssues(parsed.error.issues);
    if (issues.length > 0) {
      const label = { score: lang === "da" ? "Score" : "Score", rationale: lang === "da" ? "Begrundelse" : "Rationale" } as Record<string, string>;
      const errors = issues.map((i) => {
        const field = i.path[0] === "actions" ? `action-${i.path[1]}-${i.path[2]}` : String(i.path[0] ?? "score");
        const name = i.path[0] === "actions" ? `${lang === "da" ? "Handling" : "Action"} ${Number(i.path[1]) + 1}, ${String(i.path[2])}` : (label[field] ?? field);
        return { field, message: `${name}: ${i.message[lang]}` };
      });
      return show(c, id, { values, errors }, 422);
    }
    await serial("room", () => o.room.agree(id, agreed, o.now()));
    return c.redirect(`${prefix}/e/${id}?gemt=1`, 303);
  });
}
