import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { bundledPath } from "../../src/adapters/files/bundled.ts";
import { readResponses, type DataProblem, type ReadSummary } from "../../src/adapters/csv/response-reader.ts";
import { gaps } from "../../src/cli/commands/gaps.ts";
import { merge } from "../../src/cli/commands/merge.ts";
import { score, type ScoreOptions } from "../../src/cli/commands/score.ts";
import { memoryIo } from "../../src/cli/io.ts";
import { allElements, allItems, presentedTo } from "../../src/core/questionnaire/levels.ts";
import { compileScoring } from "../../src/core/scoring/scoring.ts";
import { captureStream } from "../helpers/capture.ts";
import { tmpDir } from "../helpers/paths.ts";
import { fagligLedelse } from "../helpers/responses.ts";

// The parallel reader must hand on exactly what the one-thread reader does. Every case is run
// both ways, with ranges of a few hundred bytes so a small file has many of them, and the bytes
// of every output, the notices and the error text are compared.

const FL = bundledPath("faglig-ledelse");
const q = fagligLedelse();
const ENV = ["LEDELSESTJEK_THREADS", "LEDELSESTJEK_RANGE_BYTES", "LEDELSESTJEK_PARALLEL_MIN_BYTES", "LEDELSESTJEK_MAIN_SCANS"] as const;
afterEach(() => ENV.forEach((name) => delete process.env[name]));

/** threads: 1 = the one-thread reader; workersOnly: the main thread scans no range itself, so workers surely do. */
function mode(threads: number, workersOnly = true) {
  process.env.LEDELSESTJEK_THREADS = String(threads);
  process.env.LEDELSESTJEK_MAIN_SCANS = workersOnly ? "0" : "1";
  process.env.LEDELSESTJEK_RANGE_BYTES = "700";
  process.env.LEDELSESTJEK_PARALLEL_MIN_BYTES = "0";
}

type Shape = {
  rows: number;
  eol?: string;
  delimiter?: string;
  /** Extra cells per row number: a cell value by column name. */
  cells?: (r: number) => Record<string, string>;
  /** Rows appended as they are (duplicates). */
  extra?: (cells: (r: number) => string[]) => string[][];
};

/** Text as Windows-1252 bytes (what older Danish Excel writes), for the characters these tests use. */
function windows1252(text: string): Buffer {
  const special: Record<string, number> = { "€": 0x80, "…": 0x85, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "–": 0x96, "—": 0x97 };
  return Buffer.from([...text].map((ch) => special[ch] ?? ch.charCodeAt(0)));
}

/** A deterministic export: levels in turn, answers from the row number, comments now and then with commas and quotes. */
function exportText(shape: Shape): string {
  const d = shape.delimiter ?? ",";
  const eol = shape.eol ?? "\n";
  const items = allItems(q);
  const elements = allElements(q);
  const levels = q.levels.map((l) => l.id);
  const header = ["respondent_id", "questionnaire_id", "questionnaire_version", "level", "group", "submitted_at", "kommune", ...items.map((i) => i.id), ...elements.map((e) => `comment.${e.id}`)];
  const cellsOf = (r: number): string[] => {
    const level = levels[r % levels.length]!;
    const extra = shape.cells?.(r) ?? {};
    const base: Record<string, string> = { respondent_id: `r${r}`, questionnaire_id: q.id, questionnaire_version: q.version, level, group: `enhed-${r % 3}`, submitted_at: "2026-05-04T10:00:00+02:00", kommune: r % 7 === 0 ? `"Aabenraa; Syd", "nord"` : "kommune-1" };
    items.forEach((item, i) => (base[item.id] = !presentedTo(item, level) ? "" : (r * 7 + i * 3) % 11 === 0 ? "" : (r + i) % 13 === 0 ? "ved_ikke" : String(1 + ((r * 3 + i) % 5))));
    elements.forEach((e, i) => (base[`comment.${e.id}`] = (r + i) % 17 === 0 ? 'Vi har travlt, men "det går"' : ""));
    return header.map((name) => extra[name] ?? base[name]!);
  };
  const field = (cell: string) => (cell.includes(d) || cell.includes('"') || cell.includes("\n") ? `"${cell.replaceAll('"', '""')}"` : cell);
  const rows = [header, ...Array.from({ length: shape.rows }, (_, r) => cellsOf(r)), ...(shape.extra?.(cellsOf) ?? [])];
  return rows.map((cells) => cells.map(field).join(d) + eol).join("");
}

