import { hiddenReason, anonymityRule } from "../../../core/disclosure/disclosure-text.ts";
import { loadRoomState } from "../../../adapters/workshop-store/room-file.ts";
import { allItems, itemText } from "../../../core/questionnaire/levels.ts";
import type { Item } from "../../../core/questionnaire/questionnaire.ts";
import type { Gap } from "../../../core/scoring/gaps.ts";
import { levelGrouping } from "../../../core/scoring/level-groups.ts";
import { t, type Lang } from "../../../core/text.ts";
import { toPoints, toScale } from "../../../core/workshop/room-spread.ts";
import type { ElementView } from "../../../core/workshop/room.ts";
import { UserError } from "../../errors.ts";
import type { Io } from "../../io.ts";
import { asUserError, openOrFail } from "./open.ts";
import { roomSettings, workshopView } from "./room-store.ts";

export type StatusOptions = { dir: string; element?: string; all?: boolean };

/** A statement cut at a word boundary so a flag stays on about one terminal line. */
export function shortened(text: string, max = 60): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  // A cut that falls just before a space is already at a word's end; otherwise back to the last space.
  const space = /\s/.test(text[max - 1]!) ? cut.length : cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, "")}…`;
}

const BAR = 24;
/** A bar of the 0-100 score in eighths of a block, so close means still look different. */
export function bar(score: number, width = BAR): string {
  const eighths = Math.round((Math.max(0, Math.min(100, score)) / 100) * width * 8);
  const partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]!;
  return `${"█".repeat(Math.floor(eighths / 8))}${partial}`.padEnd(width, " ");
}

/**
 * What a flag is about: a mirror flag compares one statement, so both wordings are named as each level was
 * asked (the rated level's own, the mirror level's about their leader); a level flag is the element's score.
 */
function flagStatement(g: Gap, items: Item[], label: (key: string) => string, rates: (level: string) => string | undefined, da: boolean, lang: Lang): string[] {
  if (g.kind !== "mirror") return [da ? "på hele elementets score (alle dets udsagn)" : "on the element's score as a whole (all its statements)"];
  const self = items.find((it) => it.id === g.dimension);
  const mirror = items.find((it) => it.mirror_of === g.dimension && (it.levels ?? []).includes(g.population)) ?? items.find((it) => it.mirror_of === g.dimension);
  // Group keys may name a merge ("chef+afdelingsleder"); the wording is the raw level's: the rated level's and the mirror level's own.
  const quote = (item: Item | undefined, key: string, level: string | undefined) => `${label(key)}: ${item ? `"${shortened(itemText(item, level, lang))}"` : "–"}`;
  return [quote(self, g.group_a, rates(g.population)), quote(mirror, g.group_b, g.population)];
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
  const chosen = options.element ? view.elements.filter((e) => e.id === options.element) : view.elements;
  if (chosen.length === 0) throw new UserError(2, t(`Ukendt element "${options.element}". Elementer: ${view.elements.map((e) => e.id).join(", ")}`, `Unknown element "${options.element}". Elements: ${view.elements.map((e) => e.id).join(", ")}`));
  // What the room has seen (rum.json), unless the consultant asks for everything with --all.
  const revealed = new Set((await loadRoomState(w)).revealed);
  const elements = options.all ? chosen : chosen.filter((e) => revealed.has(e.id));
  const unseen = chosen.length - chosen.filter((e) => revealed.has(e.id)).length;
  const lines: string[] = [io.color.bold(w.config.title)];
  if (options.all) lines.push(da ? "--all: alle elementer, også dem rummet ikke har set endnu. Kun til dig som konsulent; vis det ikke på projektoren." : "--all: every element, including those the room has not seen yet. For you as consultant only; do not show it on the projector.");
  lines.push(`${da ? "Har svaret" : "Answered"}: ${view.respondents}  (${view.participation.map((p) => `${p.label} ${p.n}`).join(", ")})`);
  if (view.allBelowK) lines.push(da ? `Alle niveauer har færre end ${view.k} besvarelser; tal vises kun, hvor hele rummet kan vises.` : `Every level has fewer than ${view.k} responses; figures show only where the whole room can be shown.`);
  const width = Math.max(12, ...elements.flatMap((e) => e.levels.map((l) => l.label.length)), (da ? "Hele rummet" : "Whole room").length);
  const row = (label: string, r: ElementView["room"]) =>
    `  ${label.padEnd(width)}  n=${String(r.n).padStart(3)}  ${r.suppressed || r.mean === null ? `(${hiddenReason(r.why ?? "small", view.k)[io.lang]})` : `${bar(r.mean)} ${fmt(toScale(r.mean, q.scale))}`}`;
  const items = allItems(q);
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
      for (const line of flagStatement(g, items, (key) => grouping.labelOf(key, io.lang), (level) => q.levels.find((l) => l.id === level)?.rates, da, io.lang)) lines.push(`    ${line}`);
    }
  }
  if (!options.all && unseen > 0) {
    lines.push("", da
      ? `${unseen === 1 ? "1 element er" : `${unseen} elementer er`} ikke vist i rummet endnu og vises ikke her. Konsulenten kan se ${unseen === 1 ? "det" : "dem"} med --all.`
      : `${unseen === 1 ? "1 element has" : `${unseen} elements have`} not been shown in the room yet and ${unseen === 1 ? "is" : "are"} not shown here. The consultant can see ${unseen === 1 ? "it" : "them"} with --all.`);
  }
  if (anyHidden) lines.push("", anonymityRule(view.k)[io.lang]);
  io.out(lines.join("\n"));
  return 0;
}
