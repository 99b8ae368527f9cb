import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { questionnairePath } from "../../src/adapters/files/bundled.ts";
import { BIN } from "../helpers/spawn.ts";
import { fixture, ROOT, tmpDir } from "../helpers/paths.ts";

// Every command starts by loading a questionnaire. A bundled one comes from the build's JSON cache,
// so the yaml library and zod (about 75 ms of the start) are loaded only for another questionnaire
// file. Seen from outside: a module hook records every module the built CLI resolves. The built CLI is
// tsc's output bundled into a few chunks (scripts/bundle-cli.mjs), so fewer files are read at its start.
const cached = existsSync(join(ROOT, "dist", "questionnaire-cache"));

const HOOK = `import { appendFileSync } from "node:fs";
export async function resolve(specifier, context, next) {
  const found = await next(specifier, context);
  appendFileSync(process.env.MODULE_LOG, found.url + "\\n");
  return found;
}`;

function modulesOf(args: string[], dir: string): string[] {
  const log = join(dir, `modules-${Math.random().toString(36).slice(2)}.log`);
  writeFileSync(log, "");
  const register = `data:text/javascript,${encodeURIComponent(`import { register } from "node:module"; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOK)}`)});`)}`;
  const ran = spawnSync(process.execPath, ["--import", register, BIN, ...args], { cwd: dir, env: { ...process.env, MODULE_LOG: log, NO_COLOR: "1" }, encoding: "utf8" });
  expect(ran.status, ran.stderr).toBe(0);
  return readFileSync(log, "utf8").split("\n").filter(Boolean);
}

const library = (name: string) => (url: string) => url.includes(`/node_modules/${name}/`);

describe.skipIf(!cached)("the start of a command (built CLI with its questionnaire cache: `npm run build`)", () => {
  const data = fixture("responses", "faglig-ledelse-2.0.csv");

  it("score with the bundled questionnaire loads neither the yaml library nor zod", () => {
    const dir = tmpDir();
    const modules = modulesOf(["score", data, "--by", "level", "--out", "ud.csv"], dir);
    expect(modules.some((url) => url.endsWith("/dist/bundle/cli/main.js"))).toBe(true);
    expect(modules.filter(library("yaml"))).toEqual([]);
    expect(modules.filter(library("zod"))).toEqual([]);
  });

  it("report with the bundled questionnaire and its good-practice texts loads neither the yaml library nor zod", () => {
    const dir = tmpDir();
    const modules = modulesOf(["report", data, "--by", "level", "--out", "rapport.pdf"], dir);
    expect(modules.some(library("pdfkit"))).toBe(true);
    expect(modules.filter(library("yaml"))).toEqual([]);
    expect(modules.filter(library("zod"))).toEqual([]);
  });

  it("the CLI runs from its bundle (scripts/bundle-cli.mjs): a few chunks, nothing of tsc's module files beside them", () => {
    const dir = tmpDir();
    const ours = [...new Set(modulesOf(["score", data, "--by", "level", "--out", "ud.csv"], dir).filter((url) => url.includes("/dist/")))];
    // A module of tsc's dist/ loaded beside the bundle would be a second copy with state of its own.
    expect(ours.filter((url) => !url.includes("/dist/bundle/cli/"))).toEqual([]);
    // tsc's output is some 75 files on this path; the bundle about 30.
    expect(ours.length).toBeLessThan(40);
  });

  it("a questionnaire file of the user's own is parsed and validated as always", () => {
    const dir = tmpDir();
    const own = join(dir, "eget.yaml");
    copyFileSync(questionnairePath("faglig-ledelse@2.0", ROOT)!, own);
    writeFileSync(own, `${readFileSync(own, "utf8")}\n# en kommentar: andre bytes end de indbyggede\n`);
    const modules = modulesOf(["score", data, "--questionnaire", own, "--by", "level", "--out", "ud.csv"], dir);
    expect(modules.some(library("yaml"))).toBe(true);
    expect(modules.some(library("zod"))).toBe(true);
  });
});
