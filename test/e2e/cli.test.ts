import { describe, expect, it } from "vitest";
import { cli } from "../helpers/spawn.ts";
import { fixture, MINI, tmpDir } from "../helpers/paths.ts";

describe("the built CLI", () => {
  it("lists the bundled questionnaires", () => {
    const ran = cli(["list", "--json"], { cwd: tmpDir() });
    expect(ran.code).toBe(0);
    expect(JSON.parse(ran.stdout).map((q: { id: string }) => q.id)).toContain("faglig-ledelse");
  });

  it("shows the default questionnaire for a teamleder from any folder", () => {
    const ran = cli(["show", "--level", "teamleder"], { cwd: tmpDir() });
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain("Niveau: Team-/gruppeleder");
  });

  it("validates: 0 for valid files, 1 with located issues for broken ones, no stack trace", () => {
    expect(cli(["validate", MINI]).code).toBe(0);
    const broken = cli(["validate", fixture("questionnaires", "invalid", "scale-range.yaml")]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/scale-range\.yaml:5:8 scale\.min: scale\.min \(5\) skal være mindre end scale\.max \(1\)/);
    expect(broken.stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 2 on wrong usage, in Danish or English", () => {
    const da = cli(["show", "--bogus"]);
    expect(da.code).toBe(2);
    expect(da.stderr).toContain("fejl: ukendt tilvalg --bogus");
    const en = cli(["--lang", "en", "frobnicate"]);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain("unknown command 'frobnicate'");
  });

  it("has --help with examples for every command", () => {
    for (const command of ["list", "show", "validate", "run", "codebook"]) {
      const ran = cli([command, "--help"]);
      expect(ran.code).toBe(0);
      expect(ran.stdout).toContain("Eksempler:");
      expect(ran.stdout).toContain(`ledelsestjek ${command}`);
    }
  });

  it("run without a terminal or --answers says so and exits 2", () => {
    const ran = cli(["run", "--level", "teamleder"], { cwd: tmpDir() });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain("Ingen terminal");
  });
});
