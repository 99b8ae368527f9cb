import type { Codebook } from "./codebook.ts";
import { quoteR } from "./names.ts";
import { labelWithKey, type SyntaxOptions } from "./spss.ts";

/**
 * An R script (base R only) that leaves the data frame `besvarelser`: every column read as text,
 * renamed to its variable name, items as ordered factors labelled with the scale ("Ved ikke" and
 * empty cells NA), `level` as a factor of the questionnaire's levels, and a "label" attribute on each.
 */
export function renderR(book: Codebook, o: SyntaxOptions): string {
  const vector = (values: readonly string[]) => `c(${values.map(quoteR).join(", ")})`;
  const items = book.columns.filter((c) => c.kind === "item");
  const values = Object.keys(book.scale.labels);
  const out: string[] = [
    `# Kodebog / codebook: ${book.questionnaire.id} ${book.questionnaire.version} (ledelsestjek ${o.toolVersion}).`,
    "# Empty item cell = not asked or not answered; \"ved_ikke\" = \"Ved ikke\". Both become NA here.",
    "# Reverse-keyed items are kept as answered (see their \"reverse\" attribute).",
    "",
    `besvarelser <- utils::read.csv(${quoteR(o.data)}, sep = ${quoteR(o.delimiter)}, colClasses = "character",`,
    '  na.strings = character(0), check.names = FALSE, fileEncoding = "UTF-8-BOM", encoding = "UTF-8")',
    `kolonner <- ${vector(book.columns.map((c) => c.column))}`,
    "if (!identical(names(besvarelser), kolonner)) {",
    '  stop("The file\'s columns differ from the codebook\'s: make the codebook with --data for this file.")',
    "}",
    `names(besvarelser) <- ${vector(book.columns.map((c) => c.variable))}`,
    "",
  ];
  if (items.length > 0) {
    out.push(
      `skala <- ${vector(values.map((v) => book.scale.labels[v]!))}`,
      "svar <- function(x) {",
      '  x[x %in% c("", "ved_ikke")] <- NA',
      `  factor(x, levels = ${vector(values)}, labels = skala, ordered = TRUE)`,
      "}",
    );
    for (const c of items) {
      out.push(`besvarelser[[${quoteR(c.variable)}]] <- svar(besvarelser[[${quoteR(c.variable)}]])`);
      if (c.reverse) out.push(`attr(besvarelser[[${quoteR(c.variable)}]], "reverse") <- TRUE`);
    }
    out.push("");
  }
  const level = book.columns.find((c) => c.column === "level");
  if (level?.values) {
    out.push(`besvarelser[[${quoteR(level.variable)}]] <- factor(besvarelser[[${quoteR(level.variable)}]], levels = ${vector(Object.keys(level.values))})`);
  }
  out.push(`etiketter <- ${vector(book.columns.map(labelWithKey))}`);
  out.push("for (i in seq_along(besvarelser)) attr(besvarelser[[i]], \"label\") <- etiketter[[i]]");
  out.push("rm(kolonner, etiketter, i)");
  if (items.length > 0) out.push("rm(skala, svar)");
  out.push("");
  return out.join("\n");
}
