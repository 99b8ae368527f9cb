import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliAsync } from "../helpers/spawn.ts";
import { MINI, tmpDir } from "../helpers/paths.ts";

describe("run --answers from many processes at once", () => {
  it("appends every row intact under one header", async () => {
    const dir = tmpDir();
    const count = 16;
    for (let i = 0; i < count; i++) {
      // A long comment makes each row big enough that an unlocked append could tear it.
      writeFileSync(join(dir, `svar-${i}.yaml`), `i1: ${(i % 5) + 1}\ni6: ${((i + 2) % 5) + 1}\ncomment.e1: "${"x".repeat(3000)}${i}"\n`);
    }
    const runs = Array.from({ length: count }, (_, i) =>
      cliAsync(["run", MINI, "--level", "medarbejder", "--answers", `svar-${i}.yaml`, "--respondent", `p${i}`, "--out", "delt.csv"], dir),
    );
    const results = await Promise.all(runs);
    expect(results.map((r) => r.code)).toEqual(Array(count).fill(0));

    const lines = readFileSync(join(dir, "delt.csv"), "utf8").trimEnd().split("\r\n");
    expect(lines.filter((line) => line.startsWith("respondent_id,"))).toHaveLength(1);
    expect(lines).toHaveLength(count + 1);
    const rows = lines.slice(1).map((line) => line.split(","));
    expect(rows.map((r) => r[0]).sort()).toEqual(Array.from({ length: count }, (_, i) => `p${i}`).sort());
    for (const row of rows) {
      const i = Number(row[0]!.slice(1));
      expect(row).toHaveLength(17);
      expect(row[6]).toBe(String((i % 5) + 1));
      expect(row[11]).toBe(String(((i + 2) % 5) + 1));
      expect(row[14]).toBe(`${"x".repeat(3000)}${i}`);
    }
  });
});
