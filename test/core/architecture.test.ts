import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/paths.ts";

const CORE = join(ROOT, "src", "core");
const coreFiles = readdirSync(CORE).filter((name) => name.endsWith(".ts"));
const importsOf = (source: string) => [...source.matchAll(/(?:import|export)[^"']*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2]!);

describe("the core stays pure", () => {
  it.each(coreFiles)("%s imports only zod and other core files", (name) => {
    const source = readFileSync(join(CORE, name), "utf8");
    const foreign = importsOf(source).filter((spec) => spec !== "zod" && !/^\.\/[a-z0-9-]+\.ts$/.test(spec));
    expect(foreign).toEqual([]);
  });

  it.each(coreFiles)("%s uses no clock, randomness or process", (name) => {
    const source = readFileSync(join(CORE, name), "utf8").replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, "");
    expect(source).not.toMatch(/\bDate\.now\(|new Date\(|Math\.random\(|\bprocess\.|\brequire\(/);
  });

  it("the check itself catches a forbidden import", () => {
    expect(importsOf('import { readFile } from "node:fs";').filter((s) => s !== "zod")).toEqual(["node:fs"]);
  });
});
