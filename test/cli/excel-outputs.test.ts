import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { convert } from "../../src/cli/commands/convert.ts";
import { merge } from "../../src/cli/commands/merge.ts";
import { score } from "../../src/cli/commands/score.ts";
import { memoryIo } from "../../src/cli/io.ts";
import { captureStream } from "../helpers/capture.ts";
import { fixture, MINI, tmpDir } from "../helpers/paths.ts";

const MINI_DATA = fixture("responses", "mini-utf8.csv");

async function run(dir: string, command: (io: ReturnType<typeof memoryIo>["io"], out: NodeJS.WritableStream) => Promise<number>) {
  const { io, stderr } = memoryIo(dir);
  const out = captureStream();
  const code = await command(io, out.stream);
  return { code, text: out.text(), stderr: stderr() };
}

const scored = async (dir: string, file: string) => (await run(dir, (io, out) => score({ files: [file], questionnaire: MINI }, io, out))).text;

describe("merge --excel and convert --excel write what Danish Excel opens", () => {
  it("merge --excel: BOM, semicolons, and the file scores as the plain merge does", async () => {
    const dir = tmpDir();
    expect((await run(dir, (io) => merge({ files: [MINI_DATA], questionnaire: MINI, out: "plain.csv" }, io))).code).toBe(0);
    expect((await run(dir, (io) => merge({ files: [MINI_DATA], questionnaire: MINI, out: "excel.csv", excel: true }, io))).code).toBe(0);
    const excel = readFileSync(join(dir, "excel.csv"), "utf8");
    expect(excel.startsWith("\uFEFFrespondent_id;questionnaire_id;questionnaire_version;level;group;submitted_at;kommune;i1;")).toBe(true);
    expect(excel).not.toMatch(/^\uFEFF[^\r\n]*,/);
    expect(await scored(dir, "excel.csv")).toBe(await scored(dir, "plain.csv"));
  });

  it("convert --excel: BOM and semicolons in both directions", async () => {
    const dir = tmpDir();
    const long = await run(dir, (io, out) => convert({ files: [MINI_DATA], questionnaire: MINI, to: "long", excel: true }, io, out));
    expect(long.text.startsWith("\uFEFFrespondent_id;item_id;value;questionnaire_id;")).toBe(true);
    writeFileSync(join(dir, "long.csv"), long.text);
    const wide = await run(dir, (io, out) => convert({ files: ["long.csv"], questionnaire: MINI, to: "wide", excel: true }, io, out));
    expect(wide.text.startsWith("\uFEFFrespondent_id;questionnaire_id;")).toBe(true);
    writeFileSync(join(dir, "wide.csv"), wide.text);
    expect(await scored(dir, "wide.csv")).toBe(await scored(dir, MINI_DATA));
  });

  it("writes a metadata decimal comma as a point in comma-separated output, and keeps it for --excel", async () => {
    const dir = tmpDir();
    const header = "respondent_id;questionnaire_id;questionnaire_version;level;group;submitted_at;vaegt;i1;i2;i3;i4;i5;i6;i7;i8";
    writeFileSync(join(dir, "in.csv"), `${header}\r\nr1;mini;2;leder;G;2026-03-02;2,5;1;2;3;4;;5;1;2\r\n`);
    await run(dir, (io) => merge({ files: ["in.csv"], questionnaire: MINI, out: "plain.csv" }, io));
    await run(dir, (io) => merge({ files: ["in.csv"], questionnaire: MINI, out: "excel.csv", excel: true }, io));
    expect(readFileSync(join(dir, "plain.csv"), "utf8").split("\r\n")[1]).toBe("r1,mini,2,leder,G,2026-03-02,2.5,1,2,3,4,,5,1,2,,,");
    expect(readFileSync(join(dir, "excel.csv"), "utf8").split("\r\n")[1]).toBe("r1;mini;2;leder;G;2026-03-02;2,5;1;2;3;4;;5;1;2;;;");
    const perRespondent = await run(dir, (io, out) => convert({ files: ["in.csv"], questionnaire: MINI, to: "long" }, io, out));
    expect(perRespondent.text.split("\r\n")[1]).toBe("r1,i1,1,mini,2,leder,G,2026-03-02,2.5");
  });
});

