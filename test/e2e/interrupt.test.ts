import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generateExport } from "../../bench/generate.ts";
import { loadValid } from "../helpers/load.ts";
import { BIN } from "../helpers/spawn.ts";
import { MINI, tmpDir } from "../helpers/paths.ts";

describe("Ctrl-C (or a SIGTERM) during a long score", () => {
  let dir = "";
  beforeAll(async () => {
    dir = tmpDir();
    await generateExport(loadValid(MINI), 400_000, join(dir, "stor.csv"));
  });

  it.each([["SIGINT", 130], ["SIGTERM", 143]] as const)("%s: exits %i and leaves neither output nor temporary files", async (signal, expected) => {
    const child = spawn(process.execPath, [BIN, "score", "stor.csv", "--questionnaire", MINI, "--out", "scores.csv"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    // Interrupt once the staged output exists, i.e. while the file is being read.
    for (let waited = 0; !readdirSync(dir).some((f) => f.endsWith(".tmp")); waited += 10) {
      if (waited > 10_000) throw new Error("score never started writing");
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    child.kill(signal);
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(expected);
    expect(stderr).toContain("Afbrudt; intet er skrevet.");
    expect(readdirSync(dir).sort()).toEqual(["stor.csv"]);
  });
});