async function run(command: "score" | "merge" | "gaps", options: Partial<ScoreOptions> & { files: string[]; out?: string }, cwd: string) {
  const { io, stderr } = memoryIo(cwd);
  const out = captureStream();
  const call = command === "score" ? score({ questionnaire: FL, ...options }, io, out.stream)
    : command === "gaps" ? gaps({ questionnaire: FL, ...options }, io, out.stream)
    : merge({ questionnaire: FL, force: true, ...options, out: options.out! }, io);
  const result = await call.then((code) => ({ code, error: "" }), (error: unknown) => ({ code: -1, error: String(error instanceof Error ? error.message : error) }));
  const file = (name?: string) => (name && existsSync(join(cwd, name)) ? readFileSync(join(cwd, name), "utf8") : "");
  return { ...result, stdout: out.text(), stderr: stderr(), out: file(options.out), rejects: file(options.rejects) };
}

/** Runs the command one-threaded, then with workers only (1 and 2) and with the main thread scanning too, and expects the same bytes. */
async function same(command: "score" | "merge" | "gaps", options: Partial<ScoreOptions> & { files: string[]; out?: string }, cwd: string) {
  mode(1);
  const one = await run(command, options, cwd);
  for (const [threads, workersOnly] of [[2, true], [3, false]] as const) {
    mode(threads, workersOnly);
    expect(await run(command, options, cwd)).toEqual(one);
  }
  return one;
}

/** readResponses both ways: the same rows (every field) and problems, and how the parallel one went. */
async function readBoth(file: string): Promise<{ one: unknown[]; parallel: ReadSummary }> {
  const model = compileScoring(q);
  const collect = async () => {
    const seen: unknown[] = [];
    const summary = await readResponses(file, q, model, {
      onRow: (row) => {
        const { file, line, respondentId, questionnaireId, version, level, group, submittedAt, metaNames, commentNames } = row;
        const copied = { file, line, respondentId, questionnaireId, version, level, group, submittedAt, metaNames, commentNames };
        seen.push({ ...copied, values: [...row.values], kinds: [...row.kinds], metaValues: [...row.metaValues], commentValues: [...row.commentValues], raw: row.raw() });
      },
      onProblem: (problem: DataProblem) => seen.push(problem),
    });
    return { seen, summary };
  };
  mode(1);
  const one = await collect();
  mode(2);
  const parallel = await collect();
  expect(parallel.seen).toEqual(one.seen);
  expect({ ...parallel.summary, ranges: undefined }).toEqual(one.summary);
  expect(one.summary.ranges).toBeUndefined();
  return { one: one.seen, parallel: parallel.summary };
}

