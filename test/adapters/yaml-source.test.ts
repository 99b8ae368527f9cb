import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseQuestionnaire } from "../../src/adapters/files/yaml-source.ts";
import { fixture, MINI } from "../helpers/paths.ts";

const load = (name: string) => {
  const file = fixture("questionnaires", name);
  return parseQuestionnaire(readFileSync(file, "utf8"), file);
};

// Expected [code, line, column] for every issue, read off the fixture files by hand.
const cases: [string, [string, number, number][]][] = [
  // One unclosed `[ {` gives yaml three errors at one place; the user gets one message.
  ["invalid/yaml-syntax.yaml", [["yaml_syntax", 15, 1]]],
  ["invalid/missing-fields.yaml", [["invalid_type", 1, 1], ["invalid_type", 4, 3], ["invalid_union", 15, 13], ["invalid_type", 16, 45]]],
  ["invalid/duplicate-ids.yaml", [["duplicate_id", 19, 19], ["duplicate_id", 20, 13], ["duplicate_id", 30, 19]]],
  ["invalid/undeclared-level.yaml", [["undeclared_level", 19, 49], ["missing_text", 21, 19], ["undeclared_level", 21, 27]]],
  ["invalid/empty-element.yaml", [["too_small", 17, 16]]],
  ["invalid/scale-range.yaml", [["scale_range", 5, 8]]],
  ["invalid/level-without-items.yaml", [["level_without_items", 10, 11]]],
  ["invalid/bands-unsorted.yaml", [["bands_not_sorted", 22, 12], ["band_out_of_range", 23, 12]]],
  ["invalid/mirror-rates.yaml", [["rates_mirror", 11, 43], ["rates_unknown", 12, 41]]],
  ["invalid/mirror-items.yaml", [["mirror_of_unknown", 23, 84], ["mirror_of_not_rated", 24, 84], ["mirror_of_mirror", 25, 79], ["mirror_of_not_mirror", 26, 83]]],
  ["invalid/sources-unlisted.yaml", [["source_unlisted", 18, 17], ["source_unlisted", 21, 41]]],
  ["invalid/bad-ids.yaml", [["invalid_format", 12, 9], ["reserved_id", 15, 13], ["reserved_id", 18, 19], ["invalid_format", 19, 41]]],
];

describe("parseQuestionnaire on broken files", () => {
  it.each(cases)("%s reports every issue with its line and column", (name, expected) => {
    const result = load(name);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.code, i.position?.line, i.position?.col])).toEqual(expected);
    for (const issue of result.issues) {
      expect(issue.message.da).not.toBe("");
      expect(issue.message.en).not.toBe("");
    }
  });

  it("points a duplicate at the first use of the id", () => {
    const result = load("invalid/duplicate-ids.yaml");
    if (result.ok) throw new Error("expected invalid");
    expect(result.issues[0]).toMatchObject({ path: ["areas", 0, "elements", 0, "items", 1, "id"], relatedPosition: { line: 18 } });
  });

  it("reports a missing field in Danish and English", () => {
    const result = load("invalid/missing-fields.yaml");
    if (result.ok) throw new Error("expected invalid");
    expect(result.issues[1]).toMatchObject({ path: ["scale", "max"], message: { da: "mangler (forventede et tal)", en: "is missing (expected a number)" } });
  });
});

describe("parseQuestionnaire on valid files", () => {
  it("accepts the mini fixture with defaults filled in", () => {
    const result = parseQuestionnaire(readFileSync(MINI, "utf8"), MINI);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([]);
    expect(result.questionnaire.language).toBe("da");
    expect(result.questionnaire.areas[0]!.elements[0]!.items[0]!.reverse).toBe(false);
    expect(result.hash).toMatch(/^[0-9a-f]{12}$/);
  });

  it("warns about unknown keys without rejecting the file", () => {
    const result = load("warnings/unknown-key.yaml");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings.map((w) => [w.code, w.path.at(-1), w.position?.line])).toEqual([
      ["unknown_key", "revers", 19],
      ["unknown_key", "farve", 21],
    ]);
  });

  it("gives the same hash for the same content however it is formatted", () => {
    const text = readFileSync(MINI, "utf8");
    const a = parseQuestionnaire(text, "a.yaml");
    const b = parseQuestionnaire(`# a comment\n${text.replace(/\n/g, "\n\n")}`, "b.yaml");
    const c = parseQuestionnaire(text.replace('version: "2"', 'version: "3"'), "c.yaml");
    if (!a.ok || !b.ok || !c.ok) throw new Error("expected valid");
    expect(b.hash).toBe(a.hash);
    expect(c.hash).not.toBe(a.hash);
  });
});
