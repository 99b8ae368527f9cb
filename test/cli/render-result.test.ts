import { describe, expect, it } from "vitest";
import { memoryIo } from "../../src/cli/io.ts";
import { renderResult } from "../../src/cli/render-result.ts";
import type { RespondentResult } from "../../src/core/conduct/result.ts";

const dim = (id: string, label: string, score: number | null, band: string | null = score === null ? null : "Under udvikling") => ({ id, label, score, band });
// The longest labels of the bundled questionnaire, and a missing score.
const RESULT: RespondentResult = {
  elements: [
    { ...dim("e1", "Organisere og tilrettelægge arbejdet", 50), area: "a1" },
    { ...dim("e2", "Indsamling og kvalitetssikring af data", 100, "Forankret"), area: "a1" },
    { ...dim("e3", "Følge op", null), area: "a1" },
  ],
  areas: [dim("a1", "Ledelsesinformation", 75, "Etableret")],
  total: dim("total", "Samlet", 75, "Etableret"),
  strongest: [dim("e2", "Indsamling og kvalitetssikring af data", 100, "Forankret")],
  weakest: [dim("e1", "Organisere og tilrettelægge arbejdet", 50)],
  allEqual: false,
  mirror: false,
  advice: [{ element: dim("e1", "Organisere og tilrettelægge arbejdet", 50), text: "Teamlederen har klare principper for, hvordan sagerne fordeles, faste procedurer, så sager ikke tabes ved fravær, og en sagsmængde, der gør det muligt at udføre arbejdet kvalificeret.", source: "000:1340-1346; 000:1453-1467" }],
};

const render = (columns: number) => {
  const { io } = memoryIo("/");
  io.columns = columns;
  return renderResult(RESULT, io);
};

describe("the result screen fits the terminal", () => {
  it.each([60, 72, 80, 100])("at %i columns no line is wider than the terminal and no word is cut", (columns) => {
    const text = render(columns);
    for (const line of text.split("\n")) expect([...line].length, line).toBeLessThan(columns);
    // Every word of every label and of the advice is still whole somewhere on the screen.
    const words = new Set(text.split(/\s+/));
    for (const word of [...RESULT.elements.map((e) => e.label), RESULT.advice[0]!.text].join(" ").split(/\s+/)) expect(words, word).toContain(word);
  });

  it("bars scale: 20 characters when there is room, 10 at 60 columns", () => {
    const bar = (text: string) => text.split("\n").find((l) => l.includes("Samlet"))!.match(/[█░]+/)![0].length;
    expect(bar(render(100))).toBe(20);
    expect(bar(render(60))).toBe(10);
    // Samlet 75 of 10: 7.5 rounds to 8 filled.
    expect(render(60)).toMatch(/Samlet\s+75\s+Etableret\s+█{8}░{2}$/m);
  });

  it("shows sources in words only: a reference the questionnaire could not name (raw line numbers) is left out", () => {
    expect(render(80)).not.toMatch(/Kilde|000:/);
    const cited = (source: string) => {
      const { io } = memoryIo("/");
      return renderResult({ ...RESULT, advice: [{ ...RESULT.advice[0]!, source }] }, io);
    };
    expect(cited("Socialstyrelsen 2014, Delrapport 1, afsnit 3.2")).toContain("Kilde: Socialstyrelsen 2014, Delrapport 1, afsnit 3.2");
    expect(cited("Socialstyrelsen 2014, Delrapport 1, afsnit 3.2; 004:12-20")).toMatch(/Kilde: Socialstyrelsen 2014, Delrapport 1, afsnit 3\.2$/m);
  });
});

describe("the result screen says what a score rests on, and names ties as ties", () => {
  it("names two equal strongest elements together, each weakest with its score", () => {
    const { io } = memoryIo("/");
    const a = dim("a", "Sætte retningen", 75);
    const b = dim("b", "Følge op", 75);
    const text = renderResult({ ...RESULT, strongest: [a, b], weakest: [dim("c", "Organisere", 25), dim("d", "Understøtte", 50)] }, io);
    expect(text).toContain("Stærkest: Sætte retningen og Følge op (75)");
    expect(text).toContain("Svagest: Organisere (25), Understøtte (50)");
  });

  it("says so when every element scores the same, and names no strongest or weakest", () => {
    const { io } = memoryIo("/");
    const text = renderResult({ ...RESULT, strongest: [], weakest: [], advice: [], allEqual: true }, io);
    expect(text).toContain("Alle elementer har samme score (50)");
    expect(text).not.toMatch(/Stærkest|Svagest|God praksis/);
  });

  it("shows answered/asked per element and warns when a score rests on a single answer", () => {
    const { io } = memoryIo("/");
    io.columns = 100;
    const elements = [
      { ...dim("e1", "Sætte retningen", 50), area: "a1", basis: { answered: 3, asked: 4 } },
      { ...dim("e2", "Identifikation", 0), area: "a1", basis: { answered: 1, asked: 1 } },
    ];
    const text = renderResult({ ...RESULT, elements }, io);
    expect(text).toMatch(/Sætte retningen\s+50\s+Under udvikling\s+[█░]+\s+3\/4$/m);
    expect(text).toMatch(/Identifikation\s+0\s+Under udvikling\s+░+\s+1\/1$/m);
    expect(text).toContain("Bemærk: Identifikation bygger på et enkelt svar");
  });

  it("frames a mirror respondent's screen as their view of their leader", () => {
    const { io } = memoryIo("/");
    expect(renderResult({ ...RESULT, mirror: true }, io)).toMatch(/^Sådan ser du din leder \(0-100\)/);
    expect(renderResult(RESULT, io)).toMatch(/^Dit resultat \(0-100\)/);
  });
});