describe("the parallel reader gives the one-thread reader's results", () => {
  it("every output of score, merge and gaps on a file with quoted fields and CRLF", async () => {
    const dir = tmpDir();
    writeFileSync(join(dir, "data.csv"), exportText({ rows: 120, eol: "\r\n" }));
    const { parallel } = await readBoth(join(dir, "data.csv"));
    expect(parallel.ranges!.total).toBeGreaterThan(20);
    expect(parallel.ranges!.byWorkers).toBeGreaterThan(0);
    expect(parallel.ranges!.oneThreadFrom).toBeUndefined();
    const files = ["data.csv"];
    expect((await same("score", { files }, dir)).stdout.split("\r\n").length).toBe(122);
    await same("score", { files, by: "level" }, dir);
    await same("score", { files, by: "group,kommune", format: "json" }, dir);
    await same("score", { files, itemStats: true }, dir);
    await same("score", { files, format: "json" }, dir);
    expect((await same("merge", { files, out: "merged.csv" }, dir)).out.length).toBeGreaterThan(10_000);
    await same("gaps", { files, format: "json" }, dir);
  });

  it("a BOM, semicolons and Windows-1252 (æøå in a group)", async () => {
    const dir = tmpDir();
    const text = exportText({ rows: 60, eol: "\r\n", delimiter: ";", cells: (r) => ({ group: r % 2 ? "Børn og unge" : "Ældre" }) });
    writeFileSync(join(dir, "bom.csv"), `\uFEFF${text}`);
    writeFileSync(join(dir, "ansi.csv"), Buffer.from(text, "latin1"));
    const bom = await readBoth(join(dir, "bom.csv"));
    expect(bom.parallel.ranges!.byWorkers).toBeGreaterThan(0);
    const ansi = await readBoth(join(dir, "ansi.csv"));
    expect(ansi.parallel.encoding).toBe("windows-1252");
    expect(ansi.parallel.ranges!.byWorkers).toBeGreaterThan(0);
    for (const file of ["bom.csv", "ansi.csv"]) {
      const one = await same("score", { files: [file], by: "group" }, dir);
      expect(one.stdout).toContain("Børn og unge");
    }
    expect((await same("score", { files: ["ansi.csv"] }, dir)).stderr).toContain("Windows-1252");
    // Windows-1252's own letters (0x80–0x9F: – “ ” … €), which Node 20 decodes as control characters unless streaming.
    const special = exportText({ rows: 60, eol: "\r\n", delimiter: ";", cells: (r) => ({ group: r % 2 ? "Område – Nord" : "Ældre", [`comment.${allElements(q)[1]!.id}`]: r % 5 ? "" : "“citat” … 5 €" }) });
    writeFileSync(join(dir, "special.csv"), windows1252(special));
    const byGroup = await same("score", { files: ["special.csv"], by: "group" }, dir);
    expect(byGroup.stdout).toContain("Område – Nord");
    expect((await same("merge", { files: ["special.csv"], out: "m.csv" }, dir)).out).toContain("“citat” … 5 €");
  });

  it("a metadata column after the items (as Excel users add them): a notice, and the same results from the workers' folds", async () => {
    const dir = tmpDir();
    const text = exportText({ rows: 90 }).split("\n").map((line, i) => (line === "" ? line : `${line},${i === 0 ? "kilde" : "papir"}`)).join("\n");
    writeFileSync(join(dir, "extra.csv"), text);
    const byLevel = await same("score", { files: ["extra.csv"], by: "level" }, dir);
    expect(byLevel.stderr).toContain('"kilde"');
    await same("score", { files: ["extra.csv"], by: "kilde", format: "json" }, dir);
    await same("gaps", { files: ["extra.csv"] }, dir);
  });

  it("a quoted line break: the range holding it is read on in one thread, line numbers intact", async () => {
    const dir = tmpDir();
    // Longer than a range, so some range boundary surely falls inside it.
    const comment = Array.from({ length: 40 }, (_, i) => `linje ${i}, "citat"`).join("\n");
    const text = exportText({ rows: 80, cells: (r) => (r === 40 ? { [`comment.${allElements(q)[0]!.id}`]: comment } : r === 60 ? { kommune: "x" } : {}) });
    writeFileSync(join(dir, "break.csv"), text);
    const { parallel, one } = await readBoth(join(dir, "break.csv"));
    expect(parallel.ranges!.oneThreadFrom).toBeGreaterThan(0);
    // Row 60 (file line 62, plus 39 for the line breaks) keeps its line number.
    expect(one.find((row) => (row as { respondentId?: string }).respondentId === "r60")).toMatchObject({ line: 101 });
    await same("score", { files: ["break.csv"] }, dir);
    await same("merge", { files: ["break.csv"], out: "m.csv" }, dir);
    // A lone CR ends a record (and a line) for the scanner, but no range is cut there: the line
    // numbers after it would drift, so the reader reads on in one thread from the next range.
    writeFileSync(join(dir, "cr.csv"), exportText({ rows: 80, cells: (r): Record<string, string> => (r === 70 ? { kommune: "x" } : {}) }).replace("\nr30,", "\rr30,"));
    const cr = await readBoth(join(dir, "cr.csv"));
    expect(cr.parallel.ranges!.oneThreadFrom).toBeGreaterThan(0);
    expect(cr.one.find((row) => (row as { respondentId?: string }).respondentId === "r70")).toMatchObject({ line: 72 });
    await same("score", { files: ["cr.csv"], by: "kommune" }, dir);
  });

  it("duplicates in ranges far apart: identical ones counted once with a notice, conflicting ones an error naming both places", async () => {
    const dir = tmpDir();
    writeFileSync(join(dir, "same.csv"), exportText({ rows: 90, extra: (cells) => [cells(3), cells(50)] }));
    const sameRows = await same("score", { files: ["same.csv"], by: "level" }, dir);
    expect(sameRows.stderr).toMatch(/same\.csv:5.*same\.csv:93|93.*5/s);
    const conflict = (cells: (r: number) => string[]) => [cells(70).map((c, i) => (i === 6 ? "anden" : c)), cells(2).map((c) => (c === "1" ? "2" : c))];
    writeFileSync(join(dir, "conflict.csv"), exportText({ rows: 90, extra: conflict }));
    const strict = await same("score", { files: ["conflict.csv"] }, dir);
    expect(strict.error).toContain("conflict.csv:72");
    expect(strict.error).toContain("conflict.csv:92");
    const lenient = await same("score", { files: ["conflict.csv"], lenient: true, rejects: "afviste.csv" }, dir);
    expect(lenient.rejects.split("\n").length).toBeGreaterThan(2);
    // score --by folds rows in the workers: a duplicate there is left out of its range's fold by the main thread.
    expect((await same("score", { files: ["conflict.csv"], by: "level" }, dir)).error).toContain("conflict.csv:92");
    const folded = await same("score", { files: ["conflict.csv"], by: "group,kommune", lenient: true, rejects: "afviste.csv", format: "json" }, dir);
    expect(folded.rejects).toContain("conflict.csv");
    // Rows repeated identically change no figure: the groups are those of the file without them.
    writeFileSync(join(dir, "base.csv"), exportText({ rows: 90 }));
    const groupsOf = (stdout: string) => (JSON.parse(stdout) as { groups: unknown[] }).groups;
    const identical = await same("score", { files: ["same.csv"], by: "group", format: "json" }, dir);
    mode(1);
    expect(groupsOf(identical.stdout)).toEqual(groupsOf((await run("score", { files: ["base.csv"], by: "group", format: "json" }, dir)).stdout));
  });

  it("a respondent's rows in two files, each read in ranges: the first row is read again from its file for the comparison", async () => {
    // Folded rows carry no fingerprint (OneRowPerRespondent.check): when the second row comes, the first
    // is read again from a.csv, whose reading is over by then — Danish letters and all.
    const dir = tmpDir();
    const danish = (r: number): Record<string, string> => (r === 3 || r === 40 ? { group: "Æblegården", kommune: "Ærø" } : {});
    writeFileSync(join(dir, "a.csv"), exportText({ rows: 90, cells: danish }));
    const again = (id: string, cells: string[]) => cells.map((c, i) => (i === 0 ? id : c));
    const b = (conflict: boolean) => exportText({
      rows: 90,
      cells: (r) => ({ ...danish(r), respondent_id: `b${r}` }),
      extra: (cells) => [again("r3", cells(3)), again("r40", conflict ? cells(40).map((c) => (c === "1" ? "2" : c)) : cells(40))],
    });
    writeFileSync(join(dir, "b-same.csv"), b(false));
    writeFileSync(join(dir, "b-conflict.csv"), b(true));
    const identical = await same("score", { files: ["a.csv", "b-same.csv"], by: "group", format: "json" }, dir);
    expect(identical.code).toBe(0);
    expect(identical.stderr).toMatch(/a\.csv:5/);
    expect(identical.stderr).toMatch(/b-same\.csv:93/);
    const conflicting = await same("score", { files: ["a.csv", "b-conflict.csv"], by: "group" }, dir);
    expect(conflicting.error).toContain("r40");
    expect(conflicting.error).toContain("a.csv:42");
    expect(conflicting.error).toContain("b-conflict.csv:93");
    expect(conflicting.error).not.toContain('"r3"');
  });

  it("many small groups (a fold that sends its rows after the first range): the same bytes", async () => {
    // Ranges of several hundred rows, so that the fold can see that its groups outweigh its rows (group-fold.ts).
    const dir = tmpDir();
    writeFileSync(join(dir, "kommuner.csv"), exportText({ rows: 2400, cells: (r) => ({ kommune: `kommune-${(r * 7) % 180}` }), extra: (cells) => [cells(5), cells(1700)] }));
    const options = { files: ["kommuner.csv"], by: "kommune", format: "json" };
    mode(1);
    const one = await run("score", options, dir);
    for (const threads of [2, 3]) {
      mode(threads, false);
      process.env.LEDELSESTJEK_RANGE_BYTES = "120000";
      expect(await run("score", options, dir)).toEqual(one);
    }
    expect(one.code).toBe(0);
    expect((JSON.parse(one.stdout) as { groups: unknown[] }).groups.length).toBeGreaterThan(1000);
  });

  it("score --by with a column the file lacks, and cells with Danish letters read from bytes: the same messages", async () => {
    const dir = tmpDir();
    writeFileSync(join(dir, "data.csv"), exportText({ rows: 90, cells: (r) => (r === 20 ? { [allItems(q)[3]!.id]: "Højt" } : r % 4 === 0 ? { kommune: "Ærø" } : {}) }));
    expect((await same("score", { files: ["data.csv"], by: "region" }, dir)).error).toContain("region");
    const strict = await same("score", { files: ["data.csv"], by: "kommune" }, dir);
    expect(strict.error).toContain('"Højt"');
    const lenient = await same("score", { files: ["data.csv"], by: "kommune", lenient: true, rejects: "afviste.csv" }, dir);
    expect(lenient.stdout).toContain("Ærø");
    expect(lenient.rejects).toContain("Højt");
  });

  it("errors in several ranges: the same messages, the first by line number first; a fatal error in a later range", async () => {
    const dir = tmpDir();
    const item = allItems(q)[0]!.id;
    writeFileSync(join(dir, "bad.csv"), exportText({ rows: 100, cells: (r) => (r === 30 ? { [item]: "9" } : r === 85 ? { level: "ukendt" } : r === 55 ? { [item]: "x" } : {}) }));
    const strict = await same("score", { files: ["bad.csv"] }, dir);
    const lines = strict.error.split("\n").filter((l) => l.includes("bad.csv:"));
    expect(lines.map((l) => Number(/bad\.csv:(\d+)/.exec(l)![1]))).toEqual([32, 57, 87]);
    await same("score", { files: ["bad.csv"], lenient: true, rejects: "afviste.csv", by: "level" }, dir);
    // An unclosed quote near the end: the same file:line (column) from both readers.
    writeFileSync(join(dir, "open.csv"), `${exportText({ rows: 100 })}r999,"open`);
    expect((await same("score", { files: ["open.csv"] }, dir)).error).toContain("open.csv:102");
    writeFileSync(join(dir, "after.csv"), exportText({ rows: 100, cells: (r): Record<string, string> => (r === 77 ? { group: "x" } : {}) }).replace("\nr77,", '\n"r77"x,'));
    expect((await same("score", { files: ["after.csv"] }, dir)).error).toContain("after.csv:79");
  });

  it("a small file stays on one thread unless told otherwise", async () => {
    const dir = tmpDir();
    writeFileSync(join(dir, "small.csv"), exportText({ rows: 30 }));
    const summary = await readResponses(join(dir, "small.csv"), q, compileScoring(q), { onRow: () => undefined, onProblem: () => undefined });
    expect(summary.ranges).toBeUndefined();
  });
});