describe("convert keeps comments both ways", () => {
  it("wide → long writes each comment as a row (item_id comment.<element>), long → wide puts it back", async () => {
    const dir = tmpDir();
    const long = await run(dir, (io, out) => convert({ files: [MINI_DATA], questionnaire: MINI, to: "long" }, io, out));
    // r01's comment on e1 holds quotes and a comma; r03's on e2 a line break (see the fixture).
    expect(long.text).toContain('r01,comment.e1,"Vi mangler et fælles ""grundlag"", synes jeg",mini,2,leder,Ærø,2026-03-02T09:30:00+01:00,A\r\n');
    expect(long.text).toMatch(/r03,comment\.e2,"To linjer\r?\n/);
    writeFileSync(join(dir, "long.csv"), long.text);
    const wide = await run(dir, (io, out) => convert({ files: ["long.csv"], questionnaire: MINI, to: "wide" }, io, out));
    // The round trip gives back the original file row for row (it is written as the tool writes wide files).
    const normalise = (text: string) => text.replace(/\r\n/g, "\n").trimEnd();
    expect(normalise(wide.text)).toBe(normalise(readFileSync(MINI_DATA, "utf8")));
  });
});

describe("per-respondent scores keep the metadata columns", () => {
  it("after the scores in CSV (SPEC §5's columns keep their places), as an object in JSON", async () => {
    const dir = tmpDir();
    const csv = (await run(dir, (io, out) => score({ files: [MINI_DATA], questionnaire: MINI }, io, out))).text.split("\r\n");
    expect(csv[0]).toBe("respondent_id,level,group,e1,e2,e3,a1,a2,total,kommune");
    expect(csv[1]!.endsWith(",A")).toBe(true);
    const json = JSON.parse((await run(dir, (io, out) => score({ files: [MINI_DATA], questionnaire: MINI, format: "json" }, io, out))).text);
    expect(json.respondents[0].metadata).toEqual({ kommune: "A" });
  });
});

describe("--item-stats with --by", () => {
  // k = 3. Leaders, item i1: kommune A 5,4,3 (n 3), B 1,2,2,3 (n 4), C 5 (n 1).
  // By hand: C is hidden (n < 3); the hidden respondents (1) are fewer than k, so the smallest shown cell, A, is hidden too.
  // B: mean 2, sd sqrt(2/3) = 0.8165. Total over the 8 leaders: mean 25/8 = 3.125, sd sqrt(14.875/7) = 1.4577.
  const header = "respondent_id,questionnaire_id,questionnaire_version,level,group,submitted_at,kommune,i1,i2,i3,i4,i5,i6,i7,i8";
  const leader = (id: string, kommune: string, i1: number) => `${id},mini,2,leder,G,2026-03-02,${kommune},${i1},3,3,3,,3,3,3`;
  const data = [
    header,
    leader("a1", "A", 5), leader("a2", "A", 4), leader("a3", "A", 3),
    leader("b1", "B", 1), leader("b2", "B", 2), leader("b3", "B", 2), leader("b4", "B", 3),
    leader("c1", "C", 5),
  ].join("\r\n");

  it("breaks the items down by the --by groups within each population, hiding as the disclosure rules say", async () => {
    const dir = tmpDir();
    writeFileSync(join(dir, "d.csv"), data);
    const result = await run(dir, (io, out) => score({ files: ["d.csv"], questionnaire: MINI, itemStats: true, by: "kommune", format: "json" }, io, out));
    expect(result.code).toBe(0);
    type Row = { population: string; by: { kommune: string }; item_id: string; n: number; mean: number | null; sd: number | null; suppressed: boolean; total: boolean };
    const i1 = (JSON.parse(result.text).items as Row[]).filter((r) => r.item_id === "i1");
    const leaders = i1.filter((r) => r.population === "ledere");
    expect(leaders.map((r) => [r.by.kommune, r.n, r.suppressed])).toEqual([["A", 3, true], ["B", 4, false], ["C", 1, true], ["", 8, false]]);
    const b = leaders.find((r) => r.by.kommune === "B")!;
    expect(b.mean).toBe(2);
    expect(b.sd).toBeCloseTo(0.8165, 4);
    const total = leaders.find((r) => r.total)!;
    expect(total.mean).toBe(3.125);
    expect(total.sd).toBeCloseTo(1.4577, 4);
  });

  it("writes the --by columns first in CSV", async () => {
    const dir = tmpDir();
    writeFileSync(join(dir, "d.csv"), data);
    const lines = (await run(dir, (io, out) => score({ files: ["d.csv"], questionnaire: MINI, itemStats: true, by: "kommune" }, io, out))).text.split("\r\n");
    expect(lines[0]!.startsWith("kommune,population,level,element,item_id,reverse,n,mean,sd,")).toBe(true);
    expect(lines).toContain("B,ledere,,e1,i1,false,4,2,0.82,0,0,1,2,1,0,0,,,false,false");
  });

  it("never mixes mirror respondents with leaders in one group", async () => {
    const dir = tmpDir();
    const header = "respondent_id,questionnaire_id,questionnaire_version,level,group,submitted_at,t1,t2,m1,t3,t4,m2";
    const rows = [1, 2, 3].flatMap((i) => [`t${i},spejl,1,teamleder,X,2026-03-02,5,5,,5,4,`, `m${i},spejl,1,medarbejder,X,2026-03-02,,,2,,,3`]);
    writeFileSync(join(dir, "d.csv"), [header, ...rows].join("\n"));
    const result = await run(dir, (io, out) => score({ files: ["d.csv"], questionnaire: fixture("questionnaires", "valid", "mirror.yaml"), itemStats: true, by: "group", format: "json" }, io, out));
    const items = JSON.parse(result.text).items as { population: string; item_id: string; n: number; total: boolean }[];
    expect(items.filter((r) => r.item_id === "t1").map((r) => [r.population, r.n])).toEqual([["ledere", 3], ["ledere", 3]]);
    expect(items.filter((r) => r.item_id === "m1").map((r) => [r.population, r.n])).toEqual([["medarbejder", 3], ["medarbejder", 3]]);
  });
});
