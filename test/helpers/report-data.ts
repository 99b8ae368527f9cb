import { csvLine } from "../../src/adapters/csv/csv-write.ts";
import { allElements, allItems, presentedTo } from "../../src/core/questionnaire/levels.ts";
import type { Questionnaire } from "../../src/core/questionnaire/questionnaire.ts";
import { wideColumns } from "../../src/core/responses/responses.ts";

/** Deterministic pseudo-random numbers (LCG), so a data set is the same bytes every run. */
function lcg(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A block of respondents: how many, of which level and group, and how they answer. */
export type Cohort = { level: string; group: string; count: number; answers?: "varied" | "dont_know"; lean?: number };

/**
 * Wide-format responses for report tests and for looking at rendered pages: each respondent has a
 * latent trait (shifted by `lean`, in scale points) so groups and levels differ; 3 % "ved ikke".
 * Submissions are spread over March 2026, so a collection period can be printed.
 */
export function reportData(q: Questionnaire, cohorts: readonly Cohort[], seed = 13): string {
  const random = lcg(seed);
  const { min, max } = q.scale;
  const items = allItems(q);
  const lines = [csvLine(wideColumns(q))];
  let r = 0;
  for (const c of cohorts) {
    for (let i = 0; i < c.count; i++, r++) {
      const trait = min + random() * (max - min) * 0.7 + (max - min) * 0.15 + (c.lean ?? 0);
      const day = String(1 + (r % 28)).padStart(2, "0");
      const cells = [`r${r}`, q.id, q.version, c.level, c.group, `2026-03-${day}T10:00:00+01:00`];
      for (const item of items) {
        if (!presentedTo(item, c.level)) cells.push("");
        else if (c.answers === "dont_know" || random() < 0.03) cells.push("ved_ikke");
        else {
          const v = Math.max(min, Math.min(max, Math.round(trait + (random() - 0.5) * 2.2)));
          cells.push(String(item.reverse ? min + max - v : v));
        }
      }
      for (const _ of allElements(q)) cells.push("");
      lines.push(csvLine(cells));
    }
  }
  return lines.join("");
}

/** Twelve 60-character group names with æøå that differ only at their ends. */
export const LONG_GROUPS = Array.from({ length: 12 }, (_, i) => {
  const base = `Børne- og Ungeforvaltningens Sårbare Familier, Øst ${String.fromCharCode(65 + i)}`;
  return `${base} ${"æ".repeat(60 - base.length - 1)}`;
});

/** Ten forvaltninger with long, real-looking names. */
export const FORVALTNINGER = [
  "Beskæftigelsesforvaltningen",
  "Børne- og Ungdomsforvaltningen",
  "Socialforvaltningen",
  "Sundheds- og Omsorgsforvaltningen",
  "Teknik- og Miljøforvaltningen",
  "Kultur- og Fritidsforvaltningen",
  "Økonomiforvaltningen",
  "Handicap- og Psykiatriforvaltningen",
  "Ældre- og Sundhedsforvaltningen",
  "Borgerservice og Digitalisering",
];
