import { descriptionOf, dontKnowLabel, elementItems, itemText, labelOf, scaleLabel, titleOf } from "../../core/questionnaire/levels.ts";
import type { Questionnaire } from "../../core/questionnaire/questionnaire.ts";
import { scopeLines } from "../../core/questionnaire/scope.ts";
import type { Io } from "../io.ts";
import { loadQuestionnaire, requireLevel } from "../load.ts";
import { questionnaireProvenance } from "../provenance.ts";

export type ShowOptions = { questionnaire?: string; level?: string; json?: boolean };

/** The `show --json` shape of SPEC §5; with a level, texts are resolved and only its items listed. */
export function showJson(q: Questionnaire, level: string | undefined, lang: "da" | "en") {
  return {
    id: q.id,
    version: q.version,
    title: titleOf(q, lang),
    scale: { min: q.scale.min, max: q.scale.max, labels: labelsFor(q, lang), dont_know: dontKnowLabel(q, lang) ?? null },
    levels: q.levels.map((l) => ({ id: l.id, label: labelOf(l, lang), rates: l.rates ?? null })),
    areas: q.areas.map((area) => ({
      id: area.id,
      label: labelOf(area, lang),
      elements: area.elements.map((element) => ({
        id: element.id,
        label: labelOf(element, lang),
        items: (level ? elementItems(element, level) : element.items).map((item) => ({
          id: item.id,
          text: level ? itemText(item, level, lang) : lang === "en" ? (item.text_en ?? item.text) : item.text,
          levels: item.levels ?? q.levels.map((l) => l.id),
          reverse: item.reverse,
          mirror_of: item.mirror_of ?? null,
          source: item.source ?? null,
        })),
      })),
    })),
    bands: q.bands.map((band) => ({ min: band.min, label: labelOf(band, lang) })),
    scoring: { min_answered: q.scoring.min_answered },
    anonymity: { min_group_size: q.anonymity.min_group_size },
    provenance: questionnaireProvenance(q),
  };
}

const labelsFor = (q: Questionnaire, lang: "da" | "en"): Record<string, string> => {
  const labels: Record<string, string> = {};
  for (let v = q.scale.min; v <= q.scale.max; v++) labels[String(v)] = scaleLabel(q, v, lang);
  return labels;
};

export async function show(options: ShowOptions, io: Io): Promise<number> {
  const { questionnaire: q } = await loadQuestionnaire(options.questionnaire, io);
  const level = requireLevel(q, options.level);
  if (options.json) {
    io.out(JSON.stringify(showJson(q, level, io.lang), null, 2));
    return 0;
  }
  const { bold, dim } = io.color;
  const da = io.lang === "da";
  io.out(bold(`${titleOf(q, io.lang)} (${q.id} ${q.version})`));
  for (const line of scopeLines(q, io.lang)) io.out(line);
  const levelLine = level ? labelOf(q.levels.find((l) => l.id === level)!, io.lang) : q.levels.map((l) => l.id).join(", ");
  io.out(`${da ? "Niveau" : "Level"}: ${levelLine}`);
  const scale = Object.entries(labelsFor(q, io.lang)).map(([v, label]) => `${v} ${label}`);
  const dontKnow = dontKnowLabel(q, io.lang);
  io.out(`${da ? "Skala" : "Scale"}: ${scale.join(" · ")}${dontKnow ? ` · ${dontKnow}` : ""}`);
  let shown = 0;
  for (const area of q.areas) {
    io.out(`\n${bold(labelOf(area, io.lang).toUpperCase())}`);
    for (const element of area.elements) {
      const items = level ? elementItems(element, level) : element.items;
      io.out(`\n  ${bold(labelOf(element, io.lang))} ${dim(`(${element.id})`)}`);
      const description = descriptionOf(element, io.lang);
      if (description) io.out(dim(`  ${description}`));
      if (items.length === 0) io.out(dim(da ? "    (ingen spørgsmål på dette niveau)" : "    (no items at this level)"));
      for (const item of items) {
        const levels = level ? "" : dim(` [${(item.levels ?? q.levels.map((l) => l.id)).join(", ")}]`);
        const reverse = item.reverse ? dim(da ? " (omvendt)" : " (reversed)") : "";
        io.out(`    ${item.id.padEnd(8)} ${itemText(item, level, io.lang)}${reverse}${levels}`);
      }
      shown += items.length;
    }
  }
  io.out(`\n${shown} ${da ? "spørgsmål" : "items"}`);
  return 0;
}
