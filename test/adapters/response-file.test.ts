import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { appendResponseRow } from "../../src/adapters/csv/response-file.ts";
import { bytesDecoder, detectEncoding } from "../../src/adapters/files/text-source.ts";
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

  it("adds to a file Excel saved in Windows-1252 in Windows-1252, and a row with a character it lacks in UTF-8, both read back as written", async () => {
    const out = join(tmpDir(), "out.csv");
    // Older Danish Excel: semicolons, Windows-1252 ("Ærø" as C6 72 F8).
    writeFileSync(out, Buffer.from("respondent_id;note;q1\r\nr0;\xc6r\xf8 \x96 \x80;1\r\n", "latin1"));
    await appendResponseRow(out, columns, ["r1", "Ærø – €", "2"], freeText);
    const added = Buffer.from("r1;\xc6r\xf8 \x96 \x80;2\r\n", "latin1");
    expect(readFileSync(out).subarray(-added.length)).toEqual(added);
    expect(await detectEncoding(out)).toBe("windows-1252");
    // An emoji has no Windows-1252 byte: that row goes out in UTF-8, and the file reads line by line.
    await appendResponseRow(out, columns, ["r2", "Ærø 👍", "3"], freeText);
    const emoji = Buffer.from("r2;Ærø 👍;3\r\n", "utf8");
    expect(readFileSync(out).subarray(-emoji.length)).toEqual(emoji);
    expect(await detectEncoding(out)).toBe("mixed");
    const decode = bytesDecoder("mixed");
    expect(readFileSync(out).toString("latin1").split("\r\n").map((line) => decode(Buffer.from(line, "latin1")))).toEqual(["respondent_id;note;q1", "r0;Ærø – €;1", "r1;Ærø – €;2", "r2;Ærø 👍;3", ""]);
  });

  it("keeps to Windows-1252 after a row that had to go out in UTF-8, as long as most of the file is Windows-1252", async () => {
    const out = join(tmpDir(), "out.csv");
    writeFileSync(out, Buffer.from("respondent_id;note;q1\r\nr0;\xc6r\xf8;1\r\nr1;K\xf8ge;1\r\n", "latin1"));
    await appendResponseRow(out, columns, ["r2", "Ærø 👍", "3"], freeText);
    await appendResponseRow(out, columns, ["r3", "Ærø", "4"], freeText);
    const added = Buffer.from("r3;\xc6r\xf8;4\r\n", "latin1");
    expect(readFileSync(out).subarray(-added.length)).toEqual(added);
  });

  it("adds to a file whose lines end with a CR alone (older Excel for Mac): its header is found", async () => {
    const out = join(tmpDir(), "out.csv");
    writeFileSync(out, "respondent_id,note,q1\rr0,x,1\r");
    await expect(appendResponseRow(out, columns, ["r1", "y", "2"], freeText)).resolves.toBeUndefined();
    expect(readFileSync(out, "utf8")).toBe("respondent_id,note,q1\rr0,x,1\rr1,y,2\r\n");
  });

  it("leaves the file alone and reports the columns when the header differs", async () => {
    const out = join(tmpDir(), "out.csv");
    writeFileSync(out, "a,b\r\n1,2\r\n");
    await expect(appendResponseRow(out, columns, ["x", "y", "1"], freeText)).resolves.toEqual({ expected: columns, found: ["a", "b"] });
    expect(readFileSync(out, "utf8")).toBe("a,b\r\n1,2\r\n");
  });
});
