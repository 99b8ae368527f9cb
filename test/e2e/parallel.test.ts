import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundledPath } from "../../src/adapters/files/bundled.ts";
import { tmpDir } from "../helpers/paths.ts";
import { fagligLedelse, wideCsv, type Person } from "../helpers/responses.ts";
import { cli } from "../helpers/spawn.ts";

// The built CLI finds its range workers in dist/ and gives the one-thread bytes (the in-process
// tests run the workers from src/ through tsx).
describe("the built CLI reads in parallel", () => {
  it("score, score --by and merge give the same bytes with workers as with one thread", () => {
    const q = fagligLedelse();
    const levels = q.levels.map((l) => l.id);
    const persons: Person[] = Array.from({ length: 300 }, (_, i) => ({
      id: `p${i}`,
      level: levels[i % levels.length]!,
      group: i % 3 ? "Børn og unge" : "Ældre, syd",
      value: 1 + (i % 5),
      ...(i % 11 === 0 ? { comment: 'travlt, men "det går"' } : {}),
      meta: { kommune: `k${i % 4}` },
    }));
    const dir = tmpDir();
    writeFileSync(join(dir, "data.csv"), wideCsv(q, persons, ["kommune"]));
    const parallel = { LEDELSESTJEK_THREADS: "2", LEDELSESTJEK_RANGE_BYTES: "2000", LEDELSESTJEK_PARALLEL_MIN_BYTES: "0", LEDELSESTJEK_MAIN_SCANS: "0" };
    const args = [["score", "data.csv"], ["score", "data.csv", "--by", "group,kommune", "--format", "json"], ["merge", "data.csv", "data.csv", "--out", "m.csv", "--force"]];
    for (const a of args) {
      const one = cli([...a, "--questionnaire", bundledPath("faglig-ledelse")], { cwd: dir, env: { LEDELSESTJEK_THREADS: "1" } });
      const many = cli([...a, "--questionnaire", bundledPath("faglig-ledelse")], { cwd: dir, env: parallel });
      expect(one.code).toBe(0);
      expect(many).toEqual(one);
    }
    expect(cli(["score", "data.csv", "--questionnaire", bundledPath("faglig-ledelse")], { cwd: dir, env: parallel }).stdout.split("\n").length).toBe(302);
  });
});
