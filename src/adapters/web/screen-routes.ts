import type { Context, Hono } from "hono";
import { levelGrouping } from "../../core/scoring/level-groups.ts";
import { ICON } from "./pages/layout.ts";
import { screenContent, screenPage, type ScreenContext } from "./pages/screen.ts";
import { SCREEN_SCRIPT, SCREEN_STYLE } from "./pages/screen-style.ts";
import type { RoomStore } from "./contracts.ts";
import type { RoomPageContext } from "./pages/room-context.ts";
import { qrSvg } from "./qr-svg.ts";

export type ScreenRouteOptions = {
  room: RoomStore;
  page: () => Omit<RoomPageContext, "labelOfKey" | "base">;
  merges: { levels: string[]; label: string | undefined }[];
};

/**
 * The screen's routes under its own token (SPEC §6.1): GET only. The page, its content alone (for the
 * script), its stylesheet, script and icon. Its figures come from the same published view as the
 * facilitator's page — the screen never computes or publishes anything of its own.
 */
export function screenRoutes(app: Hono, prefix: string, o: ScreenRouteOptions): void {
  const ctx = async (): Promise<ScreenContext> => {
    const p = o.page();
    const grouping = levelGrouping(p.q, o.merges);
    return { ...p, base: prefix, labelOfKey: (key) => grouping.labelOf(key, p.lang), qr: p.participantUrl ? await qrSvg(p.participantUrl) : "" };
  };
  const now = async () => {
    const c = await ctx();
    const [view, state] = await Promise.all([o.room.view(c.lang), o.room.state()]);
    return { c, view, state };
  };
  app.get(`${prefix}/screen.css`, (c) => c.body(SCREEN_STYLE, 200, { "Content-Type": "text/css; charset=utf-8" }));
  app.get(`${prefix}/screen.js`, (c) => c.body(SCREEN_SCRIPT, 200, { "Content-Type": "text/javascript; charset=utf-8" }));
  app.get(`${prefix}/icon.svg`, (c) => c.body(ICON, 200, { "Content-Type": "image/svg+xml" }));
  app.get(prefix, async (c: Context) => {
    const { c: s, view, state } = await now();
    return c.html(screenPage(s, view, state));
  });
  app.get(`${prefix}/indhold`, async (c: Context) => {
    const { c: s, view, state } = await now();
    return c.html(screenContent(s, view, state));
  });
}
