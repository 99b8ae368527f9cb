import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { workshopImport } from "../../src/cli/commands/workshop/import.ts";
import type { UserError } from "../../src/cli/errors.ts";
import { memoryIo } from "../../src/cli/io.ts";
import { answered } from "./answered.ts";
import { dataRows, Participant, testApp } from "./helpers.ts";

const HEADER = "respondent_id,questionnaire_id,questionnaire_version,level,group,submitted_at,i1,i2,i3,i4,i5,i6,i7,i8,comment.e1,comment.e2,comment.e3";
const row = (id: string, level: string, answers: string) => `${id},mini,2,${level},Papir,2026-03-02T11:00:00+01:00,${answers},,,`;
const refusal = (promise: Promise<unknown>) => promise.then(() => { throw new Error("expected a refusal"); }, (err: unknown) => err as UserError);

describe("workshop import", () => {
  it("merges answers from paper by the one-row rule, says what it did, and the server appends after it", async () => {
    const { dir, w } = await answered(1, 0);
    const first = dataRows(dir)[0]!;
    writeFileSync(join(dir, "papir.csv"), [HEADER, row("p1", "leder", "4,4,2,3,,3,3,3"), row("p2", "medarbejder", "2,2,4,,3,3,,"), first].join("\r\n") + "\r\n");
    const { io, stderr } = memoryIo(dir);
    expect(await workshopImport({ dir, files: ["papir.csv"] }, io)).toBe(0);
    expect(stderr()).toContain("2 ny(e) respondent(er); 1 ens dublet(ter) talt én gang; besvarelser.csv har nu 3.");
    expect(dataRows(dir).map((r) => r.split(",")[0])).toEqual(["p1", "p2", first.split(",")[0]].sort()); // sorted by respondent (SPEC §6.1), never in the order answers came
    // The staged merge replaced besvarelser.csv: no provenance sidecar of it is left in the folder.
    expect(readdirSync(dir).filter((name) => name.includes("provenance") || name.startsWith(".import-"))).toEqual([]);
    const { app } = await testApp(w);
    await new Participant(app).answerAll("leder", [{ i1: "3" }, {}, {}]);
    expect(dataRows(dir)).toHaveLength(4);
  });

  it("refuses a respondent with other answers than the row already there, and changes nothing", async () => {
    const { dir } = await answered(1, 0);
    const before = readFileSync(join(dir, "besvarelser.csv"), "utf8");
    const id = dataRows(dir)[0]!.split(",")[0]!;
    writeFileSync(join(dir, "papir.csv"), [HEADER, row(id, "leder", "1,1,1,1,,1,1,1")].join("\r\n") + "\r\n");
    const err = await refusal(workshopImport({ dir, files: ["papir.csv"] }, memoryIo(dir).io));
    expect(err.exitCode).toBe(1);
    expect(err.text.da).toContain("én respondent, én række");
    expect(readFileSync(join(dir, "besvarelser.csv"), "utf8")).toBe(before);
  });

  it("refuses files with extra columns, which would stop the server's appends", async () => {
    const { dir } = await answered(1, 0);
    const before = readFileSync(join(dir, "besvarelser.csv"), "utf8");
    writeFileSync(join(dir, "papir.csv"), `${HEADER.replace("submitted_at,", "submitted_at,kommune,")}\r\n${row("p1", "leder", "A,4,4,2,3,,3,3,3")}\r\n`);
    const err = await refusal(workshopImport({ dir, files: ["papir.csv"] }, memoryIo(dir).io));
    expect(err.text.da).toContain("(kommune)");
    expect(readFileSync(join(dir, "besvarelser.csv"), "utf8")).toBe(before);
  });
});
