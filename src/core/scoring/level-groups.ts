import { labelOf, LEADERS, populationOf } from "../questionnaire/levels.ts";
import type { Questionnaire } from "../questionnaire/questionnaire.ts";
import { t, type Lang, type Text } from "../text.ts";

/** `--merge-levels A+B[=label]`: levels counted as one group in every breakdown by level (SPEC §4 rule 7). */
export type LevelMerge = { levels: string[]; label: string | undefined };

/** How respondents' levels become groups: merged levels share one key, placed where its first level stood. */
export type LevelGrouping = {
  keyOf: (level: string) => string;
  labelOf: (key: string, lang: Lang) => string;
  /** Group keys in the questionnaire's level order. */
  order: string[];
  populationOf: (level: string) => string;
  merges: LevelMerge[];
};

export function parseMergeLevels(q: Questionnaire, specs: readonly string[]): { merges: LevelMerge[] } | { error: Text } {
  const known = new Set(q.levels.map((l) => l.id));
  const used = new Set<string>();
  const merges: LevelMerge[] = [];
  for (const spec of specs) {
    const [list = "", label] = spec.split("=", 2).map((s) => s.trim());
    const levels = list.split("+").map((s) => s.trim()).filter(Boolean);
    const expected = t(`Forventet fx --merge-levels direktion+chef=Topledelse.`, `Expected e.g. --merge-levels direktion+chef=Topledelse.`);
    if (levels.length < 2) return { error: t(`--merge-levels "${spec}": nævn mindst to niveauer med + imellem. ${expected.da}`, `--merge-levels "${spec}": name at least two levels joined by +. ${expected.en}`) };
    const unknown = levels.filter((l) => !known.has(l));
    if (unknown.length > 0) {
      const ids = [...known].join(", ");
      return { error: t(`--merge-levels "${spec}": ukendt niveau ${unknown.join(", ")} (spørgeskemaets niveauer: ${ids})`, `--merge-levels "${spec}": unknown level ${unknown.join(", ")} (the questionnaire's levels: ${ids})`) };
    }
    const twice = levels.filter((l) => used.has(l) || levels.indexOf(l) !== levels.lastIndexOf(l));
    if (twice.length > 0) return { error: t(`--merge-levels: niveauet ${twice[0]} er nævnt mere end én gang`, `--merge-levels: level ${twice[0]} is named more than once`) };
    if (new Set(levels.map((l) => populationOf(q, l))).size > 1) {
      return { error: t(`--merge-levels "${spec}": et spejlniveau kan ikke lægges sammen med ledere (de vurderer hinanden)`, `--merge-levels "${spec}": a mirror level cannot be merged with leaders (they rate each other)`) };
    }
    if (label !== undefined && label === "") return { error: t(`--merge-levels "${spec}": navnet efter = er tomt`, `--merge-levels "${spec}": the name after = is empty`) };
    levels.forEach((l) => used.add(l));
    merges.push({ levels, label });
  }
  return { merges };
}

export function levelGrouping(q: Questionnaire, merges: readonly LevelMerge[] = []): LevelGrouping {
  const keyOfMerge = (m: LevelMerge) => m.label ?? m.levels.join("+");
  const mergeOf = new Map(merges.flatMap((m) => m.levels.map((l) => [l, m] as const)));
  const keyOf = (level: string) => {
    const m = mergeOf.get(level);
    return m ? keyOfMerge(m) : level;
  };
  const byKey = new Map(merges.map((m) => [keyOfMerge(m), m]));
  return {
    keyOf,
    labelOf: (key, lang) => {
      const m = byKey.get(key);
      if (m) return m.label ?? m.levels.map((l) => labelOf(q.levels.find((x) => x.id === l)!, lang)).join(" + ");
      const level = q.levels.find((l) => l.id === key);
      return level ? labelOf(level, lang) : key;
    },
    order: [...new Set(q.levels.map((l) => keyOf(l.id)))],
    populationOf: (level) => (q.levels.some((l) => l.id === level) ? populationOf(q, level) : LEADERS),
    merges: [...merges],
  };
}
