import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dataRows, fileProvenance } from "../../src/adapters/files/provenance.ts";
import { tmpDir } from "../helpers/paths.ts";

describe("fileProvenance (the report's colophon)", () => {
  it("gives the file's name without its folder, its SHA-256 (as sha256sum computes it) and its data rows", async () => {
    const dir = tmpDir();
    const path = join(dir, "svar.csv");
    // Header, three records — one with a quoted comment over two lines — a blank line, CRLF endings.
    writeFileSync(path, '\uFEFFid,comment\r\n1,"a"\r\n2,"to\r\nlinjer"\r\n\r\n3,x');
    const p = await fileProvenance(path);
    expect(p.name).toBe("svar.csv");
    expect(p.sha256).toBe(execFileSync("sha256sum", [path], { encoding: "utf8" }).split(" ")[0]);
    expect(p.rows).toBe(3);
  });

  it("counts rows with and without a last line break, and none in a header-only file", () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(dataRows(enc("h\n1\n2\n"))).toBe(2);
    expect(dataRows(enc("h\n1\n2"))).toBe(2);
    expect(dataRows(enc("h\n"))).toBe(0);
    expect(dataRows(enc('h\n"a\nb"\n'))).toBe(1);
  });
});
