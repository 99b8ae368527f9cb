import type { RespondentResult, ScoredDimension } from "../core/conduct/result.ts";
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
  const fixed = 1 + 3 + 2 + bandWidth + 2; // space, score, gap, band, gap
  const wanted = Math.max(...result.elements.map((d) => d.label.length + 2), ...[...result.areas, result.total].map((d) => d.label.length));
  const labelWidth = Math.max(12, Math.min(wanted, columns - fixed - MIN_BAR, columns - 1 - 3 - 2 - missing.length));
  const barWidth = Math.max(MIN_BAR, Math.min(MAX_BAR, columns - labelWidth - fixed));
  // Score and band come before the bar, so a screen reader says the figures first and the bar is only decoration.
  const line = (d: ScoredDimension, indent: string) => {
    const labelLines = wrap(d.label, labelWidth - indent.length).split("\n").map((l) => `${indent}${l}`);
    const last = labelLines.pop()!.padEnd(labelWidth);
    const figures = d.score === null
      ? `${last} ${"–".padStart(3)}  ${dim(missing)}`
      : `${last} ${formatScore(d.score).padStart(3)}  ${(d.band ?? "").padEnd(bandWidth)}  ${bar(d.score, barWidth)}`;
    return [...labelLines, figures].join("\n");
  };
  const out: string[] = [bold(da ? "Dit resultat (0-100)" : "Your result (0-100)"), ""];
  for (const area of result.areas) {
    out.push(bold(line(area, "")));
    for (const element of result.elements.filter((e) => e.area === area.id)) out.push(line(element, "  "));
    out.push("");
  }
  out.push(bold(line(result.total, "")), "");
  if (result.strongest) out.push(wrap(`${da ? "Stærkeste element" : "Strongest element"}: ${result.strongest.label} (${formatScore(result.strongest.score)})`, columns));
  if (result.weakest.length > 0) {
    const label = `${da ? "Svageste element" : "Weakest element"}${result.weakest.length > 1 ? (da ? "er" : "s") : ""}`;
    out.push(wrap(`${label}: ${result.weakest.map((w) => `${w.label} (${formatScore(w.score)})`).join(", ")}`, columns));
  }
  for (const advice of result.advice) {
    out.push("", bold(wrap(`${da ? "God praksis" : "Good practice"}: ${advice.element.label}`, columns)), wrap(advice.text, columns));
    // Sources in words only (cited from the questionnaire's source list); a reference it could not
    // name stays a file line number ("000:932-936"), which means nothing to a leader: leave it out.
    const source = advice.source.split("; ").filter((part) => !RAW_REFERENCE.test(part.trim())).join("; ");
    if (source) out.push(dim(wrap(`${da ? "Kilde" : "Source"}: ${source}`, columns)));
  }
  return out.join("\n");
}
