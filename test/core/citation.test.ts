import { describe, expect, it } from "vitest";
import { citeRef, citeSource } from "../../src/core/questionnaire/citation.ts";
import type { SourceInfo } from "../../src/core/questionnaire/questionnaire.ts";

const sources: Record<string, SourceInfo> = {
  "000": {
    author: "Socialstyrelsen",
    year: 2014,
    title: "Faglig ledelse og ledelsesinformation på området børn og unge med særlige behov. Delrapport 1: Kortlægning af viden",
    short: "Delrapport 1",
    sections: [
      { lines: "484-2653", label: "kapitel 3", label_en: "chapter 3" },
      { lines: "895-2097", label: "afsnit 3.4", label_en: "section 3.4" },
      { lines: "1791-1991", label: "afsnit 3.4.4", label_en: "section 3.4.4" },
    ],
  },
  "003": { author: "KL m.fl.", year: 2023, title: "Mere ledelse, mindre detailstyring, bedre velfærd", sections: [] },
};

describe("citing a source reference", () => {
  it("names the narrowest section that holds the lines, in Danish and English", () => {
    expect(citeRef(sources, "000:1850-1856", "da")).toBe("Socialstyrelsen 2014, Delrapport 1, afsnit 3.4.4");
    expect(citeRef(sources, "000:1850-1856", "en")).toBe("Socialstyrelsen 2014, Delrapport 1, section 3.4.4");
  });

  it("falls back to the wider section when the lines run past a subsection", () => {
    expect(citeRef(sources, "000:1514-1800", "da")).toBe("Socialstyrelsen 2014, Delrapport 1, afsnit 3.4");
    expect(citeRef(sources, "000:2200", "da")).toBe("Socialstyrelsen 2014, Delrapport 1, kapitel 3");
  });

  it("uses the title when there is no short title or section, and keeps unknown files as line references", () => {
    expect(citeRef(sources, "003:171", "da")).toBe("KL m.fl. 2023, Mere ledelse, mindre detailstyring, bedre velfærd");
    expect(citeRef(sources, "004:10-20", "da")).toBe("004:10-20");
    expect(citeRef(undefined, "000:1850-1856", "da")).toBe("000:1850-1856");
  });

  it("joins several references and gives a repeated citation once", () => {
    expect(citeSource(sources, "000:1850-1856; 000:1860-1862; 003:171", "da")).toBe(
      "Socialstyrelsen 2014, Delrapport 1, afsnit 3.4.4; KL m.fl. 2023, Mere ledelse, mindre detailstyring, bedre velfærd",
    );
  });
});
