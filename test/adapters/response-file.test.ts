import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { appendResponseRow } from "../../src/adapters/csv/response-file.ts";
import { tmpDir } from "../helpers/paths.ts";

const columns = ["respondent_id", "note", "q1"];
const freeText = (column: string) => column !== "q1";

describe("appendResponseRow", () => {
  it("serialises concurrent appends: one header, every row whole", async () => {
    const out = join(tmpDir(), "out.csv");
    // All calls start before any finishes, so without the lock each would see a missing file and write a header.
    await Promise.all(Array.from({ length: 40 }, (_, i) => appendResponseRow(out, columns, [`r${i}`, `note, "${i}"\nline 2`, String(i % 5)], freeText)));
    const text = readFileSync(out, "utf8");
    expect(text.match(/respondent_id,note,q1/g)).toHaveLength(1);
    for (let i = 0; i < 40; i++) expect(text).toContain(`r${i},"note, ""${i}""\nline 2",${i % 5}\r\n`);
  });

  it("defuses formulas in free-text cells only", async () => {
    const out = join(tmpDir(), "out.csv");
    await appendResponseRow(out, columns, ["@me", "+45 1234", "-2"], freeText);
    expect(readFileSync(out, "utf8").split("\r\n")[1]).toBe("'@me,'+45 1234,-2");
  });

  it("leaves the file alone and reports the columns when the header differs", async () => {
    const out = join(tmpDir(), "out.csv");
    writeFileSync(out, "a,b\r\n1,2\r\n");
    await expect(appendResponseRow(out, columns, ["x", "y", "1"], freeText)).resolves.toEqual({ expected: columns, found: ["a", "b"] });
    expect(readFileSync(out, "utf8")).toBe("a,b\r\n1,2\r\n");
  });
});
