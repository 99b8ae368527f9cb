import { toolVersion } from "../../adapters/files/bundled.ts";
import type { StartedPdf } from "../../adapters/pdf/report-pdf.ts";
import { itemText, labelOf, titleOf } from "../../core/questionnaire/levels.ts";
import { reportLabels } from "../../core/report/report-text.ts";
import type { Questionnaire } from "../../core/questionnaire/questionnaire.ts";
import type { Lang } from "../../core/text.ts";

type Renderer = typeof import("../../adapters/pdf/report-pdf.ts");

/**
 * Opens the report's PDF and lays out the questionnaire's words in it, a few at a time between the
 * reader's steps, until the reading settles (`until`); what is left is laid out as it is drawn.
 * Shaping a word the first time is a third of the PDF's time; after the reading it runs alone,
 * beside it a second core shares the reading (report on 100 000 rows: … measured in the README).
 */
export function warmWhileReading(renderer: Promise<Renderer>, q: Questionnaire, hash: string, lang: Lang, created: Date, title: string | undefined): { until: (reading: Promise<unknown>) => void; pdf: () => Promise<StartedPdf> } {
  let reading = true;
  const texts = [...new Set([
    ...q.levels.map((level) => labelOf(level, lang)),
    ...q.areas.flatMap((area) => [labelOf(area, lang), ...area.elements.flatMap((element) => [
      labelOf(element, lang),
      ...element.items.flatMap((item) => q.levels.map((level) => itemText(item, level.id, lang))),
    ])]),
  ])];
  const started = renderer.then(async (r) => {
    // What the report will say of itself (pdfInfoOf); should it differ, the report draws into a PDF of its own.
    const pdf = r.startReportPdf({ lang, created, toolVersion: toolVersion(), title: `${title?.trim() || titleOf(q, lang)} — ${reportLabels(lang).reportTitle}`, subject: `${q.id} ${q.version} (${hash})` });
    // Slices of a few milliseconds: the reader's own steps (ranges handed out, results taken in) come between.
    for (let at = 0; reading && at < texts.length; at += 8) {
      await new Promise((resolve) => setImmediate(resolve));
      if (reading) r.warmReportPdf(pdf, texts.slice(at, at + 8));
    }
    return pdf;
  });
  // A failed import is the renderer's to report, when the PDF is drawn; here it must not go unhandled.
  started.catch(() => undefined);
  return {
    until: (done) => void done.then(() => (reading = false), () => (reading = false)),
    pdf: () => started,
  };
}
