import type { Figure, ReportElementSection, WorkshopReport } from "../../core/workshop/workshop-report.ts";
import { openTaggedPdf } from "./document.ts";
import { CONTENT_WIDTH, MUTED, PAGE } from "./style.ts";
import { table, type Cell, type Column } from "./table.ts";
import { agreedText, decimal, distributionChart, distributionPieces, levelChart, levelChartHeight, type Words } from "./workshop-charts.ts";
import { baselineSection, gapsSection, planSection } from "./workshop-sections.ts";
import { Writer } from "./writer.ts";

/**
 * The workshop report as a tagged PDF (PDF/UA: headings, paragraphs, tables and figures in the structure
 * tree, page numbers as artifacts), fonts embedded, dates fixed by `created` for reproducible bytes. Content
 * flows: elements are packed one after another, a heading always keeps its first block with it.
 */
export function renderWorkshopPdf(r: WorkshopReport, created: Date, toolVersion: string): Promise<Buffer> {
  const da = r.lang === "da";
  const L = (dk: string, en: string) => (da ? dk : en);
  const { doc, done } = openTaggedPdf({
    size: "A4",
    margins: { top: PAGE.margin, bottom: PAGE.margin - 20, left: PAGE.margin, right: PAGE.margin },
    lang: r.lang,
    created,
    info: { Title: `${r.title} — ${L("Workshoprapport", "Workshop report")}`, Subject: `${r.questionnaire.id} ${r.questionnaire.version} (${r.questionnaire.hash})`, toolVersion },
  });
  const w = new Writer(doc);
  const fig = (f: Figure | null) => (f === null ? L("ikke med", "not included") : f.tenths === null ? `${f.hidden ?? "–"} (n = ${f.n})` : `${decimal(f.tenths, da)} (n = ${f.n})`);
  const words: Words = { da, L, fig };
  const spread = (e: ReportElementSection) =>
    e.spread ? `${L("spænd", "range")} ${decimal(tenthsOf(e.spread.range), da)}, sd ${e.spread.sd === null ? "–" : decimal(tenthsOf(e.spread.sd), da)}${e.spread.flagged ? L(" — stor spredning", " — wide spread") : ""}` : "–";

  // Cover: what, when, against what; then participation and the overview on the same page.
  w.open("Sect");
  w.y = 110;
  w.heading(1, `${r.title} — ${L("workshoprapport", "workshop report")}`);
  w.para([
    `${L("Spørgeskema", "Questionnaire")}: ${r.questionnaire.title} (${r.questionnaire.id} ${r.questionnaire.version}, ${L("fingeraftryk", "fingerprint")} ${r.questionnaire.hash})`,
    `${L("Dato", "Date")}: ${r.date}`,
    `${L("Anonymitetsgrænse", "Anonymity threshold")}: k = ${r.k}`,
    ...(r.baseline ? [`${L("Sammenlignet med", "Compared with")}: ${L("workshoppen", "the workshop")} "${r.baseline.title}" (${r.baseline.date})`] : []),
  ].join("\n"));
  w.heading(2, L("Deltagelse", "Participation"));
  const narrow = (header: string, width: number, align?: Column["align"]): Column => ({ header, width, ...(align ? { align } : {}) });
  table(w, [narrow(L("Niveau", "Level"), 300), narrow(L("Besvarelser", "Responses"), 100, "right")],
    [...r.participation.map((p) => [{ text: p.label }, { text: String(p.n) }]), [{ text: L("I alt", "Total"), bold: true }, { text: String(r.respondents), bold: true }]], { rowHeader: true });
  if (r.allBelowK) w.para(L(`Alle niveauer har færre end ${r.k} besvarelser. Derfor vises ingen tal pr. niveau, og kun hele rummets tal, hvor det er muligt.`, `Every level has fewer than ${r.k} responses. No figures per level are shown, and the whole room's only where possible.`));
  w.heading(2, L("Oversigt", "Overview"));
  table(w, [narrow(L("Element", "Element"), 150), narrow(L("Aftalt score", "Agreed score"), 70, "right"), narrow(L("Gennemsnit af de individuelle svar", "Mean of the individual answers"), 120), narrow(L("Spredning", "Spread"), CONTENT_WIDTH - 340)],
    r.elements.map((e): Cell[] => [{ text: e.label }, { text: e.agreed ? agreedText(e.agreed.score, da) : L("ikke aftalt", "not agreed") }, { text: fig(e.room) }, { text: spread(e) }]), { rowHeader: true });
  w.close();

  w.open("Sect");
  const summaries = r.elements.map((e) => summaryOf(e, words, spread(e)));
  w.heading(2, L("Elementerne", "The elements"), r.elements[0] ? leadHeight(w, r, r.elements[0], summaries[0]!) + 40 : 40);
  r.elements.forEach((e, i) => element(w, r, e, words, summaries[i]!));
  w.close();

  gapsSection(w, r, words);
  planSection(w, r, words);
  if (r.baseline) baselineSection(w, r.baseline, words);

  w.open("Sect");
  w.heading(2, L("Metode og anonymitet", "Method and anonymity"));
  for (const p of r.method) w.para(p);
  w.close();

  w.finish();
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    w.artifact(() => w.style({ size: 7.5, color: MUTED }).text(`${r.title} · ${r.questionnaire.id} ${r.questionnaire.version} · ${L("side", "page")} ${i + 1}/${range.count}`, PAGE.margin, PAGE.height - PAGE.margin + 8, { width: CONTENT_WIDTH, align: "center", lineBreak: false }), "Pagination");
  }
  doc.end();
  return done;
}