describe("what the rows make is written out while reading", () => {
  // convert --to long writes more than it reads: 400 000 rows once stood at 1.3 GB in memory, in
  // parallel, waiting for the file's end. The reader now awaits the output's drain between ranges
  // (and chunks, in one thread): seen here as rows handed on before the drains.
  const drainsWhileReading = async (threads: number, rows: number) => {
    const dir = tmpDir();
    const file = join(dir, "data.csv");
    writeFileSync(file, exportText({ rows }));
    mode(threads, false);
    let seen = 0;
    const atDrain: number[] = [];
    await readResponses(file, q, compileScoring(q), { onRow: () => void seen++, onProblem: () => undefined, drain: async () => void atDrain.push(seen) });
    return { seen, atDrain };
  };

  it("in parallel: a drain after every range, the rows so far handed on", async () => {
    const { seen, atDrain } = await drainsWhileReading(2, 90);
    expect(seen).toBe(90);
    expect(atDrain.length).toBeGreaterThan(10);
    expect(atDrain[0]).toBeGreaterThan(0);
    expect(atDrain[0]).toBeLessThan(10);
    expect(atDrain).toEqual([...atDrain].sort((a, b) => a - b));
  });

  it("in one thread: a drain after every chunk of the file", async () => {
    // Chunks are 1 MB: a file of a few of them.
    const { seen, atDrain } = await drainsWhileReading(1, 12_000);
    expect(seen).toBe(12_000);
    expect(atDrain.length).toBeGreaterThan(2);
    expect(atDrain[0]).toBeLessThan(seen);
  });
});

