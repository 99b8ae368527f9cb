import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/paths.ts";

// The house by rooms (CONTRIBUTING.md): folders named by what they do, no import knots, small files.
const SRC = join(ROOT, "src");
const sourceFiles = readdirSync(SRC, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".ts")).sort();

/** Every module a file imports: static, type-only, re-exports and dynamic imports alike (a type import is a knot too). */
const importsOf = (source: string): string[] =>
  [...source.matchAll(/(?:^|[\s;])(?:import|export)\s[^"';]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|^import\s+["']([^"']+)["']/gm)].map(
    (m) => m[1] ?? m[2] ?? m[3]!,
  );

/** The graph of relative imports, as paths relative to `root`. */
function importGraph(root: string, files: readonly string[]): Map<string, string[]> {
  return new Map(
    files.map((file) => [
      file,
      importsOf(readFileSync(join(root, file), "utf8"))
        .filter((spec) => spec.startsWith("."))
        .map((spec) => relative(root, resolve(dirname(join(root, file)), spec))),
    ]),
  );
}

/** Strongly connected components with more than one file (or a file importing itself): each is an import cycle. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

/** Where each outside library may be imported: one room wraps it, everything else goes through that room. */
const LIBRARY_ROOMS: [RegExp, RegExp][] = [
  [/^pdfkit$/, /^adapters\/pdf\//],
  [/^(hono|@hono\/)/, /^adapters\/web\//],
  [/^yaml$/, /^adapters\/(files|workshop-store)\//],
  [/^@inquirer\//, /^adapters\/terminal\//],
  [/^qrcode$/, /^adapters\/(terminal|web)\//],
  [/^(commander|chalk)$/, /^cli\//],
];

describe("the house by rooms", () => {
  it("no import cycle among the source files, type-only imports included", () => {
    expect(cycles(importGraph(SRC, sourceFiles))).toEqual([]);
  });

  it("the cycle check finds a knot of two, of three and through a type-only import", () => {
    expect(cycles(new Map([["a", ["b"]], ["b", ["a"]], ["c", []]]))).toEqual([["a", "b"]]);
    expect(cycles(new Map([["a", ["b"]], ["b", ["c"]], ["c", ["a"]]]))).toEqual([["a", "b", "c"]]);
    expect(cycles(new Map([["a", ["b"]], ["b", ["c"]], ["c", []]]))).toEqual([]);
    expect(importsOf('import type { X } from "./x.ts";\nexport { y } from "./y.ts";\nconst z = await import("./z.ts");')).toEqual(["./x.ts", "./y.ts", "./z.ts"]);
  });

  it.each(["core", "adapters"])("src/%s holds at most 12 files directly; the rest live in rooms", (layer) => {
    const direct = readdirSync(join(SRC, layer)).filter((name) => statSync(join(SRC, layer, name)).isFile());
    expect(direct.length).toBeLessThanOrEqual(12);
  });

  it("no source file is over 250 lines", () => {
    const long = sourceFiles
      .map((file) => ({ file, lines: readFileSync(join(SRC, file), "utf8").split("\n").length }))
      .filter(({ lines }) => lines > 250);
    expect(long).toEqual([]);
  });

  it("each outside library is imported only in the room that wraps it", () => {
    const strays: string[] = [];
    for (const file of sourceFiles) {
      for (const spec of importsOf(readFileSync(join(SRC, file), "utf8"))) {
        const rule = LIBRARY_ROOMS.find(([library]) => library.test(spec));
        if (rule && !rule[1].test(file)) strays.push(`${file} → ${spec}`);
      }
    }
    expect(strays).toEqual([]);
  });
});
