import { describe, expect, it } from "vitest";
import { bandFor, elementItems, itemsForLevel, itemText, scaleLabel } from "../../src/core/questionnaire/levels.ts";
import { loadValid } from "../helpers/load.ts";
import { MINI } from "../helpers/paths.ts";

const q = loadValid(MINI);
const item = (id: string) => q.areas.flatMap((a) => a.elements.flatMap((e) => e.items)).find((i) => i.id === id)!;

describe("levels", () => {
  it("presents items without levels to every level", () => {
    expect(itemsForLevel(q, "leder").map((i) => i.id)).toEqual(["i1", "i2", "i3", "i4", "i6", "i7", "i8"]);
    expect(itemsForLevel(q, "medarbejder").map((i) => i.id)).toEqual(["i1", "i2", "i3", "i5", "i6"]);
    expect(elementItems(q.areas[1]!.elements[0]!, "medarbejder").map((i) => i.id)).toEqual(["i6"]);
  });

  it("resolves level-specific and translated wording", () => {
    expect(itemText(item("i2"), "medarbejder", "da")).toBe("Min leder gør det andet");
    expect(itemText(item("i2"), "leder", "da")).toBe("Andet udsagn");
    expect(itemText(item("i2"), "leder", "en")).toBe("Second statement");
    expect(itemText(item("i1"), "leder", "en")).toBe("Første udsagn"); // no translation: Danish
  });

  it("labels the scale, falling back to Danish and then to the number", () => {
    expect(scaleLabel(q, 5, "en")).toBe("To a very large extent");
    expect(scaleLabel(q, 3, "en")).toBe("I nogen grad");
  });
});

describe("bandFor", () => {
  const bands = q.bands;
  it.each([
    [0, "Lav"],
    [49.99, "Lav"],
    [50, "Middel"],
    [74.999, "Middel"],
    [75, "Høj"],
    [100, "Høj"],
  ])("score %f gets %s", (score, label) => {
    expect(bandFor(score, bands)?.label).toBe(label);
  });

  it("is not fooled by float rounding at a band's edge", () => {
    // On a 1-4 scale, items at 0, 0, 0, 33.3 and 66.7 average exactly 20, computed as 19.999999999999996.
    const score = (0 + 0 + 0 + (1 / 3) * 100 + (2 / 3) * 100) / 5;
    expect(score).toBeLessThan(20);
    expect(bandFor(score, [{ min: 0, label: "a" }, { min: 20, label: "b" }])?.label).toBe("b");
  });

  it("gives no band to a missing score or one below the first band", () => {
    expect(bandFor(null, bands)).toBeNull();
    expect(bandFor(10, [{ min: 20, label: "x" }])).toBeNull();
  });
});
