import { describe, expect, it } from "vitest";
import { gaps } from "../../src/cli/commands/gaps.ts";
import { UserError } from "../../src/cli/errors.ts";
import { memoryIo } from "../../src/cli/io.ts";
import { captureStream } from "../helpers/capture.ts";
import { fixture, tmpDir } from "../helpers/paths.ts";

const MIRROR_Q = fixture("questionnaires", "valid", "mirror.yaml");
const DATA = fixture("responses", "mirror.csv");
const HEADER = "population,dimension,kind,group_a,group_b,n_a,n_b,mean_a,mean_b,diff,flagged,suppressed,mirror_item";

async function run(options: Record<string, unknown>) {
  const { io } = memoryIo(tmpDir());
  const out = captureStream();
  await gaps({ files: [DATA], questionnaire: MIRROR_Q, ...options }, io, out.stream);
  return out.text();
}
const lines = (text: string) => text.trimEnd().split("\r\n");

// Expected lines are printed by test/reference/gaps_expected.py (SPEC §4 and §5 redone in Python with
// fractions): `python3 gaps_expected.py 20`, `… 20.01` and `… 20 merge`.
describe("gaps (checked against test/reference/gaps_expected.py)", () => {
  it("compares levels per element and item, hides pairs with a hidden cell, and mirrors against self", async () => {
    expect(lines(await run({}))).toEqual([
      HEADER,
      "ledere,e1,element,chef,afdelingsleder,2,4,,,,false,true,",
      "ledere,e1,element,chef,teamleder,2,6,,,,false,true,",
      "ledere,e1,element,afdelingsleder,teamleder,4,6,,,,false,true,",
      "ledere,e2,element,chef,afdelingsleder,2,4,,,,false,true,",
      "ledere,e2,element,chef,teamleder,2,6,,,,false,true,",
      "ledere,e2,element,afdelingsleder,teamleder,4,6,,,,false,true,",
      "ledere,t1,item,chef,afdelingsleder,2,4,,,,false,true,",
      "ledere,t1,item,chef,teamleder,2,5,,,,false,true,",
      "ledere,t1,item,afdelingsleder,teamleder,4,5,,,,false,true,",
      "ledere,t2,item,afdelingsleder,teamleder,4,6,50,75,-25,true,false,",
      "ledere,t3,item,chef,afdelingsleder,2,4,,,,false,true,",
      "ledere,t3,item,chef,teamleder,2,6,,,,false,true,",
      "ledere,t3,item,afdelingsleder,teamleder,4,6,,,,false,true,",
      "medarbejder,t2,mirror,teamleder,medarbejder,6,4,75,37.5,37.5,true,false,m1",
      "medarbejder,t4,mirror,teamleder,medarbejder,6,5,75,55,20,true,false,m2",
    ]);
  });

  it("flags a difference exactly at the threshold, and not one just below it", async () => {
    // teamleder t4 = 75 against medarbejder m2 = 55: exactly 20 points.
    expect(lines(await run({ threshold: "20.01" }))).toEqual([
      HEADER,
      "ledere,e1,element,chef,afdelingsleder,2,4,,,,false,true,",
      "ledere,e1,element,chef,teamleder,2,6,,,,false,true,",
      "ledere,e1,element,afdelingsleder,teamleder,4,6,,,,false,true,",
      "ledere,e2,element,chef,afdelingsleder,2,4,,,,false,true,",
      "ledere,e2,element,chef,teamleder,2,6,,,,false,true,",
      "ledere,e2,element,afdelingsleder,teamleder,4,6,,,,false,true,",
      "ledere,t1,item,chef,afdelingsleder,2,4,,,,false,true,",
      "ledere,t1,item,chef,teamleder,2,5,,,,false,true,",
      "ledere,t1,item,afdelingsleder,teamleder,4,5,,,,false,true,",
      "ledere,t2,item,afdelingsleder,teamleder,4,6,50,75,-25,true,false,",
      "ledere,t3,item,chef,afdelingsleder,2,4,,,,false,true,",
      "ledere,t3,item,chef,teamleder,2,6,,,,false,true,",
      "ledere,t3,item,afdelingsleder,teamleder,4,6,,,,false,true,",
      "medarbejder,t2,mirror,teamleder,medarbejder,6,4,75,37.5,37.5,true,false,m1",
      "medarbejder,t4,mirror,teamleder,medarbejder,6,5,75,55,20,false,false,m2",
    ]);
  });

  it("makes a hidden chef level visible when merged with afdelingsleder (--merge-levels)", async () => {
    expect(lines(await run({ mergeLevels: ["chef+afdelingsleder=Ledelse"] }))).toEqual([
      HEADER,
      "ledere,e1,element,Ledelse,teamleder,6,6,70.83,75,-4.17,false,false,",
      "ledere,e2,element,Ledelse,teamleder,6,6,70.83,77.08,-6.25,false,false,",
      "ledere,t1,item,Ledelse,teamleder,6,5,79.17,80,-0.83,false,false,",
      "ledere,t2,item,Ledelse,teamleder,4,6,50,75,-25,true,false,",
      "ledere,t3,item,Ledelse,teamleder,6,6,70.83,79.17,-8.33,false,false,",
      "medarbejder,t2,mirror,teamleder,medarbejder,6,4,75,37.5,37.5,true,false,m1",
      "medarbejder,t4,mirror,teamleder,medarbejder,6,5,75,55,20,true,false,m2",
    ]);
  });

  it("writes the JSON shape of SPEC §5", async () => {
    const json = JSON.parse(await run({ format: "json" }));
    expect(json.questionnaire).toEqual({ id: "spejl", version: "1" });
    expect(json.threshold).toBe(20);
    expect(json.gaps.find((g: { kind: string; dimension: string }) => g.kind === "mirror" && g.dimension === "t4")).toEqual({
      population: "medarbejder", dimension: "t4", kind: "mirror", group_a: "teamleder", group_b: "medarbejder",
      n_a: 6, n_b: 5, mean_a: 75, mean_b: 55, diff: 20, flagged: true, suppressed: false, mirror_item: "m2",
    });
    // Only mirror rows name a second item (mirror.yaml: m1 mirrors t2, m2 mirrors t4).
    expect(json.gaps.filter((g: { mirror_item: string | null }) => g.mirror_item !== null).map((g: { dimension: string; mirror_item: string }) => `${g.dimension}>${g.mirror_item}`)).toEqual(["t2>m1", "t4>m2"]);
    expect(json.gaps.filter((g: { suppressed: boolean; mean_a: unknown }) => g.suppressed && g.mean_a !== null)).toEqual([]);
  });

  it("refuses an unknown --between column, an unknown merged level and a bad threshold", async () => {
    const failure = (o: Record<string, unknown>) => run(o).then(() => undefined, (e: unknown) => e as UserError);
    const between = await failure({ between: "region" });
    expect(between).toBeInstanceOf(UserError);
    expect(between!.exitCode).toBe(1);
    expect(between!.text.da).toContain("--between region: kolonnen findes ikke");
    const merge = await failure({ mergeLevels: ["chef+direktion"] });
    expect(merge!.exitCode).toBe(2);
    expect(merge!.text.da).toContain("ukendt niveau direktion");
    const mixed = await failure({ mergeLevels: ["teamleder+medarbejder"] });
    expect(mixed!.text.da).toContain("spejlniveau kan ikke lægges sammen");
    expect((await failure({ threshold: "tyve" }))!.exitCode).toBe(2);
  });
});

