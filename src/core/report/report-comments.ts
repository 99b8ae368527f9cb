// Room core/report/ — build the report: the report model from scored groups (through the disclosure engine), its view for the renderer, summary, differences, comments and all its words.
import type { Report } from "./report.ts";
import { hiddenGroups } from "./report-messages.ts";
import { groupName, type CommentGroup, type ElementComments, type ReportView } from "./report-view.ts";

/**
 * Free-text comments for `report --comments`: only from groups the disclosure engine shows (at
 * least k respondents), never with anything that points to a person — no id, no order of
 * submission (each list is sorted) — and cleaned of control and direction-override characters.
 */

export const MAX_COMMENT = 600;

/** One line of plain text: no control characters, no bidi overrides that could reorder what is shown. */
export function cleanComment(text: string): string {
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ").replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g, "").replace(/\s+/g, " ").trim();
  return flat.length > MAX_COMMENT ? `${flat.slice(0, MAX_COMMENT - 1)}…` : flat;
}

/** `collected` maps a group key (as in the report model) to its comments per element id. */
export function reportComments(report: Report, view: ReportView, collected: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>, lang: "da" | "en"): ElementComments[] {
  const groups = report.byColumns.length === 0 ? [report.total] : report.groups;
  // A group the engine hides — too small, or hidden to protect a small one — has its comments withheld too.
  const hidden = new Set(hiddenGroups(report));
  const shown = groups.filter((g) => !g.suppressed && g.respondents >= report.minGroupSize && !hidden.has(g) && report.cells[g.key]?.total?.suppressed === false);
  const out: ElementComments[] = [];
  for (const d of report.dimensions.filter((x) => x.kind === "element")) {
    const found: CommentGroup[] = [];
    for (const g of shown) {
      const texts = (collected.get(g.key)?.get(d.id) ?? []).map(cleanComment).filter((x) => x !== "");
      if (texts.length > 0) found.push({ label: groupName(report, view, g), texts: [...texts].sort((a, b) => a.localeCompare(b, lang)) });
    }
    if (found.length > 0) out.push({ id: d.id, label: d.label, groups: found });
  }
  return out;
}

/** Whether any comment was written that `reportComments` leaves out because its group is hidden. */
export function commentsWithheld(report: Report, view: ReportView, collected: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>, lang: "da" | "en"): boolean {
  const shown = reportComments(report, view, collected, lang).reduce((s, e) => s + e.groups.reduce((t, g) => t + g.texts.length, 0), 0);
  const written = [...collected.values()].reduce((s, m) => s + [...m.values()].reduce((t, texts) => t + texts.filter((x) => cleanComment(x) !== "").length, 0), 0);
  return written > shown;
}
