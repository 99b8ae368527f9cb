import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { gaps } from "../../src/cli/commands/gaps.ts";
import { score } from "../../src/cli/commands/score.ts";
import { memoryIo } from "../../src/cli/io.ts";
import { captureStream } from "../helpers/capture.ts";
import { ROOT } from "../helpers/paths.ts";
import { missing, PYTHON } from "../helpers/system.ts";

// The worked examples of docs/metode.md and docs/method.md: the tool, an independent Python
// computation (test/reference/method_expected.py) and the documents must tell the same figures.
const Q = "docs/eksempel/skema.yaml";
const DATA = "docs/eksempel/besvarelser.csv";
const doc = (name: string) => readFileSync(join(ROOT, "docs", name), "utf8");
const expected = JSON.parse(execFileSync(PYTHON, ["test/reference/method_expected.py"], { cwd: ROOT, encoding: "utf8" }));

async function tool(options: Record<string, unknown>, command = score): Promise<any> {
  const out = captureStream();
  await command({ questionnaire: Q, files: [DATA], format: "json", ...options }, memoryIo(ROOT).io, out.stream);
  return JSON.parse(out.text());
}

describe("the method's worked examples", () => {
  it("one respondent's scores (t01) as the Python reference computes them, and as both documents print them", async () => {
    const t01 = (await tool({})).respondents.find((r: { respondent_id: string }) => r.respondent_id === "t01");
    for (const [dimension, value] of Object.entries(expected.t01 as Record<string, number>)) expect(t01.scores[dimension]).toBeCloseTo(value, 2);
    expect(t01.bands.total).toBe("Etableret");
    for (const name of ["metode.md", "method.md"]) expect(doc(name)).toContain("`t01,teamleder,Nord,75,100,25,87.5,25,66.67`");
  });

  it("group summaries by level", async () => {
    const rows = (await tool({ by: "level" })).groups.filter((g: { dimension: string; total: boolean }) => g.dimension === "total" && !g.total);
    for (const level of ["chef", "teamleder"]) {
      const row = rows.find((g: { by: { level: string } }) => g.by.level === level);
      const want = expected[`total_${level}`];
      expect({ n: row.n, mean: row.mean, sd: row.sd, median: row.median, min: row.min, max: row.max }).toEqual({
        n: want.n, mean: expect.closeTo(want.mean, 2), sd: expect.closeTo(want.sd, 2), median: expect.closeTo(want.median, 2), min: expect.closeTo(want.min, 2), max: expect.closeTo(want.max, 2),
      });
      const line = `${level} n = ${want.n}, mean ${want.mean}, sd ${want.sd}, median ${want.median}`;
      expect(doc("method.md")).toContain(line);
      expect(doc("metode.md")).toContain(line.replace(/(\d)\.(\d)/g, "$1,$2"));
    }
  });

  it("item statistics of the reversed r3 among chefs, its item score in gaps, and alpha", async () => {
    const stats = await tool({ itemStats: true });
    const r3 = stats.items.find((s: { level: string; item_id: string }) => s.level === "chef" && s.item_id === "r3");
    expect(r3).toMatchObject({ reverse: true, n: expected.r3_chef.n, mean: expect.closeTo(expected.r3_chef.mean, 2), sd: expect.closeTo(expected.r3_chef.sd, 2), top2: expect.closeTo(expected.r3_chef.top2, 2) });
    const alpha = stats.elements.find((e: { level: string; element: string }) => e.level === "chef" && e.element === "retning");
    expect(alpha.n_complete).toBe(expected.alpha_retning_chef.n);
    expect(alpha.alpha).toBeCloseTo(expected.alpha_retning_chef.alpha, 4);
    const gap = (await tool({}, gaps as never)).gaps.find((g: { dimension: string; kind: string }) => g.dimension === "r3" && g.kind === "item");
    expect(gap.mean_a).toBeCloseTo(expected.r3_chef.score, 2);
    for (const text of [doc("method.md"), doc("metode.md").replace(/(\d),(\d)/g, "$1.$2")]) {
      expect(text).toContain(`**${expected.r3_chef.score}**`);
      expect(text).toContain(`α = ${expected.alpha_retning_chef.alpha}`);
    }
  });

  it("the 2×2 example: the four cells of level × group are hidden, the total of 31 shown", async () => {
    const rows = (await tool({ by: "level,group" })).groups.filter((g: { dimension: string }) => g.dimension === "total");
    expect(rows.filter((g: { total: boolean }) => !g.total).map((g: { by: Record<string, string>; n: number; suppressed: boolean }) => [g.by.level, g.by.group, g.n, g.suppressed]).sort()).toEqual([
      ["chef", "Nord", 1, true], ["chef", "Syd", 10, true], ["teamleder", "Nord", 10, true], ["teamleder", "Syd", 10, true],
    ]);
    expect(rows.find((g: { total: boolean }) => g.total)).toMatchObject({ n: 31, suppressed: false });
    // Without the last step, chef/Nord = Nord − (teamleder − teamleder/Syd): the margins are published.
    const margin = async (by: string, value: string) => (await tool({ by })).groups.find((g: { dimension: string; by: Record<string, string> }) => g.dimension === "total" && g.by[by] === value);
    expect([(await margin("group", "Nord")).n, (await margin("level", "teamleder")).n]).toEqual([11, 20]);
  });

  it.skipIf(missing("Rscript"))("the R block runs from the project folder and prints the Python reference's figures; both languages hold the same block", () => {
    const block = (text: string) => text.match(/```r\n([\s\S]*?)```/)![1]!;
    expect(block(doc("metode.md"))).toBe(block(doc("method.md")));
    const printed = execFileSync("Rscript", ["-e", block(doc("method.md"))], { cwd: ROOT, encoding: "utf8" }).split("\n").map((l) => l.trim());
    const e = expected;
    expect(printed[0]).toBe(`t01: ${[e.t01.retning, e.t01.opfoelgning, e.t01.data, e.t01.total].join(" ")}`);
    for (const [i, level] of ["chef", "teamleder"].entries()) {
      const w = e[`total_${level}`];
      expect(printed[i + 1]).toBe([level, w.n, w.mean, w.sd, w.median, w.min, w.max].join(" "));
    }
  });
});
