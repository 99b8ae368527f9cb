import type { Issue, Path } from "../issues.ts";
import { presentedTo } from "./levels.ts";
import type { Item, Questionnaire } from "./questionnaire.ts";
import { t } from "../text.ts";

/**
 * Rules for mirror levels (SPEC §2): a mirror level's respondents rate the practice of one leader level,
 * and each mirror item names the self-rated item it is compared with. A pairing that cannot hold
 * would make the "self vs. others" comparison compare unlike things, so it is an error, not a warning.
 */
const error = (code: string, path: Path, da: string, en: string): Issue => ({ code, severity: "error", path, message: t(da, en) });

type Located = { item: Item; path: Path };

const located = (q: Questionnaire): Located[] =>
  q.areas.flatMap((area, a) =>
    area.elements.flatMap((element, e) => element.items.map((item, i) => ({ item, path: ["areas", a, "elements", e, "items", i] as Path }))),
  );

export const mirrorLevelsRateLeaders = (q: Questionnaire): Issue[] =>
  q.levels.flatMap((level, i) => {
    if (level.rates === undefined) return [];
    const rated = q.levels.find((l) => l.id === level.rates);
    const path: Path = ["levels", i, "rates"];
    if (rated === undefined) return [error("rates_unknown", path, `niveauet "${level.rates}" findes ikke under levels`, `level "${level.rates}" is not declared under levels`)];
    if (rated.rates !== undefined) return [error("rates_mirror", path, `"${level.rates}" er selv et spejlniveau; et spejl kan kun vurdere et lederniveau`, `"${level.rates}" is itself a mirror level; a mirror can only rate a leader level`)];
    if (rated.id === level.id) return [error("rates_mirror", path, `et niveau kan ikke vurdere sig selv`, `a level cannot rate itself`)];
    return [];
  });

/** The mirror level(s) an item is put to; an item shared between a mirror and a leader level is caught too. */
const mirrorLevelsOf = (q: Questionnaire, item: Item) => q.levels.filter((l) => l.rates !== undefined && presentedTo(item, l.id));

export const mirrorItemsPairUp = (q: Questionnaire): Issue[] => {
  const items = located(q);
  const byId = new Map(items.map(({ item }) => [item.id, item]));
  return items.flatMap(({ item, path }) => {
    if (item.mirror_of === undefined) return [];
    const at: Path = [...path, "mirror_of"];
    const mirrors = mirrorLevelsOf(q, item);
    const leaders = q.levels.filter((l) => l.rates === undefined && presentedTo(item, l.id));
    if (mirrors.length === 0 || leaders.length > 0) {
      return [error("mirror_of_not_mirror", at, `mirror_of hører kun hjemme på spørgsmål, der alene stilles til et spejlniveau (et niveau med rates)`, `mirror_of belongs only on items put to a mirror level alone (a level with rates)`)];
    }
    const target = byId.get(item.mirror_of);
    if (target === undefined) return [error("mirror_of_unknown", at, `spørgsmålet "${item.mirror_of}" findes ikke`, `item "${item.mirror_of}" does not exist`)];
    if (mirrorLevelsOf(q, target).length > 0) {
      return [error("mirror_of_mirror", at, `"${item.mirror_of}" er et spejlspørgsmål; et spejl skal pege på et spørgsmål til et lederniveau`, `"${item.mirror_of}" is a mirror item; a mirror must point to an item put to a leader level`)];
    }
    return mirrors
      .filter((m) => m.rates !== undefined && !presentedTo(target, m.rates))
      .map((m) => error("mirror_of_not_rated", at, `"${item.mirror_of}" stilles ikke til "${m.rates}", som "${m.id}" vurderer`, `"${item.mirror_of}" is not put to "${m.rates}", the level "${m.id}" rates`));
  });
};

/** With a `sources` map, every cited source file must be in it, or the citation could not be written out. */
export const sourcesAreListed = (q: Questionnaire): Issue[] => {
  if (q.sources === undefined) return [];
  const known = new Set(Object.keys(q.sources));
  const cited: { source: string | undefined; path: Path }[] = [
    ...located(q).map(({ item, path }) => ({ source: item.source, path: [...path, "source"] as Path })),
    ...q.areas.flatMap((area, a) => [
      { source: area.source, path: ["areas", a, "source"] as Path },
      ...area.elements.map((el, e) => ({ source: el.source, path: ["areas", a, "elements", e, "source"] as Path })),
    ]),
  ];
  return cited.flatMap(({ source, path }) =>
    (source ?? "")
      .split(";")
      .map((ref) => ref.trim().split(":")[0]!)
      .filter((file) => file !== "" && !known.has(file))
      .map((file) => error("source_unlisted", path, `kilden "${file}" står ikke under sources`, `source "${file}" is not listed under sources`)),
  );
};
