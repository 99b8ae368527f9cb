import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { GoodPractice } from "../src/core/questionnaire/good-practice.ts";
import { allElements, allItems, elementItems, itemsForLevel, itemText } from "../src/core/questionnaire/levels.ts";
import type { Questionnaire } from "../src/core/questionnaire/questionnaire.ts";
import { loadValid } from "./helpers/load.ts";
import { ROOT } from "./helpers/paths.ts";

const bundled = (id: string) => loadValid(join(ROOT, "questionnaires", `${id}.yaml`));
const practice = (id: string) => GoodPractice.parse(parse(readFileSync(join(ROOT, "templates", "good-practice", `${id}.yaml`), "utf8")));

/** Line counts of the five source documents (../shared/seeds), so every reference can be checked. */
const SEED_LINES: Record<string, number> = { "000": 7489, "001": 2763, "002": 1592, "003": 704, "004": 3390 };

function checkSources(q: Questionnaire) {
  const refs = [...allItems(q).map((i) => [i.id, i.source] as const), ...allElements(q).map((e) => [e.id, e.source] as const)];
  for (const [id, source] of refs) {
    expect(source, `${id} has no source`).toBeDefined();
    for (const ref of source!.split(";").map((r) => r.trim())) {
      const [file, range] = ref.split(":");
      const [from, to = from] = range!.split("-").map(Number);
      expect(SEED_LINES[file!], `${id}: unknown source file ${file}`).toBeDefined();
      expect(from!, `${id}: ${ref}`).toBeLessThanOrEqual(to!);
      expect(to!, `${id}: ${ref} lies past the end of ${file}`).toBeLessThanOrEqual(SEED_LINES[file!]!);
    }
  }
}

const LEADERS = ["direktion", "chef", "afdelingsleder", "teamleder"];

describe("the default questionnaire, faglig-ledelse", () => {
  const q = bundled("faglig-ledelse");

  it("has the areas, elements and levels of SPEC §1", () => {
    expect(q.areas.map((a) => [a.id, a.elements.map((e) => e.id)])).toEqual([
      ["faglig-ledelse", ["saette-retningen", "organisere", "understoette", "foelge-op"]],
      ["ledelsesinformation", ["identifikation", "indsamling", "praesentation", "anvendelse"]],
    ]);
    expect(q.levels.map((l) => l.id)).toEqual(["direktion", "chef", "afdelingsleder", "teamleder", "medarbejder"]);
    expect(q.scale).toMatchObject({ min: 1, max: 5, dont_know: "Ved ikke" });
    expect(q.scale.labels).toEqual({ 1: "Slet ikke", 2: "I mindre grad", 3: "I nogen grad", 4: "I høj grad", 5: "I meget høj grad" });
  });

  it("has at least 48 items, 15-35 per leader level, covering at least 6 of the 8 elements", () => {
    expect(allItems(q).length).toBeGreaterThanOrEqual(48);
    for (const level of LEADERS) {
      const items = itemsForLevel(q, level);
      expect(items.length, level).toBeGreaterThanOrEqual(15);
      expect(items.length, level).toBeLessThanOrEqual(35);
      const covered = allElements(q).filter((e) => elementItems(e, level).length > 0);
      expect(covered.length, level).toBeGreaterThanOrEqual(6);
    }
    expect(itemsForLevel(q, "medarbejder").length).toBeGreaterThan(0);
  });

  it("asks the top of the chain other things than the leaders nearest the caseworkers", () => {
    const ids = (level: string) => new Set(itemsForLevel(q, level).map((i) => i.id));
    const overlap = (a: Set<string>, b: Set<string>) => [...a].filter((x) => b.has(x)).length / new Set([...a, ...b]).size;
    expect(overlap(ids("direktion"), ids("teamleder"))).toBeLessThan(0.5);
    expect(overlap(ids("chef"), ids("teamleder"))).toBeLessThan(0.7);
    expect(ids("direktion")).not.toEqual(ids("chef"));
  });

  it("grounds every item and element in the sources, within the documents' lines", () => checkSources(q));

  it("has English text for every item, element, area and level", () => {
    for (const item of allItems(q)) expect(item.text_en, item.id).toBeDefined();
    for (const node of [...q.levels, ...q.areas, ...allElements(q)]) expect(node.label_en, node.id).toBeDefined();
    for (const level of q.levels) for (const item of itemsForLevel(q, level.id)) expect(itemText(item, level.id, "en")).not.toBe(itemText(item, level.id, "da"));
  });

  it("describes every element and level for the reports", () => {
    for (const node of [...q.levels, ...allElements(q)]) {
      expect(node.description, node.id).toBeDefined();
      expect(node.description_en, node.id).toBeDefined();
    }
  });

  it("avoids dated legal references and exact deadlines", () => {
    for (const item of allItems(q)) {
      for (const level of q.levels) {
        if (!itemsForLevel(q, level.id).includes(item)) continue;
        expect(itemText(item, level.id, "da"), item.id).not.toMatch(/§|serviceloven|\d+\s*(måneder|dage|uger)/i);
      }
    }
  });

  it("has good-practice texts for every element", () => {
    const gp = practice("faglig-ledelse");
    for (const element of allElements(q)) expect(gp.elements[element.id]?.default, element.id).toBeDefined();
    for (const levels of Object.values(gp.elements)) {
      for (const key of Object.keys(levels)) expect(["default", ...q.levels.map((l) => l.id)]).toContain(key);
    }
  });
});

describe("the second questionnaire, faglige-ledelsesopgaver", () => {
  const q = bundled("faglige-ledelsesopgaver");

  it("has its own ids, levels and scale, proving the format general", () => {
    expect(q.levels.map((l) => l.id)).not.toContain("teamleder");
    expect(q.scale.max - q.scale.min + 1).not.toBe(5);
    expect(q.scale.max - q.scale.min + 1).toBe(4);
    expect(allElements(q).map((e) => e.id)).not.toContain("saette-retningen");
  });

  it("grounds every item in the sources", () => checkSources(q));

  it("has good-practice texts for every element", () => {
    const gp = practice("faglige-ledelsesopgaver");
    for (const element of allElements(q)) expect(gp.elements[element.id]?.default, element.id).toBeDefined();
  });
});
