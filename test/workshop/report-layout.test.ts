import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { getDocumentProxy } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import { workshopReport } from "../../src/cli/commands/workshop/report.ts";
import { memoryIo } from "../../src/cli/io.ts";
import { tmpDir } from "../helpers/paths.ts";
import { lastRoles, layoutFaults, wordBoxes, type PageBoxes } from "../helpers/pdf-layout.ts";
import { missing } from "../helpers/system.ts";
import { COHORTS, fullWorkshop } from "./report-fixture.ts";

const EPOCH = { SOURCE_DATE_EPOCH: "1772443800" };
/** A4 in points, and the writer's content area (56 pt margins, the foot 10 pt above the bottom margin). */
const TOP = 56;
const BOTTOM = 841.89 - 56 - 10;

const files: Record<string, string> = {};
const pages: Record<string, PageBoxes[]> = {};
const endings: Record<string, string[]> = {};
const text = (name: string) => execFileSync("pdftotext", [files[name]!, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");

beforeAll(async () => {
  if (missing("pdftotext")) return;
  const old = await fullWorkshop("Ledelseskæden 2026", 5, "2026-03-02T09:30:00+01:00");
  const now = await fullWorkshop("Ledelseskæden 2027", 9, "2027-03-01T09:30:00+01:00");
  const out = tmpDir("wsr-out-");
  // One small level (3) beside levels of k and more: the engine hides a second cell with a long reason in words.
  const complement = await fullWorkshop("Lille direktion", 3, "2027-03-01T09:30:00+01:00", COHORTS.map((c) => (c.level === "chef" ? { ...c, count: 5 } : c)));
  for (const [name, dir, baseline] of [["report", now, undefined], ["follow-up", now, old], ["complement", complement, undefined]] as const) {
    files[name] = join(out, `${name}.pdf`);
    const options = { dir, out: files[name]!, ...(baseline ? { baseline } : {}) };
    expect(await workshopReport(options, memoryIo(dir, "da", EPOCH).io)).toBe(0);
    pages[name] = wordBoxes(files[name]!);
    endings[name] = await lastRoles(files[name]!);
  }
}, 120_000);

type Node = { role?: string; alt?: string; children?: Node[] };

describe.skipIf(missing("pdftotext", "pdfinfo"))("the workshop report as a tagged PDF (PDF/UA), as the main report", () => {
  it("is tagged, with a Document root, the language, a displayed title and the PDF/UA mark", async () => {
    const pdf = files["follow-up"]!;
    expect(execFileSync("pdfinfo", [pdf], { encoding: "utf8" })).toMatch(/Tagged:\s+yes/);
    const struct = execFileSync("pdfinfo", ["-struct-text", pdf], { encoding: "utf8", maxBuffer: 64 << 20 });
    expect(struct.split("\n")[0]).toBe("Document");
    const { info } = (await (await getDocumentProxy(new Uint8Array(readFileSync(pdf)))).getMetadata()) as unknown as { info: Record<string, unknown> };
    expect(info).toMatchObject({ Language: "da-DK", Title: "Ledelseskæden 2027 — Workshoprapport" });
    expect(readFileSync(pdf).toString("latin1")).toMatch(/\/DisplayDocTitle true/);
    expect(readFileSync(pdf).toString("latin1")).toContain("<pdfuaid:part>1</pdfuaid:part>");
    // Headings: one H1, none skipped; real tables with scoped header cells.
    const levels = [...struct.matchAll(/^\s*H(\d)\b/gm)].map((m) => Number(m[1]));
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    levels.forEach((l, i) => i > 0 && expect(l, `heading ${i}`).toBeLessThanOrEqual(levels[i - 1]! + 1));
    expect(struct).toMatch(/Table \(block\)\n\s+TR\n\s+TH:\n\s+\/Scope \/Column/);
    // Every word of the body is in the structure; the page number is an artifact.
    const tagged = [...struct.matchAll(/^\s*"(.*)"$/gm)].map((m) => m[1]!).join("").replace(/\s+/g, "");
    for (const page of pages["follow-up"]!) {
      const body = page.words.filter((b) => b.y1 < BOTTOM + 2);
      expect(body.map((b) => b.word).filter((word) => !tagged.includes(word)), `page ${page.page}`).toEqual([]);
    }
    expect(tagged).not.toContain("side1/");
  });

  it("gives every chart a Figure whose alt text carries its numbers", async () => {
    const doc = await getDocumentProxy(new Uint8Array(readFileSync(files.report!)));
    const figures: Node[] = [];
    const walk = (n: Node | null) => {
      if (!n) return;
      if (n.role === "Figure") figures.push(n);
      n.children?.forEach(walk);
    };
    for (let p = 1; p <= doc.numPages; p++) walk((await (await doc.getPage(p)).getStructTree()) as Node);
    expect(figures.length).toBeGreaterThanOrEqual(16); // two or more per element, 8 elements
    for (const f of figures) expect(f.alt ?? "").toMatch(/\d/);
    expect(figures.some((f) => /^Gennemsnit pr\. niveau på skalaen 1-5: Direktion \/ topledelse færre end 5 besvarelser \(n = 3\); .*Afdelingsleder \(myndighed\) \d,\d \(n = 6\).*; aftalt score \d/.test(f.alt!))).toBe(true);
    expect(figures.some((f) => /^Fordelingen af svarene pr\. udsagn\. .*: Slet ikke \d+, I mindre grad \d+, I nogen grad \d+, I høj grad \d+, I meget høj grad \d+, Ved ikke \d+/.test(f.alt!))).toBe(true);
  });
});

describe.skipIf(missing("pdftotext"))("the workshop report's layout (shipped questionnaire, 27 people, five levels)", () => {
  it("complement: a hidden cell's long reason is printed whole, in words, in the chart", () => {
    expect(text("complement")).toContain("skjult, så tallet for en lille gruppe ikke kan regnes ud (n = 5)");
  });

  for (const name of ["report", "follow-up", "complement"]) {
    it(`${name}: no two words overlap and none leaves the page`, () => {
      expect(pages[name]!.length).toBeGreaterThan(4);
      expect(layoutFaults(pages[name]!)).toEqual([]);
    });

    it(`${name}: no page ends with a heading`, () => {
      expect(endings[name]!.length).toBe(pages[name]!.length);
      expect(endings[name]!.map((role, i) => `p${i + 1} ${role}`).filter((x) => /\bH\d$/.test(x))).toEqual([]);
    });

    it(`${name}: every page but the last is at least a third full`, () => {
      const fill = pages[name]!.map((p) => {
        const body = p.words.filter((w) => w.y1 < BOTTOM + 2); // the page number sits below BOTTOM
        const lowest = Math.max(TOP, ...body.map((w) => w.y1));
        return (lowest - TOP) / (BOTTOM - TOP);
      });
      expect(fill.slice(0, -1).map((f, i) => `p${i + 1} ${f.toFixed(2)}`).filter((_, i) => fill[i]! < 1 / 3)).toEqual([]);
    });
  }

  it("report: charts, comments and the plan are there; no doubled parenthesis", () => {
    const t = text("report");
    expect(t).toContain("De individuelle svar pr. udsagn");
    expect(t).toContain("Kommentarer");
    // Comments only from levels shown (at least k = 5): direktion (3) and chef (4) are hidden, so none of theirs.
    expect(t).toMatch(/Afdelingsleder \(myndighed\) \(n = 6\): • /);
    expect(t).not.toMatch(/Direktion \/ topledelse \(n = 3\):/);
    expect(t).not.toMatch(/Chefniveau \(n = 4\):/);
    expect(t).toContain("Handleplan");
    expect(t).not.toContain("))");
  });

  it("follow-up: names the baseline on the cover, and every change printed is the difference of the two figures printed beside it", () => {
    const first = execFileSync("pdftotext", ["-f", "1", "-l", "1", files["follow-up"]!, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    expect(first).toContain('Sammenlignet med: workshoppen "Ledelseskæden 2026" (2026-03-02)');
    const t = text("follow-up");
    const section = t.slice(t.indexOf("Opfølgning:"), t.indexOf("Sidste handleplan"));
    const tenths = (s: string) => (s.startsWith("−") ? -1 : 1) * Number(s.replace(/[−+,]/g, ""));
    const rows = [...section.matchAll(/(\d+,\d)(?: \(n = \d+\))? (\d+,\d)(?: \(n = \d+\))? ([+−]?\d+,\d)/g)];
    // The 8 elements overall (both years show the room), and per level at least afdelingsleder and teamleder
    // (6 each, k = 5) in all 8; the mirror level only where it is asked both years.
    expect(rows.filter((m) => m[0].includes("(n = ")).length).toBe(8);
    expect(rows.length).toBeGreaterThanOrEqual(8 + 8 * 2);
    const wrong = rows.filter(([, a, b, c]) => tenths(c!) !== tenths(b!) - tenths(a!)).map((m) => m[0]);
    expect(wrong).toEqual([]);
    // A change of 0,0 is printed without a sign, a rise with "+", a fall with a real minus.
    expect(rows.some(([, , , c]) => c!.startsWith("+"))).toBe(true);
    expect(rows.some(([, , , c]) => c!.startsWith("−"))).toBe(true);
  });
});
