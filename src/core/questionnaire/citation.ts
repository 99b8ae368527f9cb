// Room core/questionnaire/ — load and validate: the questionnaire model (zod schema, JSON Schema), its cross-field and mirror rules, levels and wording per level, citations, scope and good practice.
import type { SourceInfo } from "./questionnaire.ts";
import type { Lang } from "../text.ts";

type Sources = Record<string, SourceInfo> | undefined;

const span = (range: string): [number, number] => {
  const [from, to = from] = range.split("-").map(Number);
  return [from!, to!];
};

/**
 * One reference ("000:1514-1518") as a reader's citation: "Socialstyrelsen 2014, Delrapport 1, afsnit 3.4.4".
 * The narrowest section that holds the cited lines is named; without one, the document alone. A file not in
 * `sources` keeps its line reference, so nothing is ever silently dropped.
 */
export function citeRef(sources: Sources, ref: string, lang: Lang): string {
  const [file, range] = ref.trim().split(":");
  const info = file === undefined ? undefined : sources?.[file];
  if (info === undefined || range === undefined) return ref.trim();
  const [from, to] = span(range);
  const holding = info.sections
    .map((section) => ({ section, bounds: span(section.lines) }))
    .filter(({ bounds: [a, b] }) => a <= from && to <= b)
    .sort((x, y) => x.bounds[1] - x.bounds[0] - (y.bounds[1] - y.bounds[0]));
  const section = holding[0]?.section;
  const label = section === undefined ? undefined : lang === "en" ? (section.label_en ?? section.label) : section.label;
  return [`${info.author} ${info.year}`, info.short ?? info.title, ...(label ? [label] : [])].join(", ");
}

/** A `source:` string with one or more references; repeated citations (two ranges in one section) are given once. */
export function citeSource(sources: Sources, source: string, lang: Lang): string {
  const cited = source.split(";").map((ref) => citeRef(sources, ref, lang));
  return [...new Set(cited)].join("; ");
}
