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
  it("counts the respondents of a small file, and guesses a large one from its first lines, a little over", () => {
    expect(estimateRows(file("small.csv", "respondent_id,level,a\nr1,chef,1\nr2,chef,2\n\n"))).toBe(2);
    // 200 000 lines of 30–34 bytes, about 6.4 MB: a guess between the truth and a quarter over.
    const lines = Array.from({ length: 200_000 }, (_, i) => `r${String(i).padStart(6, "0")},${i % 5},${"x".repeat(18 + (i % 5))}`);
    const guess = estimateRows(file("large.csv", `respondent_id,a,b\n${lines.join("\n")}\n`));
    expect(guess).toBeGreaterThanOrEqual(200_000);
    expect(guess).toBeLessThan(250_000);
  });

  it("counts a long file's respondents, not its lines (one per answer)", () => {
    // 20 000 respondents of 30 answers each, in semicolons with CRLF as Danish Excel writes: 600 000 lines.
    const lines = Array.from({ length: 20_000 }, (_, r) => Array.from({ length: 30 }, (_, i) => `r${r};item-${i};${(r + i) % 5}`).join("\r\n"));
    const guess = estimateRows(file("long.csv", `respondent_id;item_id;value\r\n${lines.join("\r\n")}\r\n`));
    // Shorter ids at the start make the sample's respondents a little denser: within half over, far from 600 000.
    expect(guess).toBeGreaterThanOrEqual(20_000);
    expect(guess).toBeLessThan(30_000);
  });

  it("says 0 for a file that cannot be read, and leaves the reason to the reader", () => {
    expect(estimateRows(join(dir, "missing.csv"))).toBe(0);
    expect(estimateRows(dir)).toBe(0);
  });

  it("does not read from a pipe, whose bytes the reader needs", async () => {
    const { execFileSync, spawn } = await import("node:child_process");
    const fifo = join(dir, "pipe.csv");
    execFileSync("mkfifo", [fifo]);
    // A writer holds the pipe open; if the guess read from it, those bytes would be gone when the test reads them.
    const writer = spawn("sh", ["-c", `printf 'id,a\\nr1,1\\n' > ${fifo}`]);
    expect(estimateRows(fifo)).toBe(0);
    // Read with a time limit: were the bytes gone, opening the pipe would wait for a writer forever.
    const { spawnSync } = await import("node:child_process");
    expect(spawnSync("timeout", ["5", "cat", fifo], { encoding: "utf8" }).stdout).toBe("id,a\nr1,1\n");
    await new Promise((resolve) => writer.on("exit", resolve));
  });
});
