import type { Codebook } from "./codebook.ts";
import { quoteStata } from "./names.ts";
import { labelWithKey, type SyntaxOptions } from "./spss.ts";

/**
 * A Stata do-file: reads every column as text by position (so no name is guessed), names the
 * variables, turns items into numbers with "Ved ikke" as the extended missing value `.a`, and sets
 * variable and value labels (Stata allows 80 characters in a variable label).
 */
export function renderStata(book: Codebook, o: SyntaxOptions): string {
  const items = book.columns.filter((c) => c.kind === "item");
  const short = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);
  const out: string[] = [
    `* Kodebog / codebook: ${book.questionnaire.id} ${book.questionnaire.version} (ledelsestjek ${o.toolVersion}).`,
    "* Empty item cell = not asked or not answered (.); ved_ikke = .a (Ved ikke).",
    "* Reverse-keyed items are kept as answered; their labels say so.",
    "version 14",
    `import delimited using ${quoteStata(o.data)}, delimiters(${quoteStata(o.delimiter)}) varnames(nonames) rowrange(2) ///`,
    '  stringcols(_all) encoding("utf-8") bindquote(strict) clear',
    ...book.columns.map((c, i) => `rename v${i + 1} ${c.variable}`),
    "",
  ];
  if (items.length > 0) {
    const values = Object.entries(book.scale.labels).map(([v, label]) => `${v} ${quoteStata(label)}`).join(" ");
    out.push(`label define skala ${values} .a ${quoteStata(items[0]!.values!.ved_ikke!)}`);
    out.push("foreach v of varlist " + items.map((c) => c.variable).join(" ") + " {");
    out.push('  quietly generate double _svar = cond(`v\' == "ved_ikke", .a, real(`v\'))');
    out.push("  drop `v'", "  rename _svar `v'", "  label values `v' skala", "}");
    out.push(`order ${book.columns.map((c) => c.variable).join(" ")}`);
  }
  for (const c of book.columns) out.push(`label variable ${c.variable} ${quoteStata(short(labelWithKey(c)))}`);
  out.push("");
  return out.join("\n");
}
