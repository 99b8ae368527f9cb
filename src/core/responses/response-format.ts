import { COMMENT_PREFIX } from "./responses.ts";
import { FIXED_COLUMNS } from "../questionnaire/rules.ts";
import { t, type Text } from "../text.ts";

/** The two layouts of SPEC §3: one row per respondent, or one row per answer. */
export type ResponseFormat = "wide" | "long";

/** The columns that make a header long; anything else beside them is metadata. */
export const LONG_KEY_COLUMNS = ["respondent_id", "item_id", "value"] as const;

/**
 * Which format a header is, by its column names alone, so no flag is needed (SPEC §3).
 * Long is tested first: a long file may carry all six fixed columns as repeated metadata.
 */
export function formatOfHeader(columns: readonly string[]): ResponseFormat | undefined {
  const has = (name: string) => columns.includes(name);
  if (LONG_KEY_COLUMNS.every(has)) return "long";
  if (FIXED_COLUMNS.every(has)) return "wide";
  return undefined;
}

const SHOWN_COLUMNS = 12;

/** Why a header is neither format: what each format lacks, the columns each expects, and what the file has. */
export function unknownFormatText(columns: readonly string[]): Text {
  const lacking = (names: readonly string[]) => names.filter((name) => !columns.includes(name)).join(", ");
  const wide = `${FIXED_COLUMNS.join(",")}[,metadata…],<spørgsmål-id>…[,comment.<element-id>…]`;
  const wideEn = wide.replace("<spørgsmål-id>", "<item-id>");
  const long = `${LONG_KEY_COLUMNS.join(",")},level[,questionnaire_id,questionnaire_version,group,submitted_at,metadata…]`;
  const shown = columns.slice(0, SHOWN_COLUMNS).join(",") + (columns.length > SHOWN_COLUMNS ? ",…" : "");
  return t(
    `overskriften er hverken bredt eller langt format (bredt mangler ${lacking(FIXED_COLUMNS)}; langt mangler ${lacking(LONG_KEY_COLUMNS)}).\n` +
      `  Bredt format: ${wide}\n  Langt format: ${long}\n  Filen har: ${shown || "(ingen kolonner)"}`,
    `the header is neither wide nor long format (wide lacks ${lacking(FIXED_COLUMNS)}; long lacks ${lacking(LONG_KEY_COLUMNS)}).\n` +
      `  Wide format: ${wideEn}\n  Long format: ${long}\n  The file has: ${shown || "(no columns)"}`,
  );
}

/**
 * The metadata columns of a header, in file order, as the readers classify them: in the wide
 * format the columns that are neither fixed, items nor comments, wherever they stand (Excel users add
 * them after the items too, SPEC §5); in the
 * long format every column that is not a key, fixed or comment column.
 */
export function metadataColumns(columns: readonly string[], format: ResponseFormat, itemIds: readonly string[]): string[] {
  const items = new Set(itemIds);
  const reserved = new Set<string>([...FIXED_COLUMNS, ...(format === "long" ? LONG_KEY_COLUMNS : [])]);
  const meta: string[] = [];
  for (const name of columns) {
    // An unnamed column is skipped by the readers (R's row names).
    if (items.has(name) || name === "") continue;
    if (!reserved.has(name) && !name.startsWith(COMMENT_PREFIX)) meta.push(name);
  }
  return meta;
}
