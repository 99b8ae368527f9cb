import { existsSync, linkSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundledPath } from "../../src/adapters/files/bundled.ts";
import { score, type ScoreOptions } from "../../src/cli/commands/score.ts";
import { UserError } from "../../src/cli/errors.ts";
import { memoryIo } from "../../src/cli/io.ts";
import { captureStream } from "../helpers/capture.ts";
import { fixture, MINI, tmpDir } from "../helpers/paths.ts";
import { fagligLedelse, people, wideCsv } from "../helpers/responses.ts";

const FL = bundledPath("faglig-ledelse");

async function run(options: ScoreOptions, cwd: string) {
  const { io, stderr } = memoryIo(cwd);
  const out = captureStream();
  const result: { code?: number; error?: unknown } = await score(options, io, out.stream).then((code) => ({ code }), (error: unknown) => ({ error }));
  return { ...result, stdout: out.text(), stderr: stderr() };
}

function records(csv: string): Record<string, string>[] {
  const [header, ...lines] = csv.trimEnd().split("\r\n");
  const names = header!.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((cell, i) => [names[i]!, cell])));
}

const totalRow = (csv: string, level: string) => records(csv).find((r) => r.level === level && r.dimension === "total" && r.total !== "true");

const userError = (result: { error?: unknown }): UserError => {
  if (!(result.error instanceof UserError)) throw new Error(`expected a UserError, got ${String(result.error)}`);
  return result.error;
};

