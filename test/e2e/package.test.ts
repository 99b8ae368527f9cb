import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, tmpDir } from "../helpers/paths.ts";

const npm = (args: string[], cwd: string) =>
  execFileSync("npm", [...args, "--no-audit", "--no-fund", "--loglevel=error"], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

/**
 * The package as a consultant gets it: `npm pack` in a clean copy of the sources (so its build
 * cannot disturb the dist/ other tests run), installed globally into an empty prefix with no
 * network, then run from an unrelated folder. The runtime dependencies travel inside the tarball
 * (bundleDependencies), which is why --offline works on a laptop that has never run npm ci.
 */
describe("the packed tarball", () => {
  it("installs offline into a fresh prefix and runs from another folder with only runtime dependencies", { timeout: 300_000 }, () => {
    const root = tmpDir("ledelsestjek-pack-");
    const src = join(root, "src");
    mkdirSync(src);
    for (const entry of ["package.json", "package-lock.json", "bin", "src", "scripts", "questionnaires", "templates", "schema", "tsconfig.json", "tsconfig.build.json", "README.md"]) {
      cpSync(join(ROOT, entry), join(src, entry), { recursive: true });
    }
    symlinkSync(join(ROOT, "node_modules"), join(src, "node_modules"));
    // pack runs `prepare`, which builds dist/ from the copied sources: no dist/ was copied.
    npm(["pack", "--pack-destination", root], src);
    const tarball = readdirSync(root).find((n) => /^ledelsestjek-.*\.tgz$/.test(n))!;
    expect(tarball).toBeDefined();

    const prefix = join(root, "prefix");
    // An empty cache as well: nothing may come from this machine's npm cache or the network.
    npm(["install", "-g", "--offline", "--cache", join(root, "empty-cache"), "--prefix", prefix, join(root, tarball)], root);
    const installed = join(prefix, "lib", "node_modules", "ledelsestjek");
    const deps = readdirSync(join(installed, "node_modules"));
    expect(deps).toEqual(expect.arrayContaining(["commander", "zod", "yaml", "pdfkit"]));
    for (const dev of ["typescript", "vitest", "tsx", "fast-check", "playwright-core", "unpdf"]) expect(deps).not.toContain(dev);
    expect(existsSync(join(installed, "src"))).toBe(false);

    const elsewhere = join(root, "elsewhere");
    mkdirSync(elsewhere);
    const bin = join(prefix, "bin", "ledelsestjek");
    const env = { PATH: `${join(prefix, "bin")}:${process.env.PATH}`, HOME: root, NO_COLOR: "1" };
    const ledelsestjek = (...args: string[]) => execFileSync(bin, args, { cwd: elsewhere, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

    expect(ledelsestjek()).toContain("Brug: ledelsestjek [tilvalg] [kommando]");
    expect(ledelsestjek("list")).toContain("faglig-ledelse");
    writeFileSync(join(elsewhere, "svar.yaml"), "{}\n");
    ledelsestjek("run", "--level", "teamleder", "--answers", "svar.yaml", "--respondent", "r-1");
    expect(readFileSync(join(elsewhere, "besvarelser.csv"), "utf8")).toMatch(/^respondent_id,/);
    expect(ledelsestjek("score", "besvarelser.csv")).toMatch(/^respondent_id,level,group,/);
    // The build cached the bundled questionnaires (questionnaire-cache.ts), and the cache travels in the tarball.
    expect(readdirSync(join(installed, "dist", "questionnaire-cache"))).toContain("faglig-ledelse.yaml.json");
  });
});
