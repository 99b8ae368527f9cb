import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { workshopAgree } from "../../src/cli/commands/workshop/agree.ts";
import { workshopExport } from "../../src/cli/commands/workshop/export.ts";
import { workshopReport } from "../../src/cli/commands/workshop/report.ts";
import { workshopStatus } from "../../src/cli/commands/workshop/status.ts";
import type { UserError } from "../../src/cli/errors.ts";
import { memoryIo } from "../../src/cli/io.ts";
import { answered, pdfText } from "./answered.ts";

const refusal = (promise: Promise<unknown>) => promise.then(() => { throw new Error("expected a refusal"); }, (err: unknown) => err as UserError);
const now = () => new Date("2026-03-02T10:30:00+01:00");
const EPOCH = { SOURCE_DATE_EPOCH: "1772443800" };
const CONSENSUS = `elements:
  e1:
    score: 3
    rationale: Målene er kendte, men skifter for ofte.
    dissent: Medarbejderne oplever målene som uklare.
    strengths: [Få og stabile politiske mål]
    improvements: [Målene når ikke ud til teamene]
    actions:
      - { what: Fastlæg tre stabile mål, who: Chefgruppen, when: "2027-03-01", success: Alle kan nævne målene }
      - { what: Teammøder om målene, who: Teamlederne, when: "2027-04-15", success: Referat fra hvert team }
`;

describe("workshop agree", () => {
  it("records the file's consensus with the round's figures and the time, and writes handleplan.csv", async () => {
    const { dir } = await answered(3, 3);
    writeFileSync(join(dir, "udkast.yaml"), CONSENSUS);
    const { io, stderr } = memoryIo(dir);
    expect(await workshopAgree({ dir, consensus: "udkast.yaml" }, io, { now })).toBe(0);
    expect(stderr()).toContain("Konsensus for 1 element(er) er gemt");
    const saved = parse(readFileSync(join(dir, "konsensus.yaml"), "utf8"));
    // room: 75,75,75,25,25,25 → mean 50 = 3.0 on 1-5; sd √750 = 27.39 → 1.1 points
    expect(saved.elements.e1.rounds).toEqual([{ round: 1, n: 6, mean: 3, sd: 1.1 }]);
    expect(saved.elements.e1.decided_at).toMatch(/^2026-03-02T/);
    expect(readFileSync(join(dir, "handleplan.csv"), "utf8").split("\r\n")).toEqual([
      "element_id,handling,ansvarlig,frist,succeskriterium",
      "e1,Fastlæg tre stabile mål,Chefgruppen,2027-03-01,Alle kan nævne målene",
      "e1,Teammøder om målene,Teamlederne,2027-04-15,Referat fra hvert team",
      "",
    ]);
  });

  it("takes JSON of the same shape", async () => {
    const { dir } = await answered(3, 3);
    writeFileSync(join(dir, "k.json"), JSON.stringify({ elements: { e2: { score: 2.5, rationale: "Delvist" } } }, null, 2));
    expect(await workshopAgree({ dir, consensus: "k.json" }, memoryIo(dir).io, { now })).toBe(0);
    expect(parse(readFileSync(join(dir, "konsensus.yaml"), "utf8")).elements.e2).toMatchObject({ score: 2.5, rationale: "Delvist", actions: [] });
  });

  it.each([
    ["a YAML syntax error", "elements:\n  e1:\n    score: [3\n", "udkast.yaml:4:1: YAML/JSON-syntaksfejl"],
    ["a missing rationale", "elements:\n  e1:\n    score: 3\n", "udkast.yaml:3:5 elements.e1.rationale: mangler"],
    ["an unknown element", "elements:\n  e9:\n    score: 3\n    rationale: x\n", "udkast.yaml:3:5 elements.e9: ukendt element"],
    ["a score off the scale", "elements:\n  e1:\n    score: 7\n    rationale: x\n", "udkast.yaml:3:12 elements.e1.score: skal være på skemaets skala, 1-5"],
    ["a quarter point", "elements:\n  e1:\n    score: 3.25\n    rationale: x\n", "elements.e1.score: skal være på skemaets skala"],
    ["a date that is not a date", "elements:\n  e1:\n    score: 3\n    rationale: x\n    actions:\n      - { what: a, who: b, when: 1. marts, success: c }\n", "udkast.yaml:6:34 elements.e1.actions.0.when: skal være en dato"],
    ["an action without its owner", "elements:\n  e1:\n    score: 3\n    rationale: x\n    actions:\n      - { what: a, when: \"2027-01-01\", success: c }\n", "udkast.yaml:6:9 elements.e1.actions.0.who: mangler"],
    ["an unknown field", "elements:\n  e1:\n    score: 3\n    rationale: x\n    owner: y\n", "udkast.yaml:5:12 elements.e1.owner: ukendt felt: owner"],
    ["a duplicated key", "elements:\n  e1:\n    score: 3\n    score: 4\n    rationale: x\n", "udkast.yaml:4:5: YAML/JSON-syntaksfejl"],
  ])("refuses %s with file, line and field, and writes nothing", async (_, text, message) => {
    const { dir } = await answered(0, 0);
    writeFileSync(join(dir, "udkast.yaml"), text);
    const err = await refusal(workshopAgree({ dir, consensus: "udkast.yaml" }, memoryIo(dir).io, { now }));
    expect(err.exitCode).toBe(1);
    expect(err.text.da).toContain(message);
    expect(err.text.da).toContain("Intet er gemt.");
    expect(() => readFileSync(join(dir, "konsensus.yaml"))).toThrow();
  });
});

