import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { csvLine } from "../src/adapters/csv/csv-write.ts";
import { allElements, allItems, presentedTo } from "../src/core/questionnaire/levels.ts";
import type { Questionnaire } from "../src/core/questionnaire/questionnaire.ts";
import { wideColumns } from "../src/core/responses/responses.ts";

/** Deterministic pseudo-random numbers (LCG), so every run benchmarks the same bytes. */
function lcg(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * A synthetic national export in the wide format: levels spread as in a municipality, a latent
 * trait per respondent, 4 % blanks, 2 % "ved ikke", and now and then a quoted comment with commas.
 */
export async function generateExport(q: Questionnaire, rows: number, path: string): Promise<void> {
  const random = lcg(20141120);
  const items = allItems(q);
  const elements = allElements(q);
  const levels = q.levels.map((l) => l.id);
  const weights = levels.map((_, i) => i + 1);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const out = createWriteStream(path);
  out.write(csvLine(wideColumns(q, ["kommune", "wave"])));
  const { min, max } = q.scale;
  let batch: string[] = [];
  for (let r = 0; r < rows; r++) {
    let pick = random() * totalWeight;
    let li = 0;
    while (pick > weights[li]!) pick -= weights[li++]!;
    const level = levels[Math.min(li, levels.length - 1)]!;
    const trait = min + random() * (max - min);
    const cells = [
      `r${r}`, q.id, q.version, level, `enhed-${Math.floor(random() * 40)}`, "2026-05-04T10:00:00+02:00",
      `kommune-${Math.floor(random() * 98)}`, "2026",
      ...items.map((item) => {
        if (!presentedTo(item, level)) return "";
        const u = random();
        if (u < 0.04) return "";
        if (u < 0.06 && q.scale.dont_know) return "ved_ikke";
        const v = Math.round(trait + (random() - 0.5) * 2.5);
        const clamped = Math.max(min, Math.min(max, v));
        return String(item.reverse ? min + max - clamped : clamped);
      }),
      ...elements.map(() => (random() < 0.01 ? 'Vi har travlt, men "det går", synes jeg' : "")),
    ];
    batch.push(csvLine(cells));
    if (batch.length === 5000) {
      if (!out.write(batch.join(""))) await once(out, "drain");
      batch = [];
    }
  }
  out.end(batch.join(""));
  await once(out, "finish");
}
