import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, watch, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateExport } from "../../bench/generate.ts";
import { loadValid } from "../helpers/load.ts";
import { MINI, tmpDir } from "../helpers/paths.ts";
import { BIN } from "../helpers/spawn.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".tmp") || f.endsWith(".lock"));

/** Starts the CLI, waits for `when` (a condition or a delay), then SIGKILLs it: no handler of ours can run. */
async function killDuring(dir: string, args: string[], when: (() => boolean) | number): Promise<void> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, stdio: "ignore" });
  const closed = new Promise((resolve) => child.on("close", resolve));
  if (typeof when === "number") await sleep(when);
  else for (let waited = 0; !when(); waited += 5) {
    if (waited > 20_000) throw new Error("the moment to kill never came");
    await sleep(5);
  }
  child.kill("SIGKILL");
  await closed;
}

/** The cleanup helper removes what the killed process left once it notices; give it a moment. */
async function noLeftovers(dir: string) {
  for (let waited = 0; leftovers(dir).length > 0 && waited < 3000; waited += 20) await sleep(20);
  expect(leftovers(dir)).toEqual([]);
}

describe("SIGKILL: files that were there are intact, no temporary file, no torn row", () => {
  it("during score --out, while the output is being written", async () => {
    const dir = tmpDir();
    await generateExport(loadValid(MINI), 200_000, join(dir, "stor.csv"));
    writeFileSync(join(dir, "scores.csv"), "the previous scores\r\n");
    await killDuring(dir, ["score", "stor.csv", "--questionnaire", MINI, "--out", "scores.csv"], () => readdirSync(dir).some((f) => f.endsWith(".tmp")));
    expect(readFileSync(join(dir, "scores.csv"), "utf8")).toBe("the previous scores\r\n");
    await noLeftovers(dir);
  });

  it("during report --force, at several moments: the old PDF or a whole new one, never half", async () => {
    const dir = tmpDir();
    await generateExport(loadValid(MINI), 20_000, join(dir, "data.csv"));
    const old = Buffer.from("%PDF-1.3 the previous report %%EOF");
    for (const delay of [150, 300, 450, 600, 800, 1100, 1500]) {
      writeFileSync(join(dir, "rapport.pdf"), old);
      await killDuring(dir, ["report", "data.csv", "--questionnaire", MINI, "--by", "level", "--out", "rapport.pdf", "--force"], delay);
      const pdf = readFileSync(join(dir, "rapport.pdf"));
      if (!pdf.equals(old)) {
        expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
        expect(pdf.subarray(-6).toString()).toMatch(/%%EOF\s*$/);
      }
      await noLeftovers(dir);
    }
  });

  it("during run's final append: every row whole, the header once, no lock left", async () => {
    const dir = tmpDir();
    writeFileSync(join(dir, "svar.yaml"), "i1: 4\ni2: 3\ni3: 2\ncomment.e1: \"Et, to; tre\"\n");
    const run = (id: string) => ["run", MINI, "--level", "leder", "--answers", "svar.yaml", "--respondent", id, "--out", "b.csv"];
    // One row first, so the kills append to an existing file.
    await new Promise((resolve) => spawn(process.execPath, [BIN, ...run("r-first")], { cwd: dir, stdio: "ignore" }).on("close", resolve));
    const before = readFileSync(join(dir, "b.csv"), "utf8");
    let heldLock = 0;
    for (let i = 0; i < 8; i++) {
      // Killed the moment the lock file appears (inotify via fs.watch): inside the locked append.
      const child = spawn(process.execPath, [BIN, ...run(`r-${i}`)], { cwd: dir, stdio: "ignore" });
      const closed = new Promise((resolve) => child.on("close", resolve));
      const watcher = watch(dir, (_, name) => {
        if (name === "b.csv.lock" && existsSync(join(dir, "b.csv.lock"))) {
          heldLock++;
          child.kill("SIGKILL");
        }
      });
      await closed;
      watcher.close();
      const text = readFileSync(join(dir, "b.csv"), "utf8");
      expect(text.startsWith(before)).toBe(true);
      expect(text.endsWith("\r\n")).toBe(true);
      const lines = text.trimEnd().split("\r\n");
      expect(lines.filter((l) => l.startsWith("respondent_id,"))).toHaveLength(1);
      // 17 columns: the comment's comma is inside quotes, so count fields outside them.
      for (const line of lines) expect(line.replace(/"[^"]*"/g, "").split(",")).toHaveLength(17);
      await noLeftovers(dir);
    }
    // Informational: how many of the kills landed while the lock was held (timing decides).
    console.info(`run append: ${heldLock} of 8 kills while the lock was held`);
  });
});