describe("gaps tells what it skipped, as score does", () => {
  it("--lenient: the bad row is saved to the rejects file and named on stderr; Excel's readings get their notice", async () => {
    const { readFileSync, writeFileSync, existsSync } = await import("node:fs");
    const { join } = await import("node:path");
    const dir = tmpDir();
    const [header, ...rows] = readFileSync(DATA, "utf8").trimEnd().split(/\r?\n/);
    // A bad answer on the first data row, and a metadata column after the items (read as metadata, with a notice).
    const bad = rows[0]!.split(",").map((cell, i) => (i === header!.split(",").length - 1 ? "x" : cell)).join(",");
    writeFileSync(join(dir, "data.csv"), [`${header},kilde`, `${bad},papir`, ...rows.slice(1).map((r) => `${r},papir`), ""].join("\n"));
    const { io, stderr } = memoryIo(dir);
    await gaps({ files: ["data.csv"], questionnaire: MIRROR_Q, lenient: true, rejects: "afviste.csv" }, io, captureStream().stream);
    expect(existsSync(join(dir, "afviste.csv"))).toBe(true);
    expect(readFileSync(join(dir, "afviste.csv"), "utf8")).toContain('"x"');
    expect(stderr()).toContain("1 række(r) er sprunget over");
    expect(stderr()).toContain('"kilde"');
  });
});
