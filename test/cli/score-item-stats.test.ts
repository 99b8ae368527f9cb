import { describe, expect, it } from "vitest";
import { score } from "../../src/cli/commands/score.ts";
import { memoryIo } from "../../src/cli/io.ts";
import { captureStream } from "../helpers/capture.ts";
import { fixture, MINI, tmpDir } from "../helpers/paths.ts";

async function itemStats(file: string, format = "json") {
  const { io } = memoryIo(tmpDir());
  const out = captureStream();
  await score({ questionnaire: MINI, files: [fixture("responses", file)], itemStats: true, format }, io, out.stream);
  return out.text();
}

describe("score --item-stats", () => {
  it("counts answers per item and level, with n, mean, sd and the top-2 share (worked by hand)", async () => {
    const stats = JSON.parse(await itemStats("mini-utf8.csv"));
    expect(stats.questionnaire).toEqual({ id: "mini", version: "2" });
    const item = (level: string, id: string) => stats.items.find((s: { level: string; item_id: string }) => s.level === level && s.item_id === id);
    // leder i1 = 5, 3, 1, 4: mean 3.25, sd = sqrt(8.75 / 3), top-2 = 2 of 4
    expect(item("leder", "i1")).toEqual({
      level: "leder", item_id: "i1", n: 4, mean: 3.25, sd: expect.closeTo(Math.sqrt(8.75 / 3), 12),
      counts: { 1: 1, 2: 0, 3: 1, 4: 1, 5: 1 }, ved_ikke: 0, top2: 0.5, suppressed: false,
    });
    // leder i7 = ved_ikke, 4, 5, 3
    expect(item("leder", "i7")).toMatchObject({ n: 3, mean: 4, sd: 1, ved_ikke: 1, counts: { 3: 1, 4: 1, 5: 1 } });
    // medarbejder i1 = 4, 2: n = 2 is below min_group_size 3
    expect(item("medarbejder", "i1")).toEqual({ level: "medarbejder", item_id: "i1", n: 2, mean: null, sd: null, counts: null, ved_ikke: null, top2: null, suppressed: true });
    expect(stats.items.some((s: { level: string; item_id: string }) => s.level === "medarbejder" && s.item_id === "i4")).toBe(false);
  });

  it("gives Cronbach's alpha as R psych does (test/reference/alpha_psych.R)", async () => {
    const stats = JSON.parse(await itemStats("alpha-leder.csv"));
    const element = (id: string) => stats.elements.find((e: { level: string; element: string }) => e.level === "leder" && e.element === id);
    expect(element("e1")).toMatchObject({ k: 3, n_complete: 22 });
    expect(element("e1").alpha).toBeCloseTo(0.8833533757, 9);
    expect(element("e3")).toMatchObject({ k: 3, n_complete: 23 });
    expect(element("e3").alpha).toBeCloseTo(0.8857477417, 9);
    expect(element("e2")).toEqual({ level: "leder", element: "e2", k: 1, n_complete: 24, alpha: null, suppressed: false });
  });

  it("writes one CSV table: item rows, then element rows with k and alpha", async () => {
    const lines = (await itemStats("alpha-leder.csv", "csv")).trimEnd().split("\r\n");
    expect(lines[0]).toBe("level,element,item_id,n,mean,sd,top2,ved_ikke,count_1,count_2,count_3,count_4,count_5,k,alpha,suppressed");
    expect(lines).toContain("leder,e1,,22,,,,,,,,,,3,0.88,false");
  });
});