describe("report and gaps fold their rows in the workers", () => {
  it("the same PDF and CSV, byte for byte, with comments, merged levels and a breakdown that pools levels; gaps the same", async () => {
    const dir = tmpDir();
    writeFileSync(join(dir, "data.csv"), exportText({ rows: 150, eol: "\r\n", extra: (cells) => [cells(3), cells(120)] }));
    const { report } = await import("../../src/cli/commands/report.ts");
    const both = async (options: Record<string, unknown>) => {
      const render = async () => {
        const { io, stderr } = memoryIo(dir, "da", { SOURCE_DATE_EPOCH: "1780000000" });
        await report({ questionnaire: FL, files: ["data.csv"], out: "r.pdf", csv: "r.csv", force: true, ...options }, io);
        return { pdf: readFileSync(join(dir, "r.pdf")).toString("base64"), csv: readFileSync(join(dir, "r.csv"), "utf8"), stderr: stderr() };
      };
      mode(1);
      const one = await render();
      for (const [threads, workersOnly] of [[2, true], [3, false]] as const) {
        mode(threads, workersOnly);
        expect(await render()).toEqual(one);
      }
      return one;
    };
    expect((await both({ by: "level", comments: true })).csv).toContain("count_ved_ikke");
    await both({ by: "kommune", mergeLevels: ["direktion+chef"] });
    await both({ comments: true });
    await same("gaps", { files: ["data.csv"], format: "json" }, dir);
    await same("gaps", { files: ["data.csv"], between: "group" } as Partial<ScoreOptions> & { files: string[] }, dir);
  });
});

