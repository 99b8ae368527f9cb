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

/**
 * Four chefs (k = 3: shown), two afdelingsledere (hidden: too few) and three teamledere (hidden by the
 * complement rule, so the two cannot be worked out from the total): only the chefs' comments may appear.
 */
const DATA = [
  HEADER,
  row("c1", "chef", "Vi mangler data om sagsbehandlingstider"),
  row("c2", "chef", "Ærligt talt\u202e går det fint"),
  row("c3", "chef", "", "Bedre opfølgning, tak"),
  row("c4", "chef", "Alt for mange møder\u0007"),
  row("a1", "afdelingsleder", "HEMMELIG fra en lille gruppe"),
  row("a2", "afdelingsleder", "også HEMMELIG"),
  row("t1", "teamleder", "PLANTET i en skjult gruppe"),
  row("t2", "teamleder", ""),
  row("t3", "teamleder", ""),
].join("\n");

let withComments: string;
let without: string;
let csv: string;
let allHidden: string;

beforeAll(async () => {
  const dir = tmpDir();
  writeFileSync(join(dir, "d.csv"), DATA);
  const { io } = memoryIo(dir, "da", { SOURCE_DATE_EPOCH: "1767225600" });
  await report({ files: ["d.csv"], questionnaire: MIRROR, by: "level", out: "k.pdf", csv: "k.csv", comments: true }, io);
  // Only the two afdelingsledere: nothing can be shown, so neither can their comments.
  writeFileSync(join(dir, "small.csv"), [HEADER, DATA.split("\n")[5], DATA.split("\n")[6]].join("\n"));
  await report({ files: ["small.csv"], questionnaire: MIRROR, by: "level", out: "small.pdf", comments: true }, io);
  await report({ files: ["d.csv"], questionnaire: MIRROR, by: "level", out: "u.pdf" }, io);
  const text = async (f: string) => (await extractText(await getDocumentProxy(new Uint8Array(readFileSync(join(dir, f)))), { mergePages: true })).text.replace(/\s+/g, " ");
  withComments = await text("k.pdf");
  without = await text("u.pdf");
  csv = readFileSync(join(dir, "k.csv"), "utf8");
  allHidden = await text("small.pdf");
});

describe("report --comments", () => {
  it("shows comments only for groups at or above k, sorted, under their element and group", () => {
    expect(withComments).toContain("Kommentarer");
    expect(withComments).toMatch(/Element 1 Chef – Alt for mange møder – Vi mangler data om sagsbehandlingstider – Ærligt talt går det fint/);
    expect(withComments).toMatch(/Element 2 Chef – Bedre opfølgning, tak/);
    expect(withComments).not.toContain("HEMMELIG");
    expect(withComments).toMatch(/Teamleder 3 skjult/); // the teamledere are hidden (complement) …
    expect(withComments).not.toMatch(/c[1-4]\b/); // no respondent ids
  });

  it("never prints a comment planted in a hidden group's row, in the PDF or its CSV", () => {
    // … and their comment is in the data, so leaving it out is the rule at work, not an empty cell.
    expect(DATA).toContain("PLANTET");
    for (const word of ["PLANTET", "HEMMELIG"]) {
      expect(withComments).not.toContain(word);
      expect(csv).not.toContain(word);
      expect(allHidden).not.toContain(word);
    }
  });

  it("says that comments were withheld when every group is hidden", () => {
    expect(allHidden).toContain("Ingen tal kan vises");
    expect(allHidden).toContain("Kommentarerne er udeladt");
    expect(allHidden).not.toMatch(/adskiller sig|forskel på/); // no claim about differences
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
