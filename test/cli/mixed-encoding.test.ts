import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { score } from "../../src/cli/commands/score.ts";
import { memoryIo } from "../../src/cli/io.ts";
import { captureStream } from "../helpers/capture.ts";
import { tmpDir } from "../helpers/paths.ts";
import { csvField } from "../../src/adapters/csv/csv-write.ts";
import { wideCells, wideColumns } from "../../src/core/responses/responses.ts";
import { fagligLedelse, response, wideCsv, type Person } from "../helpers/responses.ts";

// A file whose lines mix UTF-8 and Windows-1252: a Windows-1252 export with rows added in UTF-8
// later (`run --out` on a file Excel saved, a script), or the reverse. Read whole as Windows-1252,
// every UTF-8 "Ærø" came out as "Ã†rÃ¸" with exit 0 (found by a researcher's trial). Each line is
// now read in its own encoding, with a notice naming the lines in the less common one.

const q = fagligLedelse();
const ENV = ["LEDELSESTJEK_THREADS", "LEDELSESTJEK_RANGE_BYTES", "LEDELSESTJEK_PARALLEL_MIN_BYTES", "LEDELSESTJEK_MAIN_SCANS"] as const;
afterEach(() => ENV.forEach((name) => delete process.env[name]));

const PEOPLE: Person[] = [
  { id: "r1", level: "chef", group: "Ærø", meta: { kommune: "Køge" }, comment: "Godt – “meget”" },
  { id: "r2", level: "chef", group: "Ærø", meta: { kommune: "Køge" } },
  { id: "r3", level: "chef", group: "Ærø", meta: { kommune: "Høje-Taastrup" }, comment: "Æbler & €" },
  { id: "r4", level: "teamleder", group: "Ørbæk", meta: { kommune: "Nyborg" } },
];
const CP1252: Record<string, number> = { "€": 0x80, "–": 0x96, "“": 0x93, "”": 0x94 };
const windows1252 = (text: string) => Buffer.from([...text].map((ch) => CP1252[ch] ?? ch.charCodeAt(0)));
/** The file's lines (header first), each in the encoding `encodingOf` gives its index. */
const lines = (encodingOf: (i: number) => "utf-8" | "windows-1252") =>
  Buffer.concat(wideCsv(q, PEOPLE, ["kommune"]).split(/(?<=\n)/).map((line, i) => (encodingOf(i) === "utf-8" ? Buffer.from(line, "utf8") : windows1252(line))));

async function scoreFile(bytes: Buffer) {
  const dir = tmpDir();
  writeFileSync(join(dir, "data.csv"), bytes);
  const { io, stderr } = memoryIo(dir);
  const out = captureStream();
  const code = await score({ files: ["data.csv"] }, io, out.stream);
  return { code, stdout: out.text(), stderr: stderr() };
}

const clean = await scoreFile(lines(() => "utf-8"));

