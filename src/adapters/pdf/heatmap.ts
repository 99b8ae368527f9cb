import type { Heatmap } from "../../core/report/report-summary.ts";
import type { ReportWords } from "../../core/report/report-words.ts";
import { table, type Cell, type Column } from "./table.ts";
import { bandShades, inkOn, MUTED } from "./style.ts";
import type { Writer } from "./writer.ts";

const MIN_COL = 24;
const N_COL = 30;

/**
 * The group × dimension heatmap as a real table: the score printed in each cell, its band as the
 * fill (distinct grey levels), hidden cells hatched with a short reason. Dimension names run
 * vertically; with more dimensions than fit across, the table is split into column blocks.
 */
export function heatmapTable(w: Writer, map: Heatmap, bands: number, words: ReportWords, k: number, labels: { group: string; n: string }): void {
  const shades = bandShades(bands);
  const labelWidth = Math.min(200, Math.max(110, w.width - N_COL - map.columns.length * 26));
  const perBlock = Math.max(1, Math.floor((w.width - labelWidth - N_COL) / MIN_COL));
  for (let start = 0; start < map.columns.length; start += perBlock) {
    const cols = map.columns.slice(start, start + perBlock);
    const colWidth = Math.min(40, (w.width - labelWidth - N_COL) / cols.length);
    const headerSize = 7.5;
    // Tall enough that every dimension name fits across its column width in whole words.
    let headerHeight = 70;
    const lines = Math.max(1, Math.floor((colWidth - 4) / (headerSize * 1.2)));
    while (headerHeight < 220 && cols.some((c) => w.height(c.label, { size: headerSize, bold: true, width: headerHeight - 6, lineGap: 0.5 }) > lines * headerSize * 1.2 + 0.5)) headerHeight += 10;
    const columns: Column[] = [
      { header: labels.group, width: labelWidth },
      { header: labels.n, width: N_COL, align: "right" },
      ...cols.map((c) => ({ header: c.label, width: colWidth, align: "center" as const })),
    ];
    const rows: Cell[][] = map.rows.map((row) => [
      { text: row.label, bold: row.total },
      { text: row.respondents, color: MUTED, size: 7.5 },
      ...row.cells.slice(start, start + perBlock).map((cell): Cell => {
        if (cell.hidden) {
          const text = cell.hidden === "complement" ? words.cellComplement : cell.hidden === "not_applicable" ? words.cellNotApplicable : words.cellSmall(k);
          return { text, size: 7.5, color: "#333333", fill: "#ffffff", hatch: cell.hidden !== "not_applicable" };
        }
        const fill = cell.band >= 0 ? shades[cell.band]! : "#ffffff";
        return { text: cell.text, bold: true, size: 8.5, fill, color: inkOn(fill) };
      }),
    ]);
    const groupLabelSize = 8;
    table(w, columns, rows, { size: groupLabelSize, headerSize, rowHeader: true, rotateHeaders: headerHeight, strongRows: new Set([map.rows.length - 2]) });
  }
}
