import { execFileSync, spawnSync } from "node:child_process";
import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateExport } from "../../bench/generate.ts";
import { bundledPath } from "../../src/adapters/files/bundled.ts";
import { loadValid } from "../helpers/load.ts";
import { tmpDir } from "../helpers/paths.ts";
import { BIN } from "../helpers/spawn.ts";
import { smallDisk } from "../helpers/system.ts";

/**
 * A drive that fills up while a command writes (found by a researcher's trial): the stream's error
 * was never awaited, so one thread ended with exit 13 and no word, and with worker threads the
 * command waited for ever.
 */
const disk = smallDisk("full-disk-");
afterAll(() => {
  if (disk) execFileSync("umount", [disk]);
});

const work = tmpDir("full-disk-data-");
const data = join(work, "data.csv");
beforeAll(async () => {
  // 3 000 respondents: 0.8 MB to read, about 8 MB in long format — more than the disk holds.
  await generateExport(loadValid(bundledPath("faglig-ledelse")), 3_000, data);
});

/** The built CLI with a time limit: a command that hangs is killed and shows as `code: null`. */
const run = (args: string[], env: Record<string, string> = {}) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: work, env: { ...process.env, NO_COLOR: "1", ...env }, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stderr: r.stderr };
};

const PATHS = { "one thread": { LEDELSESTJEK_THREADS: "1" }, "worker threads": { LEDELSESTJEK_PARALLEL_MIN_BYTES: "0", LEDELSESTJEK_RANGE_BYTES: "4096" } };

describe.skipIf(!disk)("a drive that fills up while writing", () => {
  for (const [path, env] of Object.entries(PATHS)) {
    it(`${path}: convert --to long stops with exit 1, names the file, and leaves nothing behind`, () => {
      const out = join(disk!, "lang.csv");
      const r = run(["convert", data, "--to", "long", "--out", out], env);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${out}: drevet er fuldt`);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(readdirSync(disk!)).toEqual([]);
    });

    it(`${path}: score per respondent as JSON does the same`, () => {
      const out = join(disk!, "scores.json");
      const r = run(["score", data, "--format", "json", "--out", out, "--lang", "en"], env);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${out}: the drive is full`);
      expect(readdirSync(disk!)).toEqual([]);
    });
  }

  it("--lenient: a rejects file the drive has no room for is named, with exit 1", () => {
    // One row with an answer out of range, so --lenient has a row to list.
    const lines = readFileSync(data, "utf8").split("\n");
    lines[5] = lines[5]!.replace(/^((?:[^,]*,){8})[^,]*/, "$17");
    const bad = join(work, "en-fejl.csv");
    writeFileSync(bad, lines.join("\n"));
    const { bavail, bsize } = statfsSync(disk!);
    const filler = join(disk!, "fyld");
    writeFileSync(filler, Buffer.alloc(bavail * bsize));
    try {
      const rejects = join(disk!, "afviste.csv");
      const r = run(["score", bad, "--lenient", "--rejects", rejects, "--by", "level", "--out", join(work, "niveauer.csv")]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${rejects}: drevet er fuldt`);
      expect(readdirSync(disk!)).toEqual(["fyld"]);
    } finally {
      rmSync(filler);
    }
  });
});

describe.skipIf(!existsSync("/dev/full"))("standard output on a full drive (> /dev/full)", () => {
  it("says so in words with exit 1, no stack trace", () => {
    const full = openSync("/dev/full", "w");
    try {
      const r = spawnSync(process.execPath, [BIN, "score", data], { cwd: work, env: { ...process.env, NO_COLOR: "1" }, encoding: "utf8", stdio: ["ignore", full, "pipe"], timeout: 60_000 });
      expect(r.status).toBe(1);
      expect(r.stderr).toBe("standardoutput: drevet er fuldt\n");
    } finally {
      closeSync(full);
    }
  });
});
