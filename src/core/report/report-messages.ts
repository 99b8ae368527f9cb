import { LEADERS } from "../questionnaire/levels.ts";
import { elementGapRows } from "./report-gaps.ts";
import { int, quote, signed } from "./report-format.ts";
import type { Report, ReportGroup } from "./report.ts";
import { TOTAL_KEY } from "./report.ts";
import { groupName, shares, shownScore, type ReportView } from "./report-view.ts";
import type { Text } from "../text.ts";

/**
 * Page 1's key findings, in words a director reads (element names and statement texts, never ids).
 * Each is made only from figures the disclosure engine shows, and every count in it is counted
 * here from the model: so it is true by construction, and says "could not be compared" where
 * nothing could.
 */
export type Message = Text;

/** "ved ikke" at or above this share of an item's answers is worth a message. */
export const DONT_KNOW_NOTABLE = 15;

const shownAt = (report: Report, g: ReportGroup, dimension: string) => {
  const cell = report.cells[g.key]?.[dimension];
  return cell && !cell.suppressed && cell.score !== null ? cell : null;
};

/** A group is hidden when not one of its figures is shown (its own size or the complement rule). */
export function hiddenGroups(report: Report): ReportGroup[] {
  return report.groups.filter((g) => report.dimensions.every((d) => shownAt(report, g, d.id) === null));
}

/** Nothing at all is shown: no group, no total of any population. */
export function everythingHidden(report: Report): boolean {
  const totals = Object.keys(report.cells).filter((key) => key.startsWith("\u0000total"));
  return hiddenGroups(report).length === report.groups.length && totals.every((key) => report.dimensions.every((d) => report.cells[key]?.[d.id]?.suppressed !== false));
}

/** The leaders' groups that take part in a comparison: shown on at least one element beside another shown group. */
export function comparedGroups(report: Report, view: ReportView): string[] {
  return [...new Set(elementGapRows(report, view).flatMap((r) => r.dots.map((d) => d.label)))];
}

