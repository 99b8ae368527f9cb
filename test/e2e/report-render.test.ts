import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../helpers/spawn.ts";
import { fixture, MINI, tmpDir } from "../helpers/paths.ts";
import { missing } from "../helpers/system.ts";

describe.skipIf(missing("pdfinfo", "pdftoppm", "pdffonts"))("report from the built CLI", () => {
  it("writes a PDF that poppler reads and renders", () => {
    const dir = tmpDir();
    const ran = cli(["report", fixture("responses", "alpha-leder.csv"), "--questionnaire", MINI, "--by", "level", "--out", "r.pdf"], { cwd: dir, env: { SOURCE_DATE_EPOCH: "1767225600" } });
    expect(ran.code).toBe(0);
    const info = execFileSync("pdfinfo", [join(dir, "r.pdf")], { encoding: "utf8" });
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(info).toMatch(/Title:\s+Mini — Rapport/);
    const fonts = execFileSync("pdffonts", [join(dir, "r.pdf")], { encoding: "utf8" });
    expect(fonts).toMatch(/DejaVuSans\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    execFileSync("pdftoppm", ["-png", "-r", "40", "-f", "2", "-l", "2", join(dir, "r.pdf"), join(dir, "side")]);
    const png = ["side-2.png", "side-02.png", "side-002.png"].map((n) => join(dir, n)).find(existsSync)!;
    expect(statSync(png).size).toBeGreaterThan(2000);
    expect(readFileSync(png).subarray(1, 4).toString()).toBe("PNG");
  });
});
