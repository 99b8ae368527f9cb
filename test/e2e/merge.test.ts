import { copyFileSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../helpers/spawn.ts";
import { fixture, MINI, tmpDir } from "../helpers/paths.ts";

describe("the built CLI: merge and the long format", () => {
  it("merges a long and a wide export of the same respondents into one wide file, with the summary on stderr", () => {
    const dir = tmpDir();
    copyFileSync(fixture("responses", "mini-long.csv"), join(dir, "lang.csv"));
    copyFileSync(fixture("responses", "mini-utf8.csv"), join(dir, "bred.csv"));
    const ran = cli(["merge", "bred.csv", "lang.csv", "--questionnaire", MINI, "--out", "samlet.csv"], { cwd: dir });
    expect(ran.code).toBe(0);
    expect(ran.stdout).toBe("");
    expect(ran.stderr).toContain("Flettet:\n  bred.csv: 6 række(r)\n  lang.csv: 6 række(r)\n6 ens dublet(ter) talt én gang; 6 respondenter skrevet til samlet.csv.");
    // The header, 6 rows (r03's comment keeps its bare line break inside quotes), and "" after the final CRLF.
    expect(readFileSync(join(dir, "samlet.csv"), "utf8").split("\r\n")).toHaveLength(8);
  });

  it("exits 2 without --out, writing nothing, and has --help with examples", () => {
    const dir = tmpDir();
    const ran = cli(["merge", fixture("responses", "mini-utf8.csv")], { cwd: dir });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain("--out");
    const help = cli(["merge", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Eksempler:");
    expect(help.stdout).toContain("ledelsestjek merge laptop1.csv laptop2.csv --out samlet.csv");
    expect(existsSync(join(dir, "samlet.csv"))).toBe(false);
  });

  it("score reads a long file without --long", () => {
    const ran = cli(["score", fixture("responses", "mini-long.csv"), "--questionnaire", MINI, "--by", "level"]);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(/^leder,ledere,total,4,/m);
    expect(ran.stdout).toMatch(/^,ledere,total,5,63\.06,/m); // test/reference/mini_expected.py
  });
});
