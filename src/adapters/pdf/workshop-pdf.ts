import type { Figure, WorkshopReport } from "../../core/workshop/workshop-report.ts";
import { openTaggedPdf } from "./document.ts";
import { CONTENT_WIDTH, INK, MUTED, PAGE } from "./style.ts";

type Cell = string | { text: string; type?: "TH" | "TD"; scope?: "Row" | "Column" };
const BOTTOM = PAGE.height - PAGE.margin - 10;

/**
 * The workshop report as a tagged PDF (headings, paragraphs and tables in the structure tree,
 * page numbers as artifacts), fonts embedded, dates fixed by `created` for reproducible bytes.
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
  const num = (x: number | null) => (x === null ? "–" : (Math.round(x * 10) / 10).toFixed(1).replace(".", da ? "," : "."));
  const fig = (f: Figure | null) => (f === null ? L("ikke med", "not included") : f.hidden ? `${f.hidden} (n = ${f.n})` : `${num(f.value)} (n = ${f.n})`);

  const ensure = (height: number) => {
    if (doc.y + height > BOTTOM) doc.addPage();
  };
  const heading = (tag: "H1" | "H2" | "H3", text: string, size: number) => {
    ensure(size * 3);
    doc.moveDown(0.4);
    doc.addStructure(doc.struct(tag, {}, () => void doc.font("Sans-Bold").fontSize(size).fillColor(INK).text(text, PAGE.margin, doc.y, { width: CONTENT_WIDTH })));
    doc.moveDown(0.3);
  };
  const para = (text: string, size = 9.5, color = INK) => {
    doc.font("Sans").fontSize(size);
    ensure(Math.min(doc.heightOfString(text, { width: CONTENT_WIDTH }) + 4, 120));
    doc.addStructure(doc.struct("P", {}, () => void doc.font("Sans").fontSize(size).fillColor(color).text(text, PAGE.margin, doc.y, { width: CONTENT_WIDTH, lineGap: 1.5 })));
    doc.moveDown(0.4);
  };
  const labelled = (label: string, text: string) => para(`${label}: ${text}`);
  const list = (label: string, entries: readonly string[]) => {
    if (entries.length === 0) return;
    para(`${label}:\n${entries.map((e) => `• ${e}`).join("\n")}`);
  };
  const table = (header: string[], rows: Cell[][], widths: number[]) => {
    ensure(60);
    const total = widths.reduce((a, b) => a + b, 0);
    doc.font("Sans").fontSize(8.5).fillColor(INK);
    doc.table({
      structParent: doc,
      position: { x: PAGE.margin, y: doc.y },
      columnStyles: widths.map((w) => (w / total) * CONTENT_WIDTH),
      defaultStyle: { padding: 3, border: [0, 0, 0.5, 0], borderColor: "#b0b0b0", font: { src: "Sans", size: 8.5 } },
      data: [
        header.map((text) => ({ text, type: "TH", scope: "Column", font: { src: "Sans-Bold", size: 8.5 } })),
        ...rows.map((row) => row.map((cell, i) => (typeof cell === "string" ? (i === 0 ? { text: cell, type: "TH", scope: "Row" } : { text: cell }) : cell))),
      ],
    } as never);
    doc.x = PAGE.margin;
    doc.moveDown(0.8);
  };

  // Cover and participation
  doc.y = 140;
  heading("H1", `${r.title} — ${L("workshoprapport", "workshop report")}`, 22);
  para([
    `${L("Spørgeskema", "Questionnaire")}: ${r.questionnaire.title} (${r.questionnaire.id} ${r.questionnaire.version}, ${L("fingeraftryk", "fingerprint")} ${r.questionnaire.hash})`,
    `${L("Dato", "Date")}: ${r.date}`,
    `${L("Anonymitetsgrænse", "Anonymity threshold")}: k = ${r.k}`,
  ].join("\n"));
  heading("H2", L("Deltagelse", "Participation"), 14);
  table([L("Niveau", "Level"), L("Besvarelser", "Responses")], [...r.participation.map((p) => [p.label, String(p.n)]), [L("I alt", "Total"), String(r.respondents)]], [3, 1]);
  if (r.allBelowK) para(L(`Alle niveauer har færre end ${r.k} besvarelser. Derfor vises ingen tal pr. niveau, og kun hele rummets tal, hvor det er muligt.`, `Every level has fewer than ${r.k} responses. No figures per level are shown, and the whole room's only where possible.`));

  heading("H2", L("Oversigt", "Overview"), 14);
  table(
    [L("Element", "Element"), L("Aftalt score", "Agreed score"), L("Gennemsnit af de individuelle svar", "Mean of the individual answers"), L("Spredning", "Spread")],
    r.elements.map((e) => [e.label, e.agreed ? String(e.agreed.score).replace(".", da ? "," : ".") : L("ikke aftalt", "not agreed"), fig(e.room), e.spread ? `${e.spread.flagged ? L("stor: ", "wide: ") : ""}${L("spænd", "range")} ${num(e.spread.range)}, sd ${num(e.spread.sd)}` : "–"]),
    [3, 1.2, 2.2, 2],
  );

  for (const e of r.elements) {
    doc.addPage();
    heading("H2", e.label, 16);
    if (e.nothingShown) para(L(`Ingen tal kan vises for dette element (for få besvarelser; mindst ${r.k} pr. gruppe).`, `No figures can be shown for this element (too few responses; at least ${r.k} per group).`));
    else {
      labelled(L("Gennemsnit af de individuelle svar", "Mean of the individual answers"), fig(e.room));
      if (e.spread) labelled(L("Spredning", "Spread"), `${L("spænd", "range")} ${num(e.spread.range)} ${L("point", "points")}, sd ${num(e.spread.sd)}${e.spread.flagged ? L(" — stor spredning", " — wide spread") : ""}`);
      table([L("Niveau", "Level"), L("Gennemsnit", "Mean"), "n"], e.levels.map((l) => [l.label, l.figure.hidden ?? num(l.figure.value), String(l.figure.n)]), [3, 3, 1]);
    }
    heading("H3", L("Konsensus", "Consensus"), 12);
    if (!e.agreed) {
      para(L("Rummet har ikke aftalt en score for dette element.", "The room has not agreed a score for this element."));
      continue;
    }
    labelled(L("Aftalt score", "Agreed score"), `${String(e.agreed.score).replace(".", da ? "," : ".")} ${L("(gennemsnit af de individuelle svar", "(mean of the individual answers")}: ${fig(e.room)})`);
    labelled(L("Begrundelse", "Rationale"), e.agreed.rationale);
    if (e.agreed.dissent) labelled(L("Afvigende synspunkter", "Dissent"), e.agreed.dissent);
    list(L("Styrker", "Strengths"), e.agreed.strengths);
    list(L("Forbedringsområder", "Areas for improvement"), e.agreed.improvements);
    if (e.agreed.rounds.length > 0) labelled(L("Runder", "Rounds"), e.agreed.rounds.map((x) => `${x.round}: n ${x.n}${x.mean !== null ? `, ${L("gns.", "mean")} ${num(x.mean)}` : ""}${x.sd !== null ? `, sd ${num(x.sd)}` : ""}`).join("; "));
  }

  doc.addPage();
  heading("H2", L("Største forskelle mellem niveauer", "Largest differences between levels"), 14);
  if (r.gaps.length === 0) para(L("Ingen forskel når tærsklen, eller den kan ikke vises for små grupper.", "No difference reaches the threshold, or it cannot be shown for small groups."));
  else table([L("Element", "Element"), L("Mellem", "Between"), L("Forskel (point)", "Difference (points)")], r.gaps.map((g) => [g.element, g.mirror ? `${g.a} ${L("om sig selv", "on themselves")} ↔ ${g.b} (${g.item})` : `${g.a} ↔ ${g.b}`, num(g.points)]), [2, 4, 1.3]);

  heading("H2", L("Handleplan", "Action plan"), 14);
  if (r.plan.length === 0) para(L("Ingen handlinger er aftalt.", "No actions were agreed."));
  else table([L("Element", "Element"), L("Handling", "Action"), L("Ansvarlig", "Who"), L("Frist", "When"), L("Succeskriterium", "Success criterion")], r.plan.map((a) => [a.element, a.what, a.who, a.when, a.success]), [1.7, 3, 2.2, 1.4, 2.6]);

  if (r.baseline) {
    const b = r.baseline;
    doc.addPage();
    heading("H2", L(`Opfølgning: ${b.title} (${b.date}) og nu`, `Follow-up: ${b.title} (${b.date}) and now`), 14);
    table([L("Element", "Element"), L("Dengang", "Then"), L("Nu", "Now"), L("Aftalt dengang", "Agreed then"), L("Aftalt nu", "Agreed now")],
      b.rows.map((x) => [x.label, fig(x.then), fig(x.now), x.agreedThen === null ? "–" : num(x.agreedThen), x.agreedNow === null ? "–" : num(x.agreedNow)]), [2.4, 2, 2, 1.2, 1.2]);
    const perLevel = b.rows.flatMap((x) => x.levels.map((l) => [x.label, l.label, num(l.then), num(l.now), num(l.now - l.then)]));
    heading("H3", L("Pr. niveau, hvor begge år kan vises", "Per level, where both years can be shown"), 12);
    if (perLevel.length === 0) para(L("Intet niveau kan vises begge år.", "No level can be shown in both years."));
    else table([L("Element", "Element"), L("Niveau", "Level"), L("Dengang", "Then"), L("Nu", "Now"), L("Ændring", "Change")], perLevel, [2.4, 2, 1, 1, 1]);
    heading("H3", L("Sidste handleplan, og hvad der blev af den", "The last action plan, and what became of it"), 12);
    if (b.plan.length === 0) para(L("Den forrige workshop aftalte ingen handlinger.", "The previous workshop agreed no actions."));
    else table([L("Element", "Element"), L("Handling", "Action"), L("Ansvarlig", "Who"), L("Frist", "When"), L("Hvad blev der af den", "What became of it")], b.plan.map((a) => [a.element, a.what, a.who, a.when, a.outcome ?? L("(ikke udfyldt)", "(not filled in)")]), [1.7, 3, 2.2, 1.4, 2.6]);
  }

  doc.addPage();
  heading("H2", L("Metode og anonymitet", "Method and anonymity"), 14);
  for (const p of r.method) para(p);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.markContent("Artifact", { type: "Pagination" });
    doc.font("Sans").fontSize(7.5).fillColor(MUTED).text(`${r.title} · ${r.questionnaire.id} ${r.questionnaire.version} · ${L("side", "page")} ${i + 1}/${range.count}`, PAGE.margin, PAGE.height - PAGE.margin + 8, { width: CONTENT_WIDTH, align: "center", lineBreak: false });
    doc.endMarkedContent();
  }
  doc.end();
  return done;
}
