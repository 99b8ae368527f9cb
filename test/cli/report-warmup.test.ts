import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { bundledPath } from "../../src/adapters/files/bundled.ts";
import type * as Renderer from "../../src/adapters/pdf/report-pdf.ts";
import { report } from "../../src/cli/commands/report.ts";
import { memoryIo } from "../../src/cli/io.ts";
import { itemText, labelOf } from "../../src/core/questionnaire/levels.ts";
import { fagligLedelse } from "../helpers/responses.ts";
import { reportData } from "../helpers/report-data.ts";
import { tmpDir } from "../helpers/paths.ts";

// The report opens its PDF and lays out the questionnaire's words while the rows are read
// (report-warmup.ts). However much was laid out before drawing, the bytes must be those of a PDF
// laid out only as it is drawn. The renderer is wrapped to see what the command hands it.
const seen: Parameters<typeof Renderer.renderReportPdf>[] = [];
vi.mock("../../src/adapters/pdf/report-pdf.ts", async (importOriginal) => {
  const real = await importOriginal<typeof Renderer>();
  return { ...real, renderReportPdf: (...args: Parameters<typeof real.renderReportPdf>) => (seen.push(args), real.renderReportPdf(...args)) };
});

describe("the report's PDF laid out while reading", () => {
  it("has the bytes of one laid out only as it is drawn, and of one laid out whole before", async () => {
    const real = await vi.importActual<typeof Renderer>("../../src/adapters/pdf/report-pdf.ts");
    const q = fagligLedelse();
    const dir = tmpDir();
    const levels = q.levels.map((l) => l.id);
    writeFileSync(join(dir, "data.csv"), reportData(q, levels.flatMap((level, i) => [{ level, group: "Vest", count: 12, lean: i * 0.3 }, { level, group: "Øst", count: 12 }])));
    const { io } = memoryIo(dir, "da", { SOURCE_DATE_EPOCH: "1767225600" });
    await report({ files: ["data.csv"], questionnaire: bundledPath("faglig-ledelse"), by: "group", out: "rapport.pdf" }, io);
    const [model, view, created, started] = seen.at(-1)!;
    // The command opened its PDF saying what the report says of itself, so it drew into it.
    expect(started && real.startedFits(started, model, view, created)).toBe(true);
    const made = readFileSync(join(dir, "rapport.pdf"));

    const cold = await real.renderReportPdf(model, view, created);
    const whole = real.startReportPdf(real.pdfInfoOf(model, view, created));
    const texts = q.areas.flatMap((a) => [labelOf(a, "da"), ...a.elements.flatMap((e) => [labelOf(e, "da"), ...e.items.flatMap((item) => levels.map((l) => itemText(item, l, "da")))])]);
    real.warmReportPdf(whole, texts);
    const warm = await real.renderReportPdf(model, view, created, whole);
    expect(made.equals(cold)).toBe(true);
    expect(warm.equals(cold)).toBe(true);
    expect(cold.length).toBeGreaterThan(50_000);
  });

  it("leaves a PDF opened with another title unused: the report is what counts", async () => {
    const real = await vi.importActual<typeof Renderer>("../../src/adapters/pdf/report-pdf.ts");
    const [model, view, created] = seen.at(-1)!;
    const cold = await real.renderReportPdf(model, view, created);
    for (const other of [{ title: "En anden titel" }, { lang: "en" as const }, { created: new Date(0) }, { toolVersion: "9.9.9" }, { subject: "andet" }]) {
      const started = real.startReportPdf({ ...real.pdfInfoOf(model, view, created), ...other });
      expect(real.startedFits(started, model, view, created)).toBe(false);
      expect((await real.renderReportPdf(model, view, created, started)).equals(cold)).toBe(true);
    }
  });
});
