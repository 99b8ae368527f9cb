import type { Codebook, CodebookColumn } from "./codebook.ts";
import { quoteDoubled } from "./names.ts";

export type SyntaxOptions = { data: string; delimiter: string; toolVersion: string };

/** Long lists are broken into lines of a few names, as SPSS's own syntax does. */
const wrapped = (names: readonly string[], indent = "  "): string => {
  const lines: string[] = [];
  for (let i = 0; i < names.length; i += 8) lines.push(indent + names.slice(i, i + 8).join(" "));
  return lines.join("\n");
};

/** Text columns are read wide enough for any cell the tool writes; an item cell is at most "ved_ikke". */
const widthOf = (c: CodebookColumn): number => (c.kind === "comment" ? 4000 : c.kind === "item" ? 8 : c.column === "submitted_at" ? 40 : 255);

/**
 * SPSS syntax (runs in GNU PSPP as it is): reads the CSV as the tool writes it, turns the item
 * columns into numbers with "Ved ikke" as a user-missing code, and sets variable and value labels.
 */
export function renderSpss(book: Codebook, o: SyntaxOptions): string {
  const items = book.columns.filter((c) => c.kind === "item");
  const raw = (c: CodebookColumn) => (c.kind === "item" ? `s_${c.variable}`.slice(0, 64) : c.variable);
  const code = book.dont_know_code;
  const out: string[] = [
    "* Encoding: UTF-8.",
    `* Kodebog / codebook: ${book.questionnaire.id} ${book.questionnaire.version} (ledelsestjek ${o.toolVersion}).`,
    `* Empty item cell = not asked or not answered (system-missing); ved_ikke = ${code} (user-missing).`,
    "* Reverse-keyed items are kept as answered; see the variable labels.",
    "",
    `TITLE ${quoteDoubled(`Kodebog / codebook: ${book.questionnaire.id} ${book.questionnaire.version}`)}.`,
    "",
    "GET DATA",
    "  /TYPE=TXT",
    `  /FILE=${quoteDoubled(o.data)}`,
    '  /ENCODING="UTF-8"',
    "  /ARRANGEMENT=DELIMITED",
    "  /DELCASE=LINE",
    "  /FIRSTCASE=2",
    `  /DELIMITERS=${quoteDoubled(o.delimiter)}`,
    "  /QUALIFIER='\"'",
    "  /VARIABLES=",
    ...book.columns.map((c) => `    ${raw(c)} A${widthOf(c)}`),
    ".",
    "",
  ];
  for (const c of items) out.push(`RECODE ${raw(c)} ("ved_ikke"=${code}) (CONVERT) INTO ${c.variable}.`);
  if (items.length > 0) {
    // MATCH FILES puts the numeric items back in the file's column order and drops the text copies.
    out.push("", "MATCH FILES /FILE=* /KEEP=", wrapped(book.columns.map((c) => c.variable)), ".", "EXECUTE.", "");
    out.push("FORMATS", wrapped(items.map((c) => c.variable)), `  (F${String(code).length}.0).`, "");
  }
  out.push("VARIABLE LABELS");
  out.push(book.columns.map((c) => `  ${c.variable} ${quoteDoubled(labelWithKey(c))}`).join("\n /") + ".");
  if (items.length > 0) {
    const values = Object.entries(book.scale.labels).map(([v, label]) => `  ${v} ${quoteDoubled(label)}`);
    out.push("", "VALUE LABELS", wrapped(items.map((c) => c.variable)), ...values, `  ${code} ${quoteDoubled(items[0]!.values!.ved_ikke!)}.`);
    out.push("", "MISSING VALUES", wrapped(items.map((c) => c.variable)), `  (${code}).`);
    out.push("", "VARIABLE LEVEL", wrapped(items.map((c) => c.variable)), "  (ORDINAL).");
  }
  const level = book.columns.find((c) => c.column === "level");
  if (level?.values) {
    out.push("", `VALUE LABELS ${level.variable}`, Object.entries(level.values).map(([id, label]) => `  ${quoteDoubled(id)} ${quoteDoubled(label)}`).join("\n") + ".");
  }
  // A sign that it worked, in the output window: what was read, and the responses per level.
  out.push("", `ECHO ${quoteDoubled(`Kodebogen er kørt: ${o.data} er læst. / The codebook ran: ${o.data} was read.`)}.`);
  if (level) out.push(`FREQUENCIES /VARIABLES=${level.variable}.`);
  out.push("");
  return out.join("\n");
}

/** The variable label: the statement, marked when reverse-keyed (SPSS allows 256 bytes; PSPP more). */
export function labelWithKey(c: CodebookColumn): string {
  const label = c.reverse ? `${c.label} (omvendt/reverse)` : c.label;
  return label.length > 250 ? `${label.slice(0, 249)}…` : label;
}