describe("a file that mixes UTF-8 and Windows-1252 line by line", () => {
  it("the clean UTF-8 file: Danish letters as written, no notice (the baseline)", () => {
    expect(clean.code).toBe(0);
    expect(clean.stderr).toBe("");
    expect(clean.stdout).toContain("r1,chef,Ærø,");
    expect(clean.stdout).toContain("Høje-Taastrup");
  });

  it("a UTF-8 file with one Windows-1252 row: every row as in the clean file, a notice naming that line", async () => {
    // Line 4 is r3 (the header is line 1).
    const mixed = await scoreFile(lines((i) => (i === 3 ? "windows-1252" : "utf-8")));
    expect(mixed.code).toBe(0);
    expect(mixed.stdout).toBe(clean.stdout);
    expect(mixed.stderr.trim()).toBe("data.csv: Linje 4: teksten er Windows-1252 (ældre dansk Excel), resten af filen UTF-8; hver linje er læst i sit eget tegnsæt.");
  });

  it("a Windows-1252 file with a UTF-8 row added at the end: the same, the notice naming the UTF-8 line", async () => {
    const mixed = await scoreFile(lines((i) => (i === 4 ? "utf-8" : "windows-1252")));
    expect(mixed.code).toBe(0);
    expect(mixed.stdout).toBe(clean.stdout);
    expect(mixed.stderr.trim()).toBe("data.csv: Linje 5: teksten er UTF-8, resten af filen Windows-1252 (ældre dansk Excel); hver linje er læst i sit eget tegnsæt.");
  });

  it("with a UTF-8 mark (BOM) in front and a quoted header: read the same way (the mark alone does not make a line UTF-8)", async () => {
    const body = lines((i) => (i === 3 ? "windows-1252" : "utf-8"));
    const eol = body.indexOf(10);
    const header = Buffer.from(`${body.subarray(0, eol).toString("latin1").replace(/\r$/, "").split(",").map((name) => `"${name}"`).join(",")}\r\n`, "latin1");
    const mixed = await scoreFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), header, body.subarray(eol + 1)]));
    expect(mixed.stdout).toBe(clean.stdout);
    expect(mixed.stderr.trim()).toBe("data.csv: Linje 4: teksten er Windows-1252 (ældre dansk Excel), resten af filen UTF-8; hver linje er læst i sit eget tegnsæt.");
  });

  it("no line wholly UTF-8, but each row's group in UTF-8 beside Windows-1252 cells: every cell read in its own", async () => {
    const columns = wideColumns(q, ["kommune"]);
    const row = (cells: string[]) => Buffer.concat(cells.map((cell, i) => {
      const field = csvField(cell, ",") + (i === cells.length - 1 ? "\r\n" : ",");
      return columns[i] === "group" ? Buffer.from(field, "utf8") : windows1252(field);
    }));
    const mixed = await scoreFile(Buffer.concat([Buffer.from(`${columns.join(",")}\r\n`), ...PEOPLE.map((p) => row(wideCells(q, response(q, p), ["kommune"])))]));
    expect(mixed.code).toBe(0);
    expect(mixed.stdout).toBe(clean.stdout);
    // Lines 2–5 hold UTF-8 (the group); 2–4 also Windows-1252 (kommune, comments; r4's line has none): the fewer are named.
    expect(mixed.stderr.trim()).toBe("data.csv: Linje 2–4: teksten er Windows-1252 (ældre dansk Excel), resten af filen UTF-8; hver linje er læst i sit eget tegnsæt.");
  });

  it("lines ended by a CR alone (older Excel for Mac): the same, the line named right", async () => {
    const mac = Buffer.from(lines((i) => (i === 3 ? "windows-1252" : "utf-8")).toString("latin1").replaceAll("\r\n", "\r").replaceAll("\n", "\r"), "latin1");
    const mixed = await scoreFile(mac);
    expect(mixed.stdout).toBe(clean.stdout);
    expect(mixed.stderr.trim()).toBe("data.csv: Linje 4: teksten er Windows-1252 (ældre dansk Excel), resten af filen UTF-8; hver linje er læst i sit eget tegnsæt.");
  });

  it("read in ranges by worker threads: the same bytes", async () => {
    // Small ranges, and the main thread scans none itself: the workers read every row.
    Object.assign(process.env, { LEDELSESTJEK_THREADS: "2", LEDELSESTJEK_RANGE_BYTES: "300", LEDELSESTJEK_PARALLEL_MIN_BYTES: "0", LEDELSESTJEK_MAIN_SCANS: "0" });
    const mixed = await scoreFile(lines((i) => (i === 3 ? "windows-1252" : "utf-8")));
    expect(mixed.stdout).toBe(clean.stdout);
  });

  it("a file wholly in Windows-1252 that stops on a quote never closed: the note on its encoding stands beside the error", async () => {
    const bad = Buffer.concat([lines(() => "windows-1252"), windows1252('r9,"Køge – aldrig lukket\n')]);
    const dir = tmpDir();
    writeFileSync(join(dir, "data.csv"), bad);
    const { io, stderr } = memoryIo(dir);
    const err = await score({ files: ["data.csv"] }, io, captureStream().stream).catch((e: unknown) => e);
    expect((err as { text: { da: string } }).text.da).toContain("data.csv:6");
    expect(stderr().trim()).toBe("Bemærk: data.csv er ikke UTF-8 og er læst som Windows-1252 (ældre dansk Excel).");
  });

  it("a file wholly in Windows-1252 is still read as such, with its one note", async () => {
    const old = await scoreFile(lines(() => "windows-1252"));
    expect(old.stdout).toBe(clean.stdout);
    expect(old.stderr.trim()).toBe("Bemærk: data.csv er ikke UTF-8 og er læst som Windows-1252 (ældre dansk Excel).");
  });
});