const tenthsOf = (x: number) => Math.round(Number(x.toFixed(10)) * 10);

const summaryOf = (e: ReportElementSection, { da, L, fig }: Words, spread: string) => [
  `${L("Aftalt score", "Agreed score")}: ${e.agreed ? agreedText(e.agreed.score, da) : L("ikke aftalt", "not agreed")}`,
  `${L("Gennemsnit af de individuelle svar", "Mean of the individual answers")}: ${fig(e.room)}`,
  `${L("Spredning", "Spread")}: ${spread}`,
].join("\n");
/** What an element's heading keeps with it: the summary and the level chart. */
const leadHeight = (w: Writer, r: WorkshopReport, e: ReportElementSection, summary: string) => w.height(summary, {}) + 5 + (e.nothingShown ? 30 : levelChartHeight(w, r, e)) + 10;

/** One element: its figures and chart, the answers per statement, the consensus, the comments the engine allows. */
function element(w: Writer, r: WorkshopReport, e: ReportElementSection, { da, L }: Words, summary: string): void {
  w.open("Sect");
  w.heading(3, e.label, leadHeight(w, r, e, summary));
  w.para(summary);
  if (e.nothingShown) w.para(L(`Ingen tal kan vises for dette element (for få besvarelser; mindst ${r.k} pr. gruppe).`, `No figures can be shown for this element (too few responses; at least ${r.k} per group).`), { color: MUTED });
  else levelChart(w, r, e);
  const pieces = e.nothingShown ? [] : distributionPieces(w, r, e);
  if (pieces[0]) {
    w.heading(4, L("De individuelle svar pr. udsagn (alle ledere)", "The individual answers per statement (all leaders)"), pieces[0].height + 4);
    distributionChart(w, r, pieces);
  }
  const rationale = e.agreed ? `${L("Begrundelse", "Rationale")}: ${e.agreed.rationale}` : L("Rummet har ikke aftalt en score for dette element.", "The room has not agreed a score for this element.");
  w.heading(4, L("Konsensus", "Consensus"), w.height(rationale, {}) + 6);
  w.para(rationale);
  if (e.agreed) {
    if (e.agreed.dissent) w.para(`${L("Afvigende synspunkter", "Dissent")}: ${e.agreed.dissent}`);
    const list = (label: string, entries: readonly string[]) => entries.length > 0 && w.para(`${label}:\n${entries.map((x) => `• ${x}`).join("\n")}`);
    list(L("Styrker", "Strengths"), e.agreed.strengths);
    list(L("Forbedringsområder", "Areas for improvement"), e.agreed.improvements);
    if (e.agreed.actions.length > 0) w.para(L(`Handlinger: ${e.agreed.actions.length} (se handleplanen)`, `Actions: ${e.agreed.actions.length} (see the action plan)`), { color: MUTED });
    if (e.rounds.length > 0) {
      const round = (x: ReportElementSection["rounds"][number]) => `${L("runde", "round")} ${x.round}: n = ${x.n}${x.mean !== null ? `, ${L("gennemsnit", "mean")} ${decimal(x.mean, da)}` : ""}${x.sd !== null ? `, sd ${decimal(x.sd, da)}` : ""}`;
      w.para(`${L("Tallene da scoren blev aftalt", "The figures when the score was agreed")}: ${e.rounds.map(round).join("; ")}`, { color: MUTED, size: 8.5 });
    }
  }
  if (e.comments.length > 0) {
    const first = e.comments[0]!;
    // The group's name travels with its first comment; each further comment is a paragraph of its own, so a
    // long list breaks between comments and never runs off a page.
    const lead = (c: (typeof e.comments)[number]) => `${c.label} (n = ${c.n}):\n• ${c.texts[0]}`;
    w.heading(4, L("Kommentarer", "Comments"), w.height(lead(first), { size: 8.5 }) + 6);
    for (const c of e.comments) {
      w.para(lead(c), { size: 8.5 });
      for (const text of c.texts.slice(1)) w.para(`• ${text}`, { size: 8.5 });
    }
  }
  w.close();
}
