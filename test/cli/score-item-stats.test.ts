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
    // i1: leder 5, 3, 1, 4 and medarbejder 4, 2. medarbejder (n = 2 < k = 3) is hidden, and so is
    // leder, which would otherwise give medarbejder away beside the total.
    expect(item("leder", "i1")).toMatchObject({ n: 4, mean: null, counts: null, suppressed: true, reason: "skjult, så tallet for en lille gruppe ikke kan regnes ud" });
    // The total over all six: mean 19/6, sd = sqrt((71 - 6 (19/6)^2) / 5), top-2 = 3 of 6
    const total = stats.items.find((s: { total: boolean; item_id: string }) => s.total && s.item_id === "i1");
    expect(total).toEqual({
      population: "ledere", level: "", item_id: "i1", reverse: false, n: 6, mean: expect.closeTo(19 / 6, 12), sd: expect.closeTo(Math.sqrt((71 - 361 / 6) / 5), 12),
      counts: { 1: 1, 2: 1, 3: 1, 4: 2, 5: 1 }, ved_ikke: 0, top2: 0.5, suppressed: false, total: true, reason: null,
    });
    // leder i7 = ved_ikke, 4, 5, 3
    expect(item("leder", "i7")).toMatchObject({ n: 3, mean: 4, sd: 1, ved_ikke: 1, counts: { 3: 1, 4: 1, 5: 1 } });
    // medarbejder i1 = 4, 2: n = 2 is below min_group_size 3
    expect(item("medarbejder", "i1")).toEqual({ population: "ledere", level: "medarbejder", item_id: "i1", reverse: false, n: 2, mean: null, sd: null, counts: null, ved_ikke: null, top2: null, suppressed: true, total: false, reason: "færre end 3 besvarelser" });
    expect(stats.items.some((s: { level: string; item_id: string }) => s.level === "medarbejder" && s.item_id === "i4")).toBe(false);
    // i3 is reverse-keyed in mini.yaml: the field says so on every row of it, and on no other item's.
    expect(new Set(stats.items.filter((s: { item_id: string }) => s.item_id === "i3").map((s: { reverse: boolean }) => s.reverse))).toEqual(new Set([true]));
    expect(stats.items.filter((s: { item_id: string; reverse: boolean }) => s.item_id !== "i3" && s.reverse)).toEqual([]);
  });

  it("gives Cronbach's alpha as R psych does (test/reference/alpha_psych.R)", async () => {
    const stats = JSON.parse(await itemStats("alpha-leder.csv"));
    const element = (id: string) => stats.elements.find((e: { level: string; element: string }) => e.level === "leder" && e.element === id);
    expect(element("e1")).toMatchObject({ k: 3, n_complete: 22 });
    expect(element("e1").alpha).toBeCloseTo(0.8833533757, 9);
    expect(element("e3")).toMatchObject({ k: 3, n_complete: 23 });
    expect(element("e3").alpha).toBeCloseTo(0.8857477417, 9);
    expect(element("e2")).toEqual({ population: "ledere", level: "leder", element: "e2", k: 1, n_complete: 24, alpha: null, suppressed: false });
  });

  it("writes one CSV table: item rows, then element rows with k and alpha", async () => {
    const lines = (await itemStats("alpha-leder.csv", "csv")).trimEnd().split("\r\n");
    expect(lines[0]).toBe("population,level,element,item_id,reverse,n,mean,sd,top2,ved_ikke,count_1,count_2,count_3,count_4,count_5,k,alpha,suppressed,total");
    expect(lines).toContain("ledere,leder,e1,,,22,,,,,,,,,,3,0.88,false,false");
  });
});