describe("one respondent, one row (SPEC §3)", () => {
  const q = fagligLedelse();
  // k = 5 in faglig-ledelse: a direktion of 3 must stay hidden, however often its rows are given.
  const office = [...people("d", "direktion", 3), ...people("c", "chef", 6)];

  it("the same file twice: a direktion of 3 stays n = 3 and hidden, with a notice", async () => {
    const dir = tmpDir();
    writeFileSync(join(dir, "a.csv"), wideCsv(q, office));
    const { code, stdout, stderr } = await run({ files: ["a.csv", "a.csv"], questionnaire: FL, by: "level" }, dir);
    expect(code).toBe(0);
    expect(totalRow(stdout, "direktion")).toMatchObject({ n: "3", suppressed: "true", mean: "" });
    expect(totalRow(stdout, "chef")?.n).toBe("6");
    expect(stderr).toContain("Bemærk: a.csv er angivet mere end én gang; de 9 respondenter i den tælles én gang.");
  });

  it("a file and a hard link to it: named as the same file, not as 9 duplicate rows (found by a researcher's trial)", async () => {
    const dir = tmpDir();
    writeFileSync(join(dir, "a.csv"), wideCsv(q, office));
    linkSync(join(dir, "a.csv"), join(dir, "b.csv"));
    const { code, stdout, stderr } = await run({ files: ["a.csv", "b.csv"], questionnaire: FL, by: "level" }, dir);
    expect(code).toBe(0);
    expect(totalRow(stdout, "chef")?.n).toBe("6");
    expect(stderr).toContain("Bemærk: b.csv er den samme fil som a.csv (et link eller en anden stavemåde); de 9 respondenter i den tælles én gang.");
    expect(stderr).not.toContain("er magen til");
  });

  it("overlapping exports from two laptops: the shared respondents count once, named by file and line", async () => {
    const dir = tmpDir();
    // Laptop 2 exported later (another submitted_at), with its metadata columns in another order.
    const shared = office.slice(6).map((p) => ({ ...p, meta: { kommune: "Aarhus", runde: "1" } }));
    writeFileSync(join(dir, "laptop1.csv"), wideCsv(q, [...office.slice(0, 6).map((p) => ({ ...p, meta: { kommune: "Aarhus", runde: "1" } })), ...shared], ["kommune", "runde"]));
    writeFileSync(join(dir, "laptop2.csv"), wideCsv(q, [...shared.map((p) => ({ ...p, submitted: "2026-03-02T10:00:00+01:00" })), ...people("x", "chef", 2, { meta: { kommune: "Aarhus", runde: "1" } })], ["runde", "kommune"]));
    const { code, stdout, stderr } = await run({ files: ["laptop1.csv", "laptop2.csv"], questionnaire: FL, by: "level" }, dir);
    expect(code).toBe(0);
    expect(totalRow(stdout, "chef")?.n).toBe("8"); // c1…c6 and x1, x2
    expect(totalRow(stdout, "direktion")?.n).toBe("3");
    // c4 is on line 8 of laptop1 (header, d1-d3, c1-c3, c4) and line 2 of laptop2.
    expect(stderr).toContain("Bemærk: 3 række(r) i laptop2.csv er magen til en tidligere række for samme respondent i laptop1.csv og tælles én gang: laptop2.csv:2 = laptop1.csv:8, laptop2.csv:3 = laptop1.csv:9, laptop2.csv:4 = laptop1.csv:10.");
  });

  it("ids that look the same are one respondent: a space around it, an Å typed on a Mac (A + ring)", async () => {
    // A direktion of 3 given again under ids a person cannot tell apart must not become 6 and shown.
    const dir = tmpDir();
    const mac = (id: string) => id.normalize("NFD");
    const direktion = [{ id: "Århus-1", level: "direktion" }, { id: "Århus-2", level: "direktion" }, { id: "d3", level: "direktion" }];
    writeFileSync(join(dir, "a.csv"), wideCsv(q, [...direktion, ...people("c", "chef", 6)]));
    writeFileSync(join(dir, "b.csv"), wideCsv(q, [{ ...direktion[0]!, id: mac("Århus-1") }, { ...direktion[1]!, id: ` ${mac("Århus-2")} ` }, { ...direktion[2]!, id: "d3 " }]));
    expect(readFileSync(join(dir, "b.csv"), "utf8")).toContain("A\u030Arhus-1");
    const { code, stdout, stderr } = await run({ files: ["a.csv", "b.csv"], questionnaire: FL, by: "level" }, dir);
    expect(code).toBe(0);
    expect(totalRow(stdout, "direktion")).toMatchObject({ n: "3", suppressed: "true" });
    expect(stderr).toContain("b.csv:2 = a.csv:2, b.csv:3 = a.csv:3, b.csv:4 = a.csv:4");
    // Differing answers under such an id: a conflict, as for the same id.
    writeFileSync(join(dir, "c.csv"), wideCsv(q, [{ id: "d3 ", level: "direktion", value: 1 }]));
    const err = userError(await run({ files: ["a.csv", "c.csv"], questionnaire: FL, by: "level" }, dir));
    expect(err.text.da).toContain('c.csv:2 (respondent_id): respondenten "d3 " står også i a.csv:4 med andre svar');
    // An id of white space only is no id.
    writeFileSync(join(dir, "d.csv"), wideCsv(q, [{ id: "  ", level: "chef" }]));
    expect(userError(await run({ files: ["d.csv"], questionnaire: FL }, dir)).text.da).toContain("d.csv:2 (respondent_id): mangler respondent_id");
  });

  it("conflicting rows of one respondent are an error naming it and both places; exit 1, nothing written", async () => {
    const dir = tmpDir();
    writeFileSync(join(dir, "laptop1.csv"), wideCsv(q, office));
    writeFileSync(join(dir, "laptop2.csv"), wideCsv(q, [{ id: "c2", level: "chef" }, { id: "c5", level: "chef", value: 4 }]));
    const result = await run({ files: ["laptop1.csv", "laptop2.csv"], questionnaire: FL, by: "level", out: "out.csv" }, dir);
    const err = userError(result);
    expect(err.exitCode).toBe(1);
    expect(err.text.da).toContain('laptop2.csv:3 (respondent_id): respondenten "c5" står også i laptop1.csv:9 med andre svar');
    expect(err.text.en).toContain('respondent "c5" is also in laptop1.csv:9 with different answers');
    expect(err.text.da).toContain("Intet er skrevet");
    expect(err.text.da).not.toContain('"c2"'); // identical, so no conflict
    expect(existsSync(join(dir, "out.csv"))).toBe(false);
  });

  it("a different group or metadata value is a conflict too; submitted_at is not", async () => {
    const dir = tmpDir();
    const one = [{ id: "c1", level: "chef", meta: { kommune: "Aarhus" } }];
    writeFileSync(join(dir, "a.csv"), wideCsv(q, one, ["kommune"]));
    writeFileSync(join(dir, "group.csv"), wideCsv(q, [{ ...one[0]!, group: "Anden enhed" }], ["kommune"]));
    writeFileSync(join(dir, "meta.csv"), wideCsv(q, [{ ...one[0]!, meta: { kommune: "Aalborg" } }], ["kommune"]));
    writeFileSync(join(dir, "time.csv"), wideCsv(q, [{ ...one[0]!, submitted: "2026-04-01T08:00:00+02:00" }], ["kommune"]));
    for (const other of ["group.csv", "meta.csv"]) {
      expect(userError(await run({ files: ["a.csv", other], questionnaire: FL }, dir)).text.da).toContain(`${other}:2 (respondent_id): respondenten "c1" står også i a.csv:2`);
    }
    const { code, stdout } = await run({ files: ["a.csv", "time.csv"], questionnaire: FL }, dir);
    expect(code).toBe(0);
    expect(stdout.trimEnd().split("\r\n")).toHaveLength(2);
  });

  it("--lenient keeps the first row, lists the other and saves it in the rejects file", async () => {
    const dir = tmpDir();
    writeFileSync(join(dir, "laptop1.csv"), wideCsv(q, office));
    writeFileSync(join(dir, "laptop2.csv"), wideCsv(q, [{ id: "c5", level: "chef", value: 5 }]));
    const { code, stdout, stderr } = await run({ files: ["laptop1.csv", "laptop2.csv"], questionnaire: FL, lenient: true }, dir);
    expect(code).toBe(0);
    const c5 = records(stdout).filter((r) => r.respondent_id === "c5");
    // The first row answers 3 everywhere: (3 − 1) / 4 × 100 = 50 (reverse items too, as 1 + 5 − 3 = 3).
    expect(c5).toHaveLength(1);
    expect(c5[0]!.total).toBe("50");
    expect(stderr).toContain('laptop2.csv:2 (respondent_id): respondenten "c5" står også i laptop1.csv:9 med andre svar');
    expect(stderr).toContain("1 række(r) er sprunget over; de står i afviste-raekker.csv. 9 respondenter er scoret.");
    const rejects = readFileSync(join(dir, "afviste-raekker.csv"), "utf8").split("\r\n");
    expect(rejects[1]).toMatch(/^laptop2\.csv,2,respondent_id,"respondenten ""c5"" står også i laptop1\.csv:9 .*","c5,faglig-ledelse,2\.1,chef,Enhed,.*,5,5,5,/);
  });
});

describe("one respondent, one row in the long format: a respondent's rows are its row", () => {
  const LONG = fixture("responses", "mini-long.csv");
  const WIDE = fixture("responses", "mini-utf8.csv");

  it("the same respondents in a long and a wide file count once", async () => {
    const { code, stdout, stderr } = await run({ files: [LONG, WIDE], questionnaire: MINI }, tmpDir());
    expect(code).toBe(0);
    expect(stdout.trimEnd().split("\r\n").map((l) => l.split(",")[0])).toEqual(["respondent_id", "r01", "r02", "r03", "r04", "r05", "r06"]);
    // r01's long rows start on line 2; r02's wide row is line 3 (the comment of r01 is on one line).
    expect(stderr).toMatch(/6 række\(r\) i .*mini-utf8\.csv er magen til .*mini-long\.csv .*mini-utf8\.csv:2 = .*mini-long\.csv:2, .*mini-utf8\.csv:3 = .*mini-long\.csv:/);
  });

  it("one changed answer among a respondent's long rows is a conflict naming where its rows begin", async () => {
    const dir = tmpDir();
    const lines = readFileSync(LONG, "utf8").split("\n");
    const at = lines.findIndex((l) => l.startsWith("r02,i3,"));
    const changed = lines.map((l, i) => (i === at ? l.replace(/^r02,i3,\d/, "r02,i3,1") : l)).join("\n");
    expect(changed).not.toBe(lines.join("\n"));
    writeFileSync(join(dir, "lang2.csv"), changed);
    const first = lines.findIndex((l) => l.startsWith("r02,")) + 1;
    const err = userError(await run({ files: [WIDE, "lang2.csv"], questionnaire: MINI }, dir));
    expect(err.text.da).toContain(`lang2.csv:${first} (respondent_id): respondenten "r02" står også i`);
    expect(err.text.da).toMatch(/mini-utf8\.csv:3 med andre svar/);
  });
});

describe("one respondent, one row in the other readers", () => {
  const q = fagligLedelse();

  it("convert writes a file given twice once", async () => {
    const dir = tmpDir();
    writeFileSync(join(dir, "a.csv"), wideCsv(q, people("c", "chef", 2)));
    const { convert } = await import("../../src/cli/commands/convert.ts");
    const converted = async (files: string[]) => {
      const out = captureStream();
      await convert({ files, to: "wide", questionnaire: FL }, memoryIo(dir).io, out.stream);
      return out.text();
    };
    expect(await converted(["a.csv", "a.csv"])).toBe(await converted(["a.csv"]));
  });

  it("report --csv gives the same figures for a file given twice as for the file once", async () => {
    const dir = tmpDir();
    writeFileSync(join(dir, "a.csv"), wideCsv(q, [...people("d", "direktion", 3), ...people("c", "chef", 6, { value: 4 })]));
    const { report } = await import("../../src/cli/commands/report.ts");
    const figures = async (files: string[], name: string) => {
      await report({ files, questionnaire: FL, by: "level", out: `${name}.pdf`, csv: `${name}.csv` }, memoryIo(dir).io);
      return readFileSync(join(dir, `${name}.csv`), "utf8");
    };
    const once = await figures(["a.csv"], "once");
    expect(once).toContain("direktion");
    expect(await figures(["a.csv", "a.csv"], "twice")).toBe(once);
  });
});
