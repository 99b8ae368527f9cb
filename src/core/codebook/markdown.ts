import type { Codebook, CodebookColumn } from "./codebook.ts";
import type { Lang } from "../text.ts";

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/[\r\n]+/g, " ");

/** The codebook as a Markdown document: an overview table of every column, then each item in full. */
export function renderMarkdown(book: Codebook, lang: Lang): string {
  const da = lang === "da";
  const L = (dk: string, en: string) => (da ? dk : en);
  const scale = Object.entries(book.scale.labels).map(([v, label]) => `${v} = ${label}`).join(", ");
  const out: string[] = [
    `# ${L("Kodebog", "Codebook")}: ${book.questionnaire.title} (${book.questionnaire.id} ${book.questionnaire.version})`,
    "",
    L(
      "Kolonnerne i den brede CSV-fil i filens rækkefølge. `variabel` er navnet i SPSS, R og Stata.",
      "The columns of the wide CSV file in file order. `variable` is the name in SPSS, R and Stata.",
    ),
    "",
    `- **${L("Skala", "Scale")}:** ${scale}`,
    `- **${L("Manglende værdier", "Missing values")}:** ${book.missing.empty}; ${book.missing.ved_ikke} (SPSS: ${book.dont_know_code}, ${L("brugerdefineret manglende", "user-missing")}; Stata: \`.a\`; R: \`NA\`)`,
    `- **${L("Omvendte spørgsmål", "Reverse-keyed items")}:** ${L("står i filen, som de er besvaret; scoren vender dem (v' = min + max − v)", "are stored as answered; the score turns them (v' = min + max − v)")}`,
    "",
    `| ${L("kolonne", "column")} | ${L("variabel", "variable")} | ${L("art", "kind")} | ${L("etiket", "label")} | element | ${L("område", "area")} | ${L("omvendt", "reverse")} | ${L("spejl", "mirror")} |`,
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ...book.columns.map((c) => `| \`${c.column}\` | \`${c.variable}\` | ${c.kind} | ${cell(c.label)} | ${c.element ?? ""} | ${c.area ?? ""} | ${c.reverse ? L("ja", "yes") : ""} | ${mirror(c, L)} |`),
    "",
  ];
  const level = book.columns.find((c) => c.column === "level");
  if (level?.values) {
    out.push(`## ${L("Niveauer", "Levels")} (\`level\`)`, "", ...Object.entries(level.values).map(([id, label]) => `- \`${id}\`: ${label}`), "");
  }
  out.push(`## ${L("Spørgsmålene", "The items")}`, "");
  for (const c of book.columns.filter((col) => col.kind === "item")) {
    out.push(`### \`${c.column}\` — ${c.element_label} (${c.area_label})`, "");
    const same = new Set(c.wording!.map((w) => w.text)).size === 1;
    if (same) out.push(`${c.wording![0]!.text}`, "", `${L("Niveauer", "Levels")}: ${c.levels!.join(", ")}`);
    else out.push(...c.wording!.map((w) => `- **${w.level}:** ${w.text}`));
    const notes = [
      c.reverse ? L("omvendt", "reverse-keyed") : "",
      mirror(c, L),
      c.source ? `${L("kilde", "source")}: ${c.citation === c.source ? c.source : `${c.citation} (${c.source})`}` : "",
    ].filter(Boolean);
    if (notes.length > 0) out.push("", notes.join(" · "));
    out.push("");
  }
  return out.join("\n");
}

function mirror(c: CodebookColumn, L: (da: string, en: string) => string): string {
  if (c.mirror_of) return L(`spejler \`${c.mirror_of}\` (vurderer ${c.rates})`, `mirrors \`${c.mirror_of}\` (rates ${c.rates})`);
  if (c.mirrored_by) return L(`spejles af ${c.mirrored_by.map((m) => `\`${m}\``).join(", ")}`, `mirrored by ${c.mirrored_by.map((m) => `\`${m}\``).join(", ")}`);
  return "";
}
