import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/paths.ts";

const CORE = join(ROOT, "src", "core");
// Recursive, so rooms such as core/workshop/ are held to the same rule.
const coreFiles = readdirSync(CORE, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".ts"));
/** A relative import that stays inside src/core. */
const staysInCore = (from: string, spec: string) =>
  /^\.\.?\/([a-z0-9-]+\/)*[a-z0-9-]+\.ts$/.test(spec) && !relative(CORE, resolve(dirname(join(CORE, from)), spec)).startsWith("..");
const importsOf = (source: string) => [...source.matchAll(/(?:import|export)[^"']*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2]!);

describe("the core stays pure", () => {
  it.each(coreFiles)("%s imports only zod and other core files", (name) => {
    const source = readFileSync(join(CORE, name), "utf8");
    const foreign = importsOf(source).filter((spec) => spec !== "zod" && !staysInCore(name, spec));
    expect(foreign).toEqual([]);
  });

  it.each(coreFiles)("%s uses no clock, randomness or process", (name) => {
    const source = readFileSync(join(CORE, name), "utf8").replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, "");
    expect(source).not.toMatch(/\bDate\.now\(|new Date\(|Math\.random\(|\bprocess\.|\brequire\(/);
  });

  it("the check itself catches a forbidden import", () => {
    expect(importsOf('import { readFile } from "node:fs";').filter((s) => s !== "zod")).toEqual(["node:fs"]);
    expect(staysInCore("workshop/folder.ts", "../questionnaire.ts")).toBe(true);
    expect(staysInCore("workshop/folder.ts", "../../adapters/web/app.ts")).toBe(false);
  });
});
