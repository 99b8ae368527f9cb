import { joinNames, namesWithScores, type Basis, type RespondentResult, type ScoredDimension } from "../core/conduct/result.ts";
import { wrapWords as wrap } from "../core/text.ts";
import type { Io } from "./io.ts";

const MAX_BAR = 20;
const RAW_REFERENCE = /^\d{3}:\d+(-\d+)?$/;
const MIN_BAR = 10;
/** The narrowest terminal the result is laid out for; narrower ones get the 60-column layout. */
export const MIN_COLUMNS = 60;

/** A bar of block characters: readable without colour, and the number beside it says it in words. */
export const bar = (score: number, width = MAX_BAR): string => {
  const filled = Math.round((score / 100) * width);
  return "█".repeat(filled) + "░".repeat(width - filled);
};

export const formatScore = (score: number | null): string => (score === null ? "–" : String(Math.round(score)));

/**
 * The result screen, fitted to the terminal: a label column, the score, the band and a bar. The
 * bar shrinks first (20 to 10 characters); then long labels wrap at words inside their column.
 * Every line stays within `io.columns - 1` (60 and up), so nothing wraps mid-row or mid-word.
 */
export function renderResult(result: RespondentResult, io: Io): string {
  const da = io.lang === "da";
  const { bold, dim } = io.color;
  const columns = Math.max(io.columns, MIN_COLUMNS) - 1;
  const all = [...result.elements, ...result.areas, result.total];
  const bandWidth = Math.max(0, ...all.map((d) => d.band?.length ?? 0));
  const missing = da ? "for få svar / ikke relevant" : "too few answers / not applicable";
  // How many statements each element rests on ("2/3"), after the bar: a score of one answer is no average.
  const basisOf = (d: ScoredDimension & { basis?: Basis }) => (d.basis && d.basis.asked > 0 ? `${d.basis.answered}/${d.basis.asked}` : "");
  const basisWidth = Math.max(0, ...result.elements.map((e) => basisOf(e).length));
  const basisGap = basisWidth > 0 ? 2 + basisWidth : 0;
  const fixed = 1 + 3 + 2 + bandWidth + 2 + basisGap; // space, score, gap, band, gap, (gap, basis)
  const wanted = Math.max(...result.elements.map((d) => d.label.length + 2), ...[...result.areas, result.total].map((d) => d.label.length));
  const labelWidth = Math.max(12, Math.min(wanted, columns - fixed - MIN_BAR, columns - 1 - 3 - 2 - missing.length - basisGap));
  const barWidth = Math.max(MIN_BAR, Math.min(MAX_BAR, columns - labelWidth - fixed));
  // Score and band come before the bar, so a screen reader says the figures first and the bar is only decoration.
  const line = (d: ScoredDimension & { basis?: Basis }, indent: string) => {
    const labelLines = wrap(d.label, labelWidth - indent.length).split("\n").map((l) => `${indent}${l}`);
    const last = labelLines.pop()!.padEnd(labelWidth);
    const basis = basisWidth > 0 && basisOf(d) ? `  ${basisOf(d).padStart(basisWidth)}` : "";
    const figures = d.score === null
      ? `${last} ${"–".padStart(3)}  ${dim(missing.padEnd(bandWidth + 2 + barWidth))}${basis}`
      : `${last} ${formatScore(d.score).padStart(3)}  ${(d.band ?? "").padEnd(bandWidth)}  ${bar(d.score, barWidth)}${basis}`;
    return [...labelLines, figures.trimEnd()].join("\n");
  };
  // A mirror respondent (medarbejder) has rated their leader: the screen is about the leader, not "your result".
  const title = result.mirror ? (da ? "Sådan ser du din leder (0-100)" : "How you see your leader (0-100)") : (da ? "Dit resultat (0-100)" : "Your result (0-100)");
  const out: string[] = [bold(title)];
  if (basisWidth > 0) {
    out.push(dim(wrap(da
      ? "Tallet til sidst på hver linje: besvarede udsagn / udsagn i elementet (Ved ikke tæller ikke med)."
      : "The figure at the end of each line: statements answered / statements in the element (Don't know does not count).", columns)));
  }
  out.push("");
  for (const area of result.areas) {
    out.push(bold(line(area, "")));
    for (const element of result.elements.filter((e) => e.area === area.id)) out.push(line(element, "  "));
    out.push("");
  }
  out.push(bold(line(result.total, "")), "");
  const single = result.elements.filter((e) => e.score !== null && e.basis?.answered === 1).map((e) => e.label);
  if (single.length > 0) {
    out.push(wrap(da
      ? `Bemærk: ${joinNames(single, io.lang)} bygger på et enkelt svar, så det ene svar bestemmer scoren alene.`
      : `Note: ${joinNames(single, io.lang)} ${single.length > 1 ? "rest" : "rests"} on a single answer, so that one answer decides the score alone.`, columns), "");
  }
  if (result.allEqual) {
    const score = formatScore(result.elements.find((e) => e.score !== null)!.score);
    out.push(wrap(da ? `Alle elementer har samme score (${score}): intet står stærkere eller svagere end de andre.` : `Every element has the same score (${score}): none stands out as stronger or weaker.`, columns));
  }
  if (result.strongest.length > 0) out.push(wrap(`${da ? "Stærkest" : "Strongest"}: ${namesWithScores(result.strongest, io.lang)}`, columns));
  if (result.weakest.length > 0) out.push(wrap(`${da ? "Svagest" : "Weakest"}: ${namesWithScores(result.weakest, io.lang)}`, columns));
  for (const advice of result.advice) {
    out.push("", bold(wrap(`${da ? "God praksis" : "Good practice"}: ${advice.element.label}`, columns)), wrap(advice.text, columns));
    // Sources in words only (cited from the questionnaire's source list); a reference it could not
    // name stays a file line number ("000:932-936"), which means nothing to a leader: leave it out.
    const source = advice.source.split("; ").filter((part) => !RAW_REFERENCE.test(part.trim())).join("; ");
    if (source) out.push(dim(wrap(`${da ? "Kilde" : "Source"}: ${source}`, columns)));
  }
  return out.join("\n");
}
