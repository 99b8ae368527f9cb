import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { estimateRows } from "../../src/adapters/csv/row-estimate.ts";

const dir = mkdtempSync(join(tmpdir(), "ledelsestjek-estimate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe("the guess of a response file's rows (room for the duplicate check)", () => {
  it("counts the lines of a small file, and guesses a large one from its first lines, a little over", () => {
    expect(estimateRows(file("small.csv", "id,a\nr1,1\nr2,2\n"))).toBe(4);
    // 200 000 lines of 30–34 bytes, about 6.4 MB: a guess between the truth and a quarter over.
    const lines = Array.from({ length: 200_000 }, (_, i) => `r${String(i).padStart(6, "0")},${i % 5},${"x".repeat(18 + (i % 5))}`);
    const guess = estimateRows(file("large.csv", `id,a,b\n${lines.join("\n")}\n`));
    expect(guess).toBeGreaterThanOrEqual(200_000);
    expect(guess).toBeLessThan(250_000);
  });

  it("says 0 for a file that cannot be read, and leaves the reason to the reader", () => {
    expect(estimateRows(join(dir, "missing.csv"))).toBe(0);
    expect(estimateRows(dir)).toBe(0);
  });
});
