import type { RespondentResult, ScoredDimension } from "../core/result.ts";
import type { Io } from "./io.ts";

const BAR_WIDTH = 20;

/** A bar of block characters: readable without colour, and the number beside it says it in words. */
export const bar = (score: number): string => {
  const filled = Math.round((score / 100) * BAR_WIDTH);
  return "█".repeat(filled) + "░".repeat(BAR_WIDTH - filled);
};

export const formatScore = (score: number | null): string => (score === null ? "–" : String(Math.round(score)));

/** Wraps prose at word boundaries, so a screen reader and a narrow terminal both get whole words. */
export function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join("\n");
}

export function renderResult(result: RespondentResult, io: Io): string {
  const da = io.lang === "da";
  const { bold, dim } = io.color;
  const width = Math.max(...result.elements.map((d) => d.label.length + 2), ...[...result.areas, result.total].map((d) => d.label.length)) + 1;
  const bandWidth = Math.max(0, ...[...result.elements, ...result.areas, result.total].map((d) => d.band?.length ?? 0));
  // Score and band come before the bar, so a screen reader says the figures first and the bar is only decoration.
  const line = (d: ScoredDimension, indent: string) =>
    d.score === null
      ? `${indent}${d.label.padEnd(width - indent.length)} ${"–".padStart(3)}  ${dim(da ? "for få svar / ikke relevant" : "too few answers / not applicable")}`
      : `${indent}${d.label.padEnd(width - indent.length)} ${formatScore(d.score).padStart(3)}  ${(d.band ?? "").padEnd(bandWidth)}  ${bar(d.score)}`;
  const out: string[] = [bold(da ? "Dit resultat (0-100)" : "Your result (0-100)"), ""];
  for (const area of result.areas) {
    out.push(bold(line(area, "")));
    for (const element of result.elements.filter((e) => e.area === area.id)) out.push(line(element, "  "));
    out.push("");
  }
  out.push(bold(line(result.total, "")), "");
  if (result.strongest) out.push(`${da ? "Stærkeste element" : "Strongest element"}: ${result.strongest.label} (${formatScore(result.strongest.score)})`);
  if (result.weakest.length > 0) {
    out.push(`${da ? "Svageste element" : "Weakest element"}${result.weakest.length > 1 ? (da ? "er" : "s") : ""}: ${result.weakest.map((w) => `${w.label} (${formatScore(w.score)})`).join(", ")}`);
  }
  for (const advice of result.advice) {
    out.push("", bold(`${da ? "God praksis" : "Good practice"}: ${advice.element.label}`), wrap(advice.text, io.columns - 2), dim(`${da ? "Kilde" : "Source"}: ${advice.source}`));
  }
  return out.join("\n");
}
