import type { Report } from "../../core/report/report.ts";
import { int } from "../../core/report/report-format.ts";
import type { ReportWords } from "../../core/report/report-words.ts";
import { MUTED } from "./style.ts";
import { table } from "./table.ts";
import type { Writer } from "./writer.ts";

/**
 * The technical details at the end, where a researcher looks and a director need not: the tool's
 * version, the questionnaire's id, version and content hash, and each input file's name (never its
 * folder), SHA-256 and number of rows — so the figures can be traced to the exact data.
 */
export function colophon(w: Writer, report: Report, words: ReportWords): void {
  const L = report.labels;
  w.open("Sect");
  w.heading(2, words.colophon, 120);
  const files = report.provenance.length > 0
    ? report.provenance.map((f) => `${f.name} (${int(f.rows, report.lang)} ${words.rows})\nSHA-256 ${f.sha256}`).join("\n")
    : report.files.map((f) => f.split(/[\\/]/).at(-1)).join("\n");
  const facts: [string, string][] = [
    [L.toolVersion, `ledelsestjek ${report.toolVersion}`],
    [L.questionnaire, `${report.title} (${report.questionnaire.id} ${report.questionnaire.version})`],
    [L.contentHash, report.questionnaire.hash],
    [words.inputFiles, files],
    [L.date, report.date],
    ...(report.mergedLevels.length > 0 ? [[L.mergedLevels, report.mergedLevels.join("\n")] as [string, string]] : []),
  ];
  const width = w.width;
  table(w, [{ header: "", width: 130 }, { header: "", width: width - 130 }], facts.map(([k, v]) => [{ text: k, bold: true, color: MUTED }, { text: v, size: 8 }]), { size: 8.5, rowHeader: true, noHeader: true });
  w.close();
}
