import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { getDocumentProxy } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import { report } from "../../src/cli/commands/report.ts";
import { memoryIo } from "../../src/cli/io.ts";
import { loadValid } from "../helpers/load.ts";
import { ROOT, tmpDir } from "../helpers/paths.ts";
import { layoutFaults, wordBoxes } from "../helpers/pdf-layout.ts";
import { reportData } from "../helpers/report-data.ts";
import { missing } from "../helpers/system.ts";

const QUESTIONNAIRE = join(ROOT, "questionnaires", "faglig-ledelse.yaml");
type Node = { role?: string; alt?: string; children?: Node[] };

/** A 71-person workshop by level: the direktion (4) is hidden, the chefs (9) shown. */
const WORKSHOP = [
  { level: "direktion", group: "", count: 4, lean: 0.6 },
  { level: "chef", group: "", count: 9, lean: 0.3 },
  { level: "afdelingsleder", group: "", count: 18 },
  { level: "teamleder", group: "", count: 20, lean: -0.3 },
  { level: "medarbejder", group: "", count: 20, lean: -0.8 },
];

let pdf: string;
let slides: string;
let struct: string;

beforeAll(async () => {
  if (missing("pdfinfo", "pdftotext")) return;
  const dir = tmpDir();
  writeFileSync(join(dir, "data.csv"), reportData(loadValid(QUESTIONNAIRE), WORKSHOP));
  const { io } = memoryIo(dir, "da", { SOURCE_DATE_EPOCH: "1767225600" });
  await report({ files: ["data.csv"], questionnaire: QUESTIONNAIRE, by: "level", out: "r.pdf", title: "Workshop i Favrskov" }, io);
  await report({ files: ["data.csv"], questionnaire: QUESTIONNAIRE, by: "level", out: "s.pdf", title: "Workshop i Favrskov", slides: true }, io);
  pdf = join(dir, "r.pdf");
  slides = join(dir, "s.pdf");
  struct = execFileSync("pdfinfo", ["-struct-text", pdf], { encoding: "utf8", maxBuffer: 64 << 20 });
});

