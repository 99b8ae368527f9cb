import type { Issue, Path } from "../issues.ts";
import type { Questionnaire } from "./questionnaire.ts";
import { mirrorItemsPairUp, mirrorLevelsRateLeaders, sourcesAreListed } from "./mirror-rules.ts";
import { t } from "../text.ts";

/** A cross-field rule: runs on a shape-valid questionnaire and reports what the schema cannot see. */
export type Rule = (q: Questionnaire) => Issue[];

/** Columns every response file has; an item id equal to one would make the CSV ambiguous. */
export const FIXED_COLUMNS = [
  "respondent_id",
  "questionnaire_id",
  "questionnaire_version",
  "level",
  "group",
  "submitted_at",
] as const;

const error = (code: string, path: Path, da: string, en: string, related?: Path): Issue => ({
  code,
  severity: "error",
  path,
  message: t(da, en),
  ...(related ? { related } : {}),
});

function duplicates(entries: { id: string; path: Path }[], what: { da: string; en: string }): Issue[] {
  const seen = new Map<string, Path>();
  const issues: Issue[] = [];
  for (const { id, path } of entries) {
    const first = seen.get(id);
    if (first) {
      issues.push(error("duplicate_id", [...path, "id"], `${what.da}-id "${id}" er brugt før; id'er skal være unikke`, `${what.en} id "${id}" is used before; ids must be unique`, [...first, "id"]));
    } else seen.set(id, path);
  }
  return issues;
}

const itemEntries = (q: Questionnaire) =>
  q.areas.flatMap((area, a) =>
    area.elements.flatMap((element, e) =>
      element.items.map((item, i) => ({ item, path: ["areas", a, "elements", e, "items", i] as Path })),
    ),
  );

export const scaleIsOrdered: Rule = (q) =>
  q.scale.min >= q.scale.max
    ? [error("scale_range", ["scale", "min"], `scale.min (${q.scale.min}) skal være mindre end scale.max (${q.scale.max})`, `scale.min (${q.scale.min}) must be less than scale.max (${q.scale.max})`)]
    : [];

export const scaleLabelsOnScale: Rule = (q) =>
  q.scale.min >= q.scale.max ? [] : (["labels", "labels_en"] as const).flatMap((field) =>
    Object.keys(q.scale[field] ?? {})
      .filter((key) => !/^-?\d+$/.test(key) || Number(key) < q.scale.min || Number(key) > q.scale.max)
      .map((key) => error("label_off_scale", ["scale", field, key], `etiketten "${key}" er ikke en værdi på skalaen ${q.scale.min}-${q.scale.max}`, `label "${key}" is not a value on the scale ${q.scale.min}-${q.scale.max}`)),
  );

export const idsAreUnique: Rule = (q) => [
  ...duplicates(q.levels.map((level, i) => ({ id: level.id, path: ["levels", i] })), { da: "Niveau", en: "Level" }),
  // Areas, elements and `total` share one namespace: they are all score columns.
  ...duplicates(
    [
      ...q.areas.map((area, a) => ({ id: area.id, path: ["areas", a] as Path })),
      ...q.areas.flatMap((area, a) => area.elements.map((el, e) => ({ id: el.id, path: ["areas", a, "elements", e] as Path }))),
    ],
    { da: "Område/element", en: "Area/element" },
  ),
  ...duplicates(itemEntries(q).map(({ item, path }) => ({ id: item.id, path })), { da: "Spørgsmåls", en: "Item" }),
];

export const idsAreNotReserved: Rule = (q) => [
  ...q.areas.flatMap((area, a) => [
    { id: area.id, path: ["areas", a, "id"] as Path },
    ...area.elements.map((el, e) => ({ id: el.id, path: ["areas", a, "elements", e, "id"] as Path })),
  ])
    .filter(({ id }) => id === "total")
    .map(({ path }) => error("reserved_id", path, `"total" er reserveret til den samlede score`, `"total" is reserved for the overall score`)),
  ...itemEntries(q)
    .filter(({ item }) => (FIXED_COLUMNS as readonly string[]).includes(item.id))
    .map(({ item, path }) => error("reserved_id", [...path, "id"], `"${item.id}" er et fast kolonnenavn i besvarelsesfiler`, `"${item.id}" is a fixed column name in response files`)),
];

export const itemLevelsAreDeclared: Rule = (q) => {
  const declared = new Set(q.levels.map((level) => level.id));
  return itemEntries(q).flatMap(({ item, path }) => [
    ...(item.levels ?? []).flatMap((level, j) =>
      declared.has(level) ? [] : [error("undeclared_level", [...path, "levels", j], `niveauet "${level}" er ikke erklæret under levels`, `level "${level}" is not declared under levels`)],
    ),
    ...(["text", "text_en"] as const).flatMap((field) => {
      const text = item[field];
      if (text === undefined || typeof text === "string") return [];
      return Object.keys(text)
        .filter((key) => key !== "default" && !declared.has(key))
        .map((key) => error("undeclared_level", [...path, field, key], `"${key}" er hverken et erklæret niveau eller default`, `"${key}" is neither a declared level nor default`));
    }),
  ]);
};

export const itemsHaveTextForTheirLevels: Rule = (q) => {
  const all = q.levels.map((level) => level.id);
  return itemEntries(q).flatMap(({ item, path }) => {
    const text = item.text;
    if (typeof text === "string" || "default" in text) return [];
    return (item.levels ?? all)
      .filter((level) => !(level in text))
      .map((level) => error("missing_text", [...path, "text"], `ingen tekst til niveauet "${level}" (tilføj "${level}:" eller "default:")`, `no text for level "${level}" (add "${level}:" or "default:")`));
  });
};

export const levelsHaveItems: Rule = (q) => {
  const used = new Set(itemEntries(q).flatMap(({ item }) => item.levels ?? q.levels.map((level) => level.id)));
  return q.levels.flatMap((level, i) =>
    used.has(level.id) ? [] : [error("level_without_items", ["levels", i, "id"], `niveauet "${level.id}" har ingen spørgsmål`, `level "${level.id}" has no items`)],
  );
};

export const bandsAreSorted: Rule = (q) =>
  q.bands.flatMap((band, i) => {
    const issues: Issue[] = [];
    if (band.min < 0 || band.min > 100) {
      issues.push(error("band_out_of_range", ["bands", i, "min"], `bands[${i}].min (${band.min}) skal ligge mellem 0 og 100`, `bands[${i}].min (${band.min}) must lie between 0 and 100`));
    }
    const previous = q.bands[i - 1];
    if (previous && band.min <= previous.min) {
      issues.push(error("bands_not_sorted", ["bands", i, "min"], `bands skal være sorteret efter stigende min (${band.min} kommer efter ${previous.min})`, `bands must be sorted by increasing min (${band.min} comes after ${previous.min})`));
    }
    return issues;
  });

export const RULES: Rule[] = [
  scaleIsOrdered,
  scaleLabelsOnScale,
  idsAreUnique,
  idsAreNotReserved,
  itemLevelsAreDeclared,
  itemsHaveTextForTheirLevels,
  levelsHaveItems,
  bandsAreSorted,
  mirrorLevelsRateLeaders,
  mirrorItemsPairUp,
  sourcesAreListed,
];
