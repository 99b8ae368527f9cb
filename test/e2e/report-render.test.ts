import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { getDocumentProxy, getMeta } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import { cli } from "../helpers/spawn.ts";
import { fixture, MINI, tmpDir } from "../helpers/paths.ts";
import { missing } from "../helpers/system.ts";

const dir = tmpDir();
const pdfPath = join(dir, "r.pdf");

beforeAll(() => {
  const ran = cli(["report", fixture("responses", "alpha-leder.csv"), "--questionnaire", MINI, "--by", "level", "--out", "r.pdf"], { cwd: dir, env: { SOURCE_DATE_EPOCH: "1767225600" } });
  expect(ran.code).toBe(0);
});

// Page size, title and fonts need no system program: pdf.js (unpdf) and the PDF's own dictionaries.
describe("report from the built CLI", () => {
  it("is A4 on every page, with its title", async () => {
    const pdf = await getDocumentProxy(new Uint8Array(readFileSync(pdfPath)));
    expect((await getMeta(pdf)).info.Title).toBe("Mini — Rapport");
    for (let p = 1; p <= pdf.numPages; p++) expect((await pdf.getPage(p)).view).toEqual([0, 0, 595.28, 841.89]);
  });

  it("embeds its fonts as subsets with a Unicode map (what pdffonts shows as emb/sub/uni yes)", () => {
    // Object dictionaries are plain text in the file; only streams are compressed.
    const text = readFileSync(pdfPath).toString("latin1");
    const fonts = [...text.matchAll(/\/BaseFont \/([A-Z]{6})\+(DejaVuSans[\w-]*)/g)].map((m) => m[2]);
    expect(new Set(fonts)).toEqual(new Set(["DejaVuSans", "DejaVuSans-Bold"]));
    expect(text.match(/\/Subtype \/CIDFontType2/g)).toHaveLength(2);
    expect(text.match(/\/FontFile2/g)).toHaveLength(2);
    expect(text.match(/\/ToUnicode/g)).toHaveLength(2);
  });
});

// Rasterising a page is what only poppler does here.
describe.skipIf(missing("pdftoppm"))("report rendered by poppler", () => {
  it("renders page 2 to a PNG", () => {
    execFileSync("pdftoppm", ["-png", "-r", "40", "-f", "2", "-l", "2", pdfPath, join(dir, "side")]);
    const png = ["side-2.png", "side-02.png", "side-002.png"].map((n) => join(dir, n)).find(existsSync)!;
    expect(statSync(png).size).toBeGreaterThan(2000);
    expect(readFileSync(png).subarray(1, 4).toString()).toBe("PNG");
  });
});
