import type { WorkshopReport } from "../../core/workshop/workshop-report.ts";
import { CONTENT_WIDTH, MUTED } from "./style.ts";
import { table, type Cell, type Column } from "./table.ts";
import { agreedText, decimal, type Words } from "./workshop-charts.ts";
import type { Writer } from "./writer.ts";

/** Columns in proportion to `weights`, across the page. */
const columns = (headers: string[], weights: number[], right: number[] = []): Column[] => {
  const total = weights.reduce((a, b) => a + b, 0);
  return headers.map((header, i) => ({ header, width: (weights[i]! / total) * CONTENT_WIDTH, ...(right.includes(i) ? { align: "right" as const } : {}) }));
};
const cells = (texts: string[]): Cell[] => texts.map((text) => ({ text }));
/** Room a heading keeps for a table's header and first row, so it never ends a page. */
const KEEP_TABLE = 80;

export function gapsSection(w: Writer, r: WorkshopReport, { da, L }: Words): void {
  w.open("Sect");
  w.heading(2, L("Største forskelle mellem niveauer", "Largest differences between levels"), KEEP_TABLE);
  if (r.gaps.length === 0) w.para(L("Ingen forskel når tærsklen, eller den kan ikke vises for små grupper.", "No difference reaches the threshold, or it cannot be shown for small groups."));
  else {
    // Direction in words: who rates higher, who lower; a mirror pair says who rated whom and on which statement.
    const side = (g: (typeof r.gaps)[number], a: boolean) => (a ? (g.mirror ? `${g.a} ${L("om sig selv", "on themselves")}` : g.a) : g.mirror ? `${g.b} ${L("om deres leder", "on their leader")}` : g.b);
    table(w, columns([L("Element", "Element"), L("Udsagn", "Statement"), L("Vurderer højest", "Rates higher"), L("Vurderer lavest", "Rates lower"), L("Forskel (point)", "Difference (points)")], [1.6, 3, 1.8, 1.8, 1], [4]),
      r.gaps.map((g) => cells([
        g.element, g.item ?? L("hele elementets score", "the element's score"), side(g, g.aHigher), side(g, !g.aHigher), decimal(Math.round(Number(g.points.toFixed(10)) * 10), da),
      ])), { rowHeader: true });
  }
  w.close();
}

export function planSection(w: Writer, r: WorkshopReport, { L }: Words): void {
  w.open("Sect");
  w.heading(2, L("Handleplan", "Action plan"), KEEP_TABLE);
  if (r.plan.length === 0) w.para(L("Ingen handlinger er aftalt.", "No actions were agreed."));
  else table(w, columns([L("Element", "Element"), L("Handling", "Action"), L("Ansvarlig", "Who"), L("Frist", "When"), L("Succeskriterium", "Success criterion")], [1.7, 3, 2.2, 1.5, 2.6]),
    r.plan.map((a) => cells([a.element, a.what, a.who, a.when, a.success])), { rowHeader: true });
  w.close();
}

/**
 * Then and now. Every change printed is the difference of the two rounded figures printed beside it
 * (the model's tenths), so 3,8 → 3,7 reads −0,1, never 0,0.
 */
export function baselineSection(w: Writer, b: NonNullable<WorkshopReport["baseline"]>, { da, L, fig }: Words): void {
  const change = (t: number | null) => (t === null ? "–" : decimal(t, da, true));
  w.open("Sect");
  w.heading(2, L(`Opfølgning: ${b.title} (${b.date}) og nu`, `Follow-up: ${b.title} (${b.date}) and now`), KEEP_TABLE);
  w.para(L("Ændringen er forskellen mellem de to afrundede tal, der står ved siden af den.", "The change is the difference between the two rounded figures beside it."), { color: MUTED, size: 8.5 });
  table(w, columns([L("Element", "Element"), L("Dengang", "Then"), L("Nu", "Now"), L("Ændring", "Change"), L("Aftalt dengang", "Agreed then"), L("Aftalt nu", "Agreed now")], [2.4, 1.9, 1.9, 1, 1.1, 1.1], [3, 4, 5]),
    b.rows.map((x) => cells([x.label, fig(x.then), fig(x.now), change(x.change), x.agreedThen === null ? "–" : agreedText(x.agreedThen, da), x.agreedNow === null ? "–" : agreedText(x.agreedNow, da)])), { rowHeader: true });
  const perLevel = b.rows.flatMap((x) => x.levels.map((l) => cells([x.label, l.label, decimal(l.then, da), decimal(l.now, da), change(l.change)])));
  w.heading(3, L("Pr. niveau, hvor begge år kan vises", "Per level, where both years can be shown"), KEEP_TABLE);
  if (perLevel.length === 0) w.para(L("Intet niveau kan vises begge år.", "No level can be shown in both years."));
  else table(w, columns([L("Element", "Element"), L("Niveau", "Level"), L("Dengang", "Then"), L("Nu", "Now"), L("Ændring", "Change")], [2.4, 2, 1, 1, 1], [2, 3, 4]), perLevel, { rowHeader: true });
  w.heading(3, L("Sidste handleplan, og hvad der blev af den", "The last action plan, and what became of it"), KEEP_TABLE);
  if (b.plan.length === 0) w.para(L("Den forrige workshop aftalte ingen handlinger.", "The previous workshop agreed no actions."));
  else table(w, columns([L("Element", "Element"), L("Handling", "Action"), L("Ansvarlig", "Who"), L("Frist", "When"), L("Hvad blev der af den", "What became of it")], [1.7, 3, 2.2, 1.5, 2.6]),
    b.plan.map((a) => cells([a.element, a.what, a.who, a.when, a.outcome ?? L("(ikke udfyldt)", "(not filled in)")])), { rowHeader: true });
  w.close();
}