describe("workshop status", () => {
  it("prints participation, per element per level as bars, and the flags", async () => {
    const { dir } = await answered(3, 3);
    const { io, stdout } = memoryIo(dir);
    expect(await workshopStatus({ dir, element: "e1", all: true }, io)).toBe(0);
    const text = stdout();
    expect(text).toContain("Har svaret: 6  (Leder 3, Medarbejder 3)");
    // 75 of 100 over 24 cells is 18 full blocks; 25 is 6
    expect(text).toMatch(new RegExp(`Leder\\s+n=  3  ${"█".repeat(18)} {6} 4,0`));
    expect(text).toMatch(new RegExp(`Medarbejder\\s+n=  3  ${"█".repeat(6)} {18} 2,0`));
    expect(text).toContain("⚑ Stor spredning: spænd 2,0, sd 1,1");
    expect(text).toContain("⚑ Forskel Leder ↔ Medarbejder: 2,0 point");
  });

  it("says so when every level is below k", async () => {
    const { dir } = await answered(1, 1);
    const { io, stdout } = memoryIo(dir);
    await workshopStatus({ dir, all: true }, io);
    expect(stdout()).toContain("Alle niveauer har færre end 3 besvarelser");
    expect(stdout()).toContain("Ingen tal kan vises endnu.");
    expect(stdout()).not.toMatch(/█/);
  });
});

describe("workshop export", () => {
  it("writes tal.csv with report --csv's columns and handleplan.csv, and prints their paths", async () => {
    const { dir } = await answered(3, 1);
    writeFileSync(join(dir, "udkast.yaml"), CONSENSUS);
    await workshopAgree({ dir, consensus: "udkast.yaml" }, memoryIo(dir).io, { now });
    const { io, stdout } = memoryIo(dir, "da", EPOCH);
    expect(await workshopExport({ dir }, io)).toBe(0);
    expect(stdout()).toBe("eksport/tal.csv\neksport/handleplan.csv\n");
    const tal = readFileSync(join(dir, "eksport", "tal.csv"), "utf8").split("\r\n");
    // report --csv's columns: no min and max (single people's values), `levels` after item_id
    expect(tal[0]).toBe("level,population,dimension,item_id,levels,n,mean,sd,median,score,count_1,count_2,count_3,count_4,count_5,count_ved_ikke,suppressed,total");
    // the single medarbejder is hidden, and so (complement) is the leader group of 3
    expect(tal.find((l) => l.startsWith("medarbejder,ledere,e1,,")) ?? "").toMatch(/^medarbejder,ledere,e1,,,1,,,,.*,true,false/);
    expect(tal.find((l) => l.startsWith("leder,ledere,e1,,")) ?? "").toMatch(/^leder,ledere,e1,,,3,,,,.*,true,false/);
    const excel = memoryIo(dir, "da", EPOCH);
    await workshopExport({ dir, outDir: "ud", excel: true }, excel.io);
    const plan = readFileSync(join(dir, "ud", "handleplan.csv"), "utf8");
    expect(plan.startsWith("\uFEFFelement_id;handling;ansvarlig;frist;succeskriterium\r\n")).toBe(true);
  });
});

describe("workshop report", () => {
  it("holds participation, the agreed score beside the room's mean, rationale, dissent, and the action plan", async () => {
    const { dir } = await answered(3, 3);
    writeFileSync(join(dir, "udkast.yaml"), CONSENSUS);
    await workshopAgree({ dir, consensus: "udkast.yaml" }, memoryIo(dir).io, { now });
    const { io } = memoryIo(dir, "da", EPOCH);
    expect(await workshopReport({ dir, out: "r.pdf" }, io)).toBe(0);
    const text = (await pdfText(join(dir, "r.pdf"))).replace(/\s+/g, " ");
    for (const s of ["Deltagelse", "Målene er kendte, men skifter for ofte.", "Medarbejderne oplever målene som uklare.", "Fastlæg tre stabile mål", "Chefgruppen", "2027-03-01", "Teamlederne", "2027-04-15", "Referat fra hvert team", "Metode og anonymitet"]) expect(text).toContain(s);
    expect(text).toContain("Aftalt score: 3 Gennemsnit af de individuelle svar: 3,0 (n = 6)");
    expect(text).not.toContain("))");
    // e1: leaders 4,0, employees 2,0 (by hand, see answered.ts): the leaders rate it higher, by 2,0.
    expect(text).toMatch(/Element 1 hele elementets score Leder Medarbejder 2,0/);
    // reproducible bytes with SOURCE_DATE_EPOCH
    const first = readFileSync(join(dir, "r.pdf"));
    await workshopReport({ dir, out: "r.pdf", force: true }, memoryIo(dir, "da", EPOCH).io);
    expect(readFileSync(join(dir, "r.pdf")).equals(first)).toBe(true);
    const again = await refusal(workshopReport({ dir, out: "r.pdf" }, memoryIo(dir, "da", EPOCH).io));
    expect(again.exitCode).toBe(2);
  });

  it("with every level below k says so, and shows no figure", async () => {
    const { dir } = await answered(1, 1);
    await workshopReport({ dir, out: "r.pdf" }, memoryIo(dir, "da", EPOCH).io);
    const text = (await pdfText(join(dir, "r.pdf"))).replace(/\s+/g, " ");
    expect(text).toContain("Alle niveauer har færre end 3 besvarelser");
    expect(text).toContain("Ingen tal kan vises for dette element");
    expect(text).not.toMatch(/\d,\d/); // no mean, spread or difference anywhere
  });
});
