import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fileProvenance } from "../../src/adapters/files/provenance.ts";
import { tmpDir } from "../helpers/paths.ts";

describe("fileProvenance (the colophon and every output's provenance)", () => {
  it("gives the file's name without its folder, and its SHA-256 (as sha256sum computes it); rows come from the reader", async () => {
    const dir = tmpDir();
    const path = join(dir, "svar.csv");
    // Header, three records — one with a quoted comment over two lines — a blank line, CRLF endings.
    writeFileSync(path, '\uFEFFid,comment\r\n1,"a"\r\n2,"to\r\nlinjer"\r\n\r\n3,x');
    const p = await fileProvenance(path);
    expect(p.name).toBe("svar.csv");
    expect(p.sha256).toBe(execFileSync("sha256sum", [path], { encoding: "utf8" }).split(" ")[0]);
  });
});
