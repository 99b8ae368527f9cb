import { hiddenReason, anonymityRule } from "../../../core/disclosure/disclosure-text.ts";
import { levelGrouping } from "../../../core/scoring/level-groups.ts";
import { t } from "../../../core/text.ts";
import { toPoints, toScale } from "../../../core/workshop/room-spread.ts";
import type { ElementView } from "../../../core/workshop/room.ts";
import { UserError } from "../../errors.ts";
import type { Io } from "../../io.ts";
import { asUserError, openOrFail } from "./open.ts";
import { roomSettings, workshopView } from "./room-store.ts";

export type StatusOptions = { dir: string; element?: string };

const BAR = 24;
/** A bar of the 0-100 score in eighths of a block, so close means still look different. */
export function bar(score: number, width = BAR): string {
  const eighths = Math.round((Math.max(0, Math.min(100, score)) / 100) * width * 8);
  const partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]!;
  return `${"█".repeat(Math.floor(eighths / 8))}${partial}`.padEnd(width, " ");
}

/** `workshop status DIR`: the projector's overview in the terminal — participation, per element per level as bars, flags. */
export async function workshopStatus(options: StatusOptions, io: Io): Promise<number> {
  const w = await openOrFail(options.dir, io);
  const view = await workshopView(w, io.lang).catch((err: unknown) => {
    throw asUserError(err, w.dir, io);
  });
  const q = w.questionnaire;
  const da = io.lang === "da";
  const grouping = levelGrouping(q, roomSettings(w).merges);
  const fmt = (x: number) => x.toFixed(1).replace(".", da ? "," : ".");
  const elements = options.element ? view.elements.filter((e) => e.id === options.element) : view.elements;
  if (elements.length === 0) throw new UserError(2, t(`Ukendt element "${options.element}". Elementer: ${view.elements.map((e) => e.id).join(", ")}`, `Unknown element "${options.element}". Elements: ${view.elements.map((e) => e.id).join(", ")}`));
  const lines: string[] = [io.color.bold(w.config.title)];
  lines.push(`${da ? "Har svaret" : "Answered"}: ${view.respondents}  (${view.participation.map((p) => `${p.label} ${p.n}`).join(", ")})`);
  if (view.allBelowK) lines.push(da ? `Alle niveauer har færre end ${view.k} besvarelser; tal vises kun, hvor hele rummet kan vises.` : `Every level has fewer than ${view.k} responses; figures show only where the whole room can be shown.`);
  const width = Math.max(12, ...elements.flatMap((e) => e.levels.map((l) => l.label.length)), (da ? "Hele rummet" : "Whole room").length);
  const row = (label: string, r: ElementView["room"]) =>
    `  ${label.padEnd(width)}  n=${String(r.n).padStart(3)}  ${r.suppressed || r.mean === null ? `(${hiddenReason(r.why ?? "small", view.k)[io.lang]})` : `${bar(r.mean)} ${fmt(toScale(r.mean, q.scale))}`}`;
  let anyHidden = false;
  for (const e of elements) {
    lines.push("", io.color.bold(`${e.label} (${e.id})`));
    if (e.nothingShown) {
      lines.push(`  ${da ? "Ingen tal kan vises endnu." : "No figures can be shown yet."}`);
      anyHidden = true;
      continue;
    }
    for (const l of e.levels) lines.push(row(l.label, l.row));
    lines.push(row(da ? "Hele rummet" : "Whole room", e.room));
    anyHidden ||= e.room.suppressed || e.levels.some((l) => l.row.suppressed);
    if (e.spread) lines.push(`  ${e.spread.flagged ? `⚑ ${da ? "Stor spredning" : "Wide spread"}` : da ? "Spredning" : "Spread"}: ${da ? "spænd" : "range"} ${fmt(e.spread.range)}, sd ${e.spread.sd === null ? "–" : fmt(e.spread.sd)}`);
    for (const g of e.gaps.filter((x) => x.flagged).slice(0, 3)) {
      const what = g.kind === "mirror" ? (da ? " (spejl: selv ↔ medarbejdere)" : " (mirror: self ↔ employees)") : "";
      lines.push(`  ⚑ ${da ? "Forskel" : "Difference"} ${grouping.labelOf(g.group_a, io.lang)} ↔ ${grouping.labelOf(g.group_b, io.lang)}: ${fmt(Math.abs(toPoints(g.diff!, q.scale)))} ${da ? "point" : "points"}${what}`);
    }
  }
  if (anyHidden) lines.push("", anonymityRule(view.k)[io.lang]);
  io.out(lines.join("\n"));
  return 0;
}
