import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import { report } from "../../src/cli/commands/report.ts";
import { memoryIo } from "../../src/cli/io.ts";
import { cleanComment } from "../../src/core/report/report-comments.ts";
import { fixture, tmpDir } from "../helpers/paths.ts";

const MIRROR = fixture("questionnaires", "valid", "mirror.yaml");
const HEADER = "respondent_id,questionnaire_id,questionnaire_version,level,group,submitted_at,t1,t2,m1,t3,t4,m2,comment.e1,comment.e2";
const row = (id: string, level: string, e1: string, e2 = "") => `${id},spejl,1,${level},,2026-03-02T09:00:00+01:00,4,${level === "chef" ? "" : "4"},,4,,,"${e1}","${e2}"`;

/** Four chefs (k = 3: shown) and two afdelingsledere (hidden): only the chefs' comments may appear. */
const DATA = [
  HEADER,
  row("c1", "chef", "Vi mangler data om sagsbehandlingstider"),
  row("c2", "chef", "Ærligt talt\u202e går det fint"),
  row("c3", "chef", "", "Bedre opfølgning, tak"),
  row("c4", "chef", "Alt for mange møder\u0007"),
  row("a1", "afdelingsleder", "HEMMELIG fra en lille gruppe"),
  row("a2", "afdelingsleder", "også HEMMELIG"),
].join("\n");

let withComments: string;
let without: string;

beforeAll(async () => {
  const dir = tmpDir();
  writeFileSync(join(dir, "d.csv"), DATA);
  const { io } = memoryIo(dir, "da", { SOURCE_DATE_EPOCH: "1767225600" });
  await report({ files: ["d.csv"], questionnaire: MIRROR, by: "level", out: "k.pdf", comments: true }, io);
  await report({ files: ["d.csv"], questionnaire: MIRROR, by: "level", out: "u.pdf" }, io);
  const text = async (f: string) => (await extractText(await getDocumentProxy(new Uint8Array(readFileSync(join(dir, f)))), { mergePages: true })).text.replace(/\s+/g, " ");
  withComments = await text("k.pdf");
  without = await text("u.pdf");
});

describe("report --comments", () => {
  it("shows comments only for groups at or above k, sorted, under their element and group", () => {
    expect(withComments).toContain("Kommentarer");
    expect(withComments).toMatch(/Element 1 Chef – Alt for mange møder – Vi mangler data om sagsbehandlingstider – Ærligt talt går det fint/);
    expect(withComments).toMatch(/Element 2 Chef – Bedre opfølgning, tak/);
    expect(withComments).not.toContain("HEMMELIG");
    expect(withComments).not.toMatch(/c[1-4]\b/); // no respondent ids
  });

  it("leaves comments out without --comments", () => {
    expect(without).not.toContain("sagsbehandlingstider");
    expect(without).not.toContain("Kommentarer");
  });

  it("cleans a comment of control and direction-override characters and caps its length", () => {
    expect(cleanComment("a\u202eb\u0007c\n\nd")).toBe("ab c d");
    expect(cleanComment("x".repeat(700))).toHaveLength(600);
  });
});
