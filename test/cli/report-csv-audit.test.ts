import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { extractText, getDocumentProxy } from "unpdf";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { bundledPath } from "../../src/adapters/files/bundled.ts";
import { report } from "../../src/cli/commands/report.ts";
import { memoryIo } from "../../src/cli/io.ts";
import { fagligLedelse } from "../helpers/responses.ts";
import { reportData } from "../helpers/report-data.ts";
import { ROOT, tmpDir } from "../helpers/paths.ts";

/**
 * `report --csv` is the audit trail of the PDF (SPEC §5): every figure the PDF prints must be in
 * the CSV — as a cell, rounded as the PDF rounds it, or as what the PDF computes from cells it
 * shows beside each other (an answer's share of an item row; the difference between two groups'
 * figures for the same element or item, or between a mirror item and the item it mirrors).
 * Numbers that are no figures (page numbers, dates, the scale, numbers inside the questionnaire's
 * and the advice's own words) are listed from those texts, not guessed.
 */
const numbersIn = (text: string): string[] => text.match(/\d+(?:,\d+)?/g) ?? [];

function textNumbers(value: unknown, into: Set<string>): void {
  if (typeof value === "string" || typeof value === "number") numbersIn(String(value)).forEach((n) => into.add(n));
  else if (Array.isArray(value)) value.forEach((v) => textNumbers(v, into));
  else if (value && typeof value === "object") Object.values(value).forEach((v) => textNumbers(v, into));
}

const round = (x: number, digits = 0) => {
  const f = 10 ** digits;
  return String(Math.round(x * f) / f).replace(".", ",");
};

describe("report --csv holds every figure the PDF shows", () => {
  it("finds each number of the PDF in the CSV (a 60-person kommune by level, merged top levels)", async () => {
    const q = fagligLedelse();
    const dir = tmpDir();
    writeFileSync(join(dir, "data.csv"), reportData(q, [
      { level: "direktion", group: "", count: 3, lean: 0.4 }, { level: "chef", group: "", count: 6, lean: 0.3 },
      { level: "afdelingsleder", group: "", count: 10, lean: -0.5 }, { level: "teamleder", group: "", count: 17 },
      { level: "medarbejder", group: "", count: 24, lean: -0.2 },
    ]));
    const { io } = memoryIo(dir, "da", { SOURCE_DATE_EPOCH: "1767225600" });
    await report({ files: ["data.csv"], by: "level", mergeLevels: ["direktion+chef=Topledelse"], out: "r.pdf", csv: "r.csv" }, io);

    const [head, ...lines] = readFileSync(join(dir, "r.csv"), "utf8").trimEnd().split("\r\n");
    const names = head!.split(",");
    const rows = lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [names[i]!, v])));
    const allowed = new Set<string>();
    const add = (x: number) => {
      allowed.add(round(x));
      allowed.add(round(x, 1));
      allowed.add(round(x, 2));
    };
    const num = (v: string | undefined) => (v === undefined || v === "" ? undefined : Number(v));
    for (const row of rows) {
      for (const v of Object.values(row)) if (v !== "" && !Number.isNaN(Number(v))) add(Number(v));
      const counts = [1, 2, 3, 4, 5].map((v) => num(row[`count_${v}`]));
      if (counts.every((c) => c !== undefined)) {
        const valid = counts.reduce((a, b) => a! + b!, 0)!;
        const dk = num(row.count_ved_ikke) ?? 0;
        for (const c of [...counts, counts[3]! + counts[4]!]) if (valid > 0) add((100 * c!) / valid);
        for (const c of [...counts, dk]) if (valid + dk > 0) add((100 * c!) / (valid + dk));
      }
    }
    // Differences between groups' figures for the same dimension or item, and mirror against self.
    const value = (r: Record<string, string>) => num(r.item_id ? r.score : r.mean);
    const key = (r: Record<string, string>) => r.item_id || r.dimension!;
    const mirrorOf = new Map(q.areas.flatMap((a) => a.elements.flatMap((e) => e.items)).filter((i) => i.mirror_of).map((i) => [i.id, i.mirror_of!]));
    for (const a of rows) {
      for (const b of rows) {
        const x = value(a);
        const y = value(b);
        if (x === undefined || y === undefined) continue;
        if (key(a) === key(b) || mirrorOf.get(key(b)) === key(a)) {
          add(Math.abs(x - y));
          add(Math.abs(Math.round(x) - Math.round(y)));
        }
      }
    }

    // Numbers that are no figures: the texts the report prints, and its fixed furniture.
    const words = new Set<string>();
    textNumbers(parse(readFileSync(bundledPath("faglig-ledelse"), "utf8")), words);
    textNumbers(parse(readFileSync(join(ROOT, "templates", "good-practice", "faglig-ledelse.yaml"), "utf8")), words);
    for (const n of ["0", "20", "50", "100", "39", "40", "59", "60", "79", "80", "5", "2026", "2014", "1", "2", "3", "4", "256"]) words.add(n); // 256: "SHA-256" in the method

    const pdf = await getDocumentProxy(new Uint8Array(readFileSync(join(dir, "r.pdf"))));
    const { text: pages } = await extractText(pdf, { mergePages: false });
    const unexplained: string[] = [];
    let checked = 0;
    pages.forEach((page, p) => {
      const body = page
        .replace(/Side \d+\/\d+/g, "")
        .replace(/\b\d{4}-\d{2}-\d{2}\b/g, "")
        .replace(/\b[0-9a-f]{12}\b/g, "")
        .replace(/\b[0-9a-f]{64}\b/g, "") // the colophon's SHA-256 of each input file
        .replace(/\(\d+ rækker\)/g, "") // and its rows: provenance, not a figure
        .replace(/\b[a-z]{2,3}-[a-z]{1,3}\d+\b/g, "") // item ids such as ua-t4
        .replace(/faglig-ledelse \d+,\d+|ledelsestjek \d+\.\d+\.\d+|\d+\.\d+(\.\d+)?/g, ""); // versions, sections
      for (const n of numbersIn(body)) {
        if (words.has(n) && !allowed.has(n)) continue;
        checked++;
        if (!allowed.has(n)) unexplained.push(`page ${p + 1}: ${n}`);
      }
    });
    expect(checked).toBeGreaterThan(300);
    expect(unexplained).toEqual([]);
  });
});
