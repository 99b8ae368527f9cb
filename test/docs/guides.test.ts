import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { withFormatReference } from "../../src/core/questionnaire/format-reference.ts";
import { questionnaireJsonSchema } from "../../src/core/questionnaire/json-schema.ts";
import { ROOT } from "../helpers/paths.ts";

const read = (path: string) => readFileSync(join(ROOT, path), "utf8");
const documents = ["README.md", ...readdirSync(join(ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];

/** Every Markdown link target that is a path (not a web address or an anchor in the same page). */
const linkTargets = (text: string): string[] =>
  [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((target) => !/^(https?:|mailto:|#)/.test(target));

describe("the guides in docs/", () => {
  it("the questionnaire author's format reference is the one generated from the schema (npm run docs)", () => {
    const committed = read("docs/spoergeskema.md");
    expect(committed).toBe(withFormatReference(committed, questionnaireJsonSchema() as never));
    // Every top-level field of the schema appears, so the generator cannot silently drop one.
    const fields = Object.keys((questionnaireJsonSchema() as { properties: object }).properties);
    for (const field of fields) expect(committed).toContain(`| \`${field}\` |`);
  });

  it("the README links a guide for each user and the method in both languages", () => {
    const readme = read("README.md");
    for (const guide of ["leder", "workshop", "spoergeskema", "forsker", "metode", "method"]) {
      expect(readme).toContain(`(docs/${guide}.md`);
      expect(existsSync(join(ROOT, "docs", `${guide}.md`))).toBe(true);
    }
  });

  it.each(documents)("%s names no file outside the repository, and every link it has leads to a file in it", (path) => {
    const text = read(path);
    expect(text).not.toMatch(/SPEC\.md|SPEC §|\/work\/|shared\//);
    for (const target of linkTargets(text)) {
      const file = resolve(dirname(join(ROOT, path)), decodeURI(target.split("#")[0]!));
      expect(relative(ROOT, file).startsWith(".."), `${path} → ${target}`).toBe(false);
      expect(existsSync(file), `${path} → ${target}`).toBe(true);
    }
  });

  it("the link check sees a path out of the repository and a missing file", () => {
    expect(linkTargets("[a](../SPEC.md) [b](https://x.dk) [c](#top) [d](docs/x.md#y)")).toEqual(["../SPEC.md", "docs/x.md#y"]);
  });
});
