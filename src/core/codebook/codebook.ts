// Room core/codebook/ — the data dictionary of the wide response CSV (SPEC §5, "For researchers"): its model, variable names, and syntax for SPSS/PSPP, R and Stata.
import { allElements, allItems, dontKnowLabel, itemText, labelOf, scaleLabel, titleOf } from "../questionnaire/levels.ts";
import type { Item, Questionnaire } from "../questionnaire/questionnaire.ts";
import { citeSource } from "../questionnaire/citation.ts";
import { FIXED_COLUMNS } from "../questionnaire/rules.ts";
import { COMMENT_PREFIX, wideColumns } from "../responses/responses.ts";
import { DONT_KNOW } from "../scoring/scoring.ts";
import type { Lang } from "../text.ts";
import { variableNames } from "./names.ts";

export type ColumnKind = "fixed" | "metadata" | "item" | "comment";

/** One column of the wide CSV, as a researcher needs to know it. */
export type CodebookColumn = {
  /** The column's name in the CSV. */
  column: string;
  /** Its name in SPSS, R and Stata (letters, digits and `_`, at most 32 characters, unique). */
  variable: string;
  kind: ColumnKind;
  label: string;
  element: string | null;
  element_label: string | null;
  area: string | null;
  area_label: string | null;
  /** The levels an item is put to. */
  levels: string[] | null;
  /** Each level's wording of an item (one entry per level it is put to). */
  wording: { level: string; text: string }[] | null;
  reverse: boolean | null;
  /** On a mirror level's item: the rated level's own item it mirrors, and the level it rates. */
  mirror_of: string | null;
  rates: string | null;
  /** On a rated level's item: the mirror items paired with it. */
  mirrored_by: string[] | null;
  source: string | null;
  /** The source as a reader's citation (author, year, title, section), from the questionnaire's `sources`. */
  citation: string | null;
  /** Value labels: the scale for items, the level labels for `level`. */
  values: Record<string, string> | null;
};

export type Codebook = {
  questionnaire: { id: string; version: string; title: string };
  scale: { min: number; max: number; labels: Record<string, string>; dont_know: string | null };
  /** The numeric code "Ved ikke" gets in SPSS/Stata, declared user-missing: the smallest all-nines number above the scale. */
  dont_know_code: number;
  missing: { empty: string; ved_ikke: string };
  columns: CodebookColumn[];
};

const FIXED_LABELS: Record<(typeof FIXED_COLUMNS)[number], [string, string]> = {
  respondent_id: ["Respondent (pseudonym)", "Respondent (pseudonym)"],
  questionnaire_id: ["Spørgeskemaets id", "Questionnaire id"],
  questionnaire_version: ["Spørgeskemaets version", "Questionnaire version"],
  level: ["Ledelsesniveau", "Leadership level"],
  group: ["Gruppe (fri tekst)", "Group (free text)"],
  submitted_at: ["Indsendt (ISO 8601 med tidszone)", "Submitted (ISO 8601 with offset)"],
};

export const dontKnowCode = (max: number): number => {
  let code = 9;
  while (code <= max) code = code * 10 + 9;
  return code;
};

const none = { element: null, element_label: null, area: null, area_label: null, levels: null, wording: null, reverse: null, mirror_of: null, rates: null, mirrored_by: null, source: null, citation: null, values: null };

/**
 * The codebook of the wide CSV of `q`. `header` is a data file's own header (its columns in its
 * order, so the syntax reads that file exactly); without it, the columns `run` writes.
 */
export function buildCodebook(q: Questionnaire, lang: Lang, header?: readonly string[]): Codebook {
  const da = lang === "da";
  const columns = header ?? wideColumns(q);
  const items = new Map(allItems(q).map((item) => [item.id, item]));
  const where = new Map<string, { element: string; element_label: string; area: string; area_label: string }>();
  for (const area of q.areas) {
    for (const element of area.elements) {
      const place = { element: element.id, element_label: labelOf(element, lang), area: area.id, area_label: labelOf(area, lang) };
      where.set(element.id, place);
      for (const item of element.items) where.set(item.id, place);
    }
  }
  const elementIds = new Set(allElements(q).map((e) => e.id));
  const allLevels = q.levels.map((l) => l.id);
  const scale: Record<string, string> = {};
  for (let v = q.scale.min; v <= q.scale.max; v++) scale[String(v)] = scaleLabel(q, v, lang);
  const names = variableNames(columns);

  const itemColumn = (column: string, item: Item, variable: string): CodebookColumn => {
    const levels = item.levels ?? allLevels;
    const mirrorLevel = item.mirror_of ? q.levels.find((l) => l.rates !== undefined && levels.includes(l.id)) : undefined;
    const mirroredBy = allItems(q).filter((other) => other.mirror_of === item.id).map((other) => other.id);
    return {
      column, variable, kind: "item",
      label: itemText(item, levels[0], lang),
      ...where.get(item.id)!,
      levels,
      wording: levels.map((level) => ({ level, text: itemText(item, level, lang) })),
      reverse: item.reverse,
      mirror_of: item.mirror_of ?? null,
      rates: mirrorLevel?.rates ?? null,
      mirrored_by: mirroredBy.length > 0 ? mirroredBy : null,
      source: item.source ?? null,
      citation: item.source ? citeSource(q.sources, item.source, lang) : null,
      values: { ...scale, [DONT_KNOW]: dontKnowLabel(q, lang) ?? (da ? "Ved ikke" : "Don't know") },
    };
  };

  return {
    questionnaire: { id: q.id, version: q.version, title: titleOf(q, lang) },
    scale: { min: q.scale.min, max: q.scale.max, labels: scale, dont_know: dontKnowLabel(q, lang) ?? null },
    dont_know_code: dontKnowCode(q.scale.max),
    missing: {
      empty: da ? "tom celle: spørgsmålet er ikke stillet til niveauet eller ikke besvaret" : "empty cell: the item was not put to the level or not answered",
      ved_ikke: da ? `"${DONT_KNOW}": svaret "${dontKnowLabel(q, lang) ?? "Ved ikke"}"` : `"${DONT_KNOW}": the answer "${dontKnowLabel(q, lang) ?? "Don't know"}"`,
    },
    columns: columns.map((column, i): CodebookColumn => {
      const variable = names[i]!;
      const fixed = FIXED_LABELS[column as keyof typeof FIXED_LABELS];
      if (fixed) {
        const values = column === "level" ? Object.fromEntries(q.levels.map((l) => [l.id, labelOf(l, lang)])) : null;
        return { ...none, column, variable, kind: "fixed", label: fixed[da ? 0 : 1], values };
      }
      const item = items.get(column);
      if (item) return itemColumn(column, item, variable);
      const element = column.startsWith(COMMENT_PREFIX) ? column.slice(COMMENT_PREFIX.length) : undefined;
      if (element !== undefined && elementIds.has(element)) {
        const place = where.get(element)!;
        return { ...none, column, variable, kind: "comment", label: `${da ? "Kommentar" : "Comment"}: ${place.element_label}`, ...place };
      }
      return { ...none, column, variable, kind: "metadata", label: `${da ? "Metadata" : "Metadata"}: ${column}` };
    }),
  };
}