describe("the parallel reader's settings", () => {
  it("a setting that is not a whole number stops the command with a message naming it (exit 2)", async () => {
    const dir = tmpDir();
    writeFileSync(join(dir, "data.csv"), exportText({ rows: 5 }));
    for (const [name, value] of [["LEDELSESTJEK_THREADS", "abc"], ["LEDELSESTJEK_THREADS", "2.5"], ["LEDELSESTJEK_RANGE_BYTES", "-1"]] as const) {
      const { io } = memoryIo(dir, "da", { [name]: value });
      const failed = await score({ questionnaire: FL, files: ["data.csv"] }, io, captureStream().stream).then(() => undefined, (err: unknown) => err);
      expect(failed).toMatchObject({ exitCode: 2 });
      expect((failed as { text: { da: string } }).text.da).toContain(`${name} skal være et helt tal`);
    }
  });

  it("reads with every core (at most 8) by default from 64 MB, and as told by the environment", async () => {
    const { parallelSettings } = await import("../../src/adapters/csv/parallel/ranges.ts");
    const { availableParallelism } = await import("node:os");
    expect(parallelSettings()).toEqual({ threads: Math.min(availableParallelism(), 8), rangeBytes: 1 << 19, minBytes: 64 << 20, mainScans: true });
    process.env.LEDELSESTJEK_THREADS = "1";
    expect(parallelSettings().threads).toBe(1);
    process.env.LEDELSESTJEK_THREADS = "0";
    expect(parallelSettings().threads).toBe(Math.min(availableParallelism(), 8));
  });
});