export function keyMessages(report: Report, view: ReportView): Message[] {
  const L = (da: string, en: string): Text => ({ da, en });
  const q = (s: string): Text => ({ da: quote(s, "da"), en: quote(s, "en") });
  const out: Message[] = [];
  const pts = (n: number) => int(n, report.lang);
  const band = (s: number) => shownScore(s, view.bands).band;
  const all = report.cells[TOTAL_KEY]?.total;
  if (all && !all.suppressed && all.score !== null) {
    const b = band(all.score);
    out.push(L(`Ledernes samlede score er ${pts(all.score)}${b ? ` (${b})` : ""}, ud fra ${pts(all.n)} besvarelser.`, `The leaders' overall score is ${pts(all.score)}${b ? ` (${b})` : ""}, from ${pts(all.n)} responses.`));
  }
  const elements = report.dimensions.filter((d) => d.kind === "element");
  const scored = elements.flatMap((d) => {
    const cell = shownAt(report, report.total, d.id);
    return cell ? [{ label: d.label, score: cell.score! }] : [];
  });
  if (scored.length >= 2) {
    const sorted = [...scored].sort((a, b) => b.score - a.score);
    const hi = sorted[0]!;
    const lo = sorted.at(-1)!;
    const fig = (x: { score: number }) => `${pts(x.score)}${band(x.score) ? `, ${band(x.score)}` : ""}`;
    if (Math.round(hi.score) === Math.round(lo.score)) out.push(L(`Alle elementer ligger på ${pts(hi.score)}.`, `Every element scores ${pts(hi.score)}.`));
    else {
      // Ties by the score as printed: two elements both shown as 57 are both the weakest, never one of them.
      const tied = (x: { score: number }) => sorted.filter((y) => Math.round(y.score) === Math.round(x.score));
      const names = (xs: { label: string }[], lang: "da" | "en") => {
        const quoted = xs.map((x) => q(x.label)[lang]);
        return quoted.length === 1 ? quoted[0]! : `${quoted.slice(0, -1).join(", ")} ${lang === "da" ? "og" : "and"} ${quoted.at(-1)}`;
      };
      const [his, los] = [tied(hi), tied(lo)];
      out.push(L(
        `Stærkest står ${names(his, "da")} (${fig(hi)}); svagest ${names(los, "da")} (${fig(lo)}).`,
        `Strongest ${his.length > 1 ? "are" : "is"} ${names(his, "en")} (${fig(hi)}); weakest ${names(los, "en")} (${fig(lo)}).`,
      ));
    }
  }

  const leaders = report.groups.filter((g) => g.population === LEADERS);
  if (report.byColumns.length > 0 && leaders.length >= 2) {
    const compared = comparedGroups(report, view);
    const rows = elementGapRows(report, view).filter((r) => r.flagged && r.largest);
    if (compared.length < 2) {
      const shownCount = leaders.filter((g) => !hiddenGroups(report).includes(g)).length;
      out.push(L(`Grupperne kunne ikke sammenlignes: kun ${pts(shownCount)} af ${pts(leaders.length)} ledergrupper har tal, der må vises.`, `The groups could not be compared: only ${pts(shownCount)} of ${pts(leaders.length)} leader groups have figures that may be shown.`));
    } else if (rows.length === 0) {
      out.push(L(`Ingen af de ${pts(compared.length)} sammenlignede grupper adskiller sig med ${view.threshold} point eller mere på et element.`, `None of the ${pts(compared.length)} groups compared differ by ${view.threshold} points or more on any element.`));
    } else {
      const r = rows[0]!;
      const score = (label: string) => r.dots.find((d) => d.label === label)!.score;
      const more = rows.length - 1;
      out.push(L(
        `Størst forskel: ${q(r.label).da}, ${r.largest!.high} ${pts(score(r.largest!.high))} mod ${r.largest!.low} ${pts(score(r.largest!.low))} (${pts(r.largest!.diff)} point)${more > 0 ? `; ${more} element${more === 1 ? "" : "er"} mere med forskelle på ${view.threshold} point eller mere` : ""} (${pts(compared.length)} grupper sammenlignet).`,
        `Largest difference: ${q(r.label).en}, ${r.largest!.high} ${pts(score(r.largest!.high))} against ${r.largest!.low} ${pts(score(r.largest!.low))} (${pts(r.largest!.diff)} points)${more > 0 ? `; ${more} more element${more === 1 ? "" : "s"} with differences of ${view.threshold} points or more` : ""} (${pts(compared.length)} groups compared).`,
      ));
    }
  }

  // The employees' view of their leader, when both sides are shown.
  const mirror = view.mirror[0];
  if (mirror) {
    out.push(L(
      `Medarbejderne om deres leder: størst forskel ved ${q(mirror.text).da} — ${mirror.self.label} ${pts(mirror.self.score)}, ${mirror.others.label} ${pts(mirror.others.score)} (${signed(mirror.diff, "da")} point).`,
      `The employees on their leader: the largest difference is on ${q(mirror.text).en} — ${mirror.self.label} ${pts(mirror.self.score)}, ${mirror.others.label} ${pts(mirror.others.score)} (${signed(mirror.diff, "en")} points).`,
    ));
  } else if (report.groups.some((g) => g.population !== LEADERS) && report.byColumns.includes("level")) {
    out.push(L("Medarbejdernes svar om deres leder kunne ikke sammenlignes med lederens egne: en af siderne har for få besvarelser.", "The employees' answers about their leader could not be compared with the leader's own: one side has too few responses."));
  }

  const dontKnow = report.elements.flatMap((e) => e.items.flatMap((item) => item.distributions.flatMap((d) => {
    if (d.suppressed || !d.counts) return [];
    const share = shares(d.counts).dontKnow;
    return share >= DONT_KNOW_NOTABLE ? [{ text: item.text, id: item.id, share, group: groupName(report, view, d) }] : [];
  }))).sort((a, b) => b.share - a.share);
  if (dontKnow.length > 0) {
    const top = dontKnow[0]!;
    const items = new Set(dontKnow.map((x) => x.id)).size;
    out.push(L(
      `«Ved ikke» er svaret af ${DONT_KNOW_NOTABLE} % eller flere ved ${pts(items)} udsagn; mest ved ${q(top.text).da} (${top.group}: ${pts(top.share)} %). Det er i sig selv et fund om ledelsesinformationen.`,
      `“Don't know” is the answer of ${DONT_KNOW_NOTABLE} % or more on ${pts(items)} statement${items === 1 ? "" : "s"}; most on ${q(top.text).en} (${top.group}: ${pts(top.share)} %). That itself is a finding about the management information.`,
    ));
  }

  const hidden = hiddenGroups(report);
  if (hidden.length > 0) {
    out.push(L(
      `${pts(hidden.length)} af ${pts(report.groups.length)} grupper vises uden tal af hensyn til anonymiteten (færre end ${report.minGroupSize} besvarelser, eller skjult så et lille tal ikke kan regnes ud).`,
      `${pts(hidden.length)} of ${pts(report.groups.length)} groups are shown without figures to protect anonymity (fewer than ${report.minGroupSize} responses, or hidden so that a small figure cannot be worked out).`,
    ));
  }
  const top = topLevelsHidden(report);
  if (top) out.push(top);
  return out;
}

/**
 * When the top of the hierarchy is hidden (the direktion and chefs are usually few), say so and how
 * `--merge-levels` shows them together; merged with the next level down when they are fewer than k together.
 */
export function topLevelsHidden(report: Report): Text | null {
  if (report.byColumns.length !== 1 || report.byColumns[0] !== "level") return null;
  const leaders = report.groups.filter((g) => g.population === LEADERS);
  const hidden = new Set(hiddenGroups(report));
  const run: ReportGroup[] = [];
  for (const g of leaders) {
    if (!hidden.has(g)) break;
    run.push(g);
  }
  if (run.length === 0 || run.length === leaders.length) return null;
  const together = run.reduce((s, g) => s + g.respondents, 0);
  const merged = run.length >= 2 && together >= report.minGroupSize ? run : [...run, leaders[run.length]!];
  const option = `--merge-levels ${merged.map((g) => g.by.level).join("+")}=Topledelse`;
  const names = run.map((g) => g.label);
  const list = (and: string) => (names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} ${and} ${names.at(-1)}`);
  return {
    da: `${list("og")} vises ikke, fordi der er for få besvarelser. Kør rapporten med ${option}, så vises de sammen som ét niveau.`,
    en: `${list("and")} ${names.length === 1 ? "is" : "are"} not shown, as there are too few responses. Run the report with ${option} to show them together as one level.`,
  };
}