describe.skipIf(missing("pdfinfo", "pdftotext"))("report as a tagged PDF (PDF/UA)", () => {
  it("is tagged, with a Document root, the document's language and a displayed title", async () => {
    expect(execFileSync("pdfinfo", [pdf], { encoding: "utf8" })).toMatch(/Tagged:\s+yes/);
    expect(struct.split("\n")[0]).toBe("Document");
    const doc = await getDocumentProxy(new Uint8Array(readFileSync(pdf)));
    const { info } = (await doc.getMetadata()) as unknown as { info: Record<string, unknown> };
    expect(info).toMatchObject({ Language: "da-DK", Title: "Workshop i Favrskov — Rapport", PDFFormatVersion: "1.7" });
    expect(readFileSync(pdf).toString("latin1")).toMatch(/\/DisplayDocTitle true/);
    expect(readFileSync(pdf).toString("latin1")).toContain("<pdfuaid:part>1</pdfuaid:part>");
  });

  it("has headings in order: one H1, and no level skipped", () => {
    const levels = [...struct.matchAll(/^\s*H(\d)\b/gm)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    levels.forEach((l, i) => {
      if (i > 0) expect(l, `heading ${i}: H${levels[i - 1]} then H${l}`).toBeLessThanOrEqual(levels[i - 1]! + 1);
    });
    // Headings are whole words, not letter-spaced ("R A P P O R T").
    expect(struct).toMatch(/H2 \(block\)\n\s+"Overblik"/);
    expect(struct).toMatch(/H2 \(block\)\n\s+"Metode"/);
    expect(struct).not.toMatch(/"(\S ){4,}/);
  });

  it("puts every word of every page inside the structure, except the page footer (an artifact)", () => {
    const tagged = [...struct.matchAll(/^\s*"(.*)"$/gm)].map((m) => m[1]!).join("").replace(/\s+/g, "");
    const pages = wordBoxes(pdf);
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages) {
      const body = page.words.filter((b) => b.y0 < page.height - 60); // the footer sits below the content
      expect(body.length, `page ${page.page} has text`).toBeGreaterThan(0);
      const missingWords = body.map((b) => b.word).filter((word) => !tagged.includes(word));
      expect(missingWords, `page ${page.page}`).toEqual([]);
      // The footer is on every page and is not read out as content.
      expect(page.words.some((b) => b.word === "Side")).toBe(true);
    }
    expect(tagged).not.toContain("Side1/");
  });

  it("marks every piece of text as structure content or as an artifact, and the footer as an artifact", async () => {
    const doc = await getDocumentProxy(new Uint8Array(readFileSync(pdf)));
    for (let p = 1; p <= doc.numPages; p++) {
      const content = await (await doc.getPage(p)).getTextContent({ includeMarkedContent: true });
      const stack: { tag?: string; id?: string | null }[] = [];
      const footer: string[] = [];
      for (const item of content.items as { type?: string; tag?: string; id?: string | null; str?: string }[]) {
        if (item.type === "beginMarkedContentProps" || item.type === "beginMarkedContent") stack.push(item);
        else if (item.type === "endMarkedContent") stack.pop();
        else if (item.str?.trim()) {
          const inside = stack.find((m) => m.tag === "Artifact" || m.id);
          expect(inside, `page ${p}: "${item.str}" is neither tagged nor an artifact`).toBeDefined();
          if (inside!.tag === "Artifact") footer.push(item.str);
        }
      }
      expect(footer.join(" "), `page ${p}`).toMatch(new RegExp(`Side ${p}/${doc.numPages}`));
    }
  });

  it("gives every chart a Figure with alt text that carries its numbers", async () => {
    const doc = await getDocumentProxy(new Uint8Array(readFileSync(pdf)));
    const figures: Node[] = [];
    const walk = (n: Node | null) => {
      if (!n) return;
      if (n.role === "Figure") figures.push(n);
      n.children?.forEach(walk);
    };
    for (let p = 1; p <= doc.numPages; p++) walk((await (await doc.getPage(p)).getStructTree()) as Node);
    expect(figures.length).toBeGreaterThan(60); // one per item (86 in the questionnaire, a few split)
    for (const f of figures) {
      expect(f.alt, JSON.stringify(f).slice(0, 200)).toBeTruthy();
      expect(f.alt!).toMatch(/\d/);
    }
    // An item's bars: each group with the share of every answer, its top-two share, score and n.
    // Every number named: the answers' shares, the share of good answers, the score and n.
    expect(figures.some((f) => /Afdelingsleder \(myndighed\): Slet ikke \d+ %, I mindre grad \d+ %, I nogen grad \d+ %, I høj grad \d+ %, I meget høj grad \d+ %; gode svar \d+ %, score 0–100: \d+, n \d+/.test(f.alt!))).toBe(true);
    // A reverse-worded statement's answers are read from the least to the most favourable.
    expect(figures.some((f) => /I meget høj grad \d+ %, I høj grad \d+ %, I nogen grad \d+ %, I mindre grad \d+ %, Slet ikke \d+ %; gode svar/.test(f.alt!))).toBe(true);
  });

  it("has real tables with column and row header cells", () => {
    expect(struct).toMatch(/Table \(block\)\n\s+TR\n\s+TH:\n\s+\/Scope \/Column/);
    expect(struct).toMatch(/TH:\n\s+\/Scope \/Row\n\s+"Afdelingsleder \(myndighed\)"/);
  });

  it("has a bookmark per section and per element", async () => {
    const doc = await getDocumentProxy(new Uint8Array(readFileSync(pdf)));
    const outline = (await doc.getOutline()) as { title: string; items: { title: string }[] }[];
    const titles = outline.map((o) => o.title);
    expect(titles).toEqual(expect.arrayContaining(["Workshop i Favrskov", "Overblik", "Faglig ledelse", "Ledelsesinformation", "Metode"]));
    const area = outline.find((o) => o.title === "Faglig ledelse")!;
    expect(area.items.map((i) => i.title)).toContain("Sætte retningen");
  });

  it("writes --slides as tagged 16:9 pages: title, key messages, heatmap, gaps, nothing overlapping", () => {
    const info = execFileSync("pdfinfo", [slides], { encoding: "utf8" });
    expect(info).toMatch(/Page size:\s+960 x 540 pts/);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBeGreaterThanOrEqual(4);
    const tree = execFileSync("pdfinfo", ["-struct-text", slides], { encoding: "utf8" });
    const headings = [...tree.matchAll(/^\s*H(\d) \(block\)\n\s+"(.*)"$/gm)].map((m) => `H${m[1]} ${m[2]}`);
    expect(headings[0]).toBe("H1 Workshop i Favrskov");
    expect(headings[1]).toBe("H2 Det vigtigste");
    // Every slide is titled; a table split over slides repeats its title with its part.
    expect(headings.some((h) => /^H2 Elementerne pr\. gruppe \(0–100\)( \(1\/\d+\))?$/.test(h))).toBe(true);
    expect(headings).toContain("H2 Ser niveauerne ledelse forskelligt?");
    expect(headings.some((h) => /^H2 Sådan ser medarbejderne deres leder( \(1\/\d+\))?$/.test(h))).toBe(true);
    const pages = wordBoxes(slides);
    expect(layoutFaults(pages)).toEqual([]);
    // Large type: body text on a slide is at least 1.6 × the report's 7.5-10 pt.
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    expect(median(pages[1]!.words.map((b) => b.y1 - b.y0))).toBeGreaterThan(18);
  });
});
