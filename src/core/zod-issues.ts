import type { z } from "zod";
import type { Issue } from "./issues.ts";
import { t, type Text } from "./text.ts";

// Keys used as `message` in the schema for patterns, so both languages can be given here.
const PATTERN_MESSAGES: Record<string, Text> = {
  id_pattern: t(
    "må kun indeholde a-z, 0-9 og '-' (æ→ae, ø→oe, å→aa)",
    "may only contain a-z, 0-9 and '-' (æ→ae, ø→oe, å→aa)",
  ),
  source_pattern: t(
    'skal have formen "000:1100-1132" (fil:linjer; flere adskilt af "; ")',
    'must look like "000:1100-1132" (file:lines; several joined by "; ")',
  ),
  range_pattern: t('skal have formen "895-2096" (første-sidste linje)', 'must look like "895-2096" (first-last line)'),
  date_pattern: t('skal være en dato som "2027-03-01" (år-måned-dag)', 'must be a date like "2027-03-01" (year-month-day)'),
  source_id_pattern: t('skal være et kildefil-id med tre cifre, fx "000"', 'must be a three-digit source file id, e.g. "000"'),
};

const TYPE_NAMES: Record<string, Text> = {
  string: t("en tekst", "a string"),
  number: t("et tal", "a number"),
  int: t("et heltal", "an integer"),
  boolean: t("true eller false", "true or false"),
  array: t("en liste", "a list"),
  object: t("en samling af felter", "a mapping"),
  record: t("en samling af felter", "a mapping"),
};

const typeOf = (value: unknown): string => {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number" && Number.isInteger(value)) return "int";
  return typeof value === "object" ? "object" : typeof value;
};

const typeName = (name: string): Text => TYPE_NAMES[name] ?? t(name, name);

function describe(issue: z.core.$ZodIssue): Text {
  switch (issue.code) {
    case "invalid_type": {
      const expected = typeName(issue.expected);
      if (issue.input === undefined) return t(`mangler (forventede ${expected.da})`, `is missing (expected ${expected.en})`);
      const got = typeName(typeOf(issue.input));
      return t(`forventede ${expected.da}, fik ${got.da}`, `expected ${expected.en}, got ${got.en}`);
    }
    case "too_small":
      if (issue.origin === "array") return t(`skal have mindst ${issue.minimum} element(er)`, `must have at least ${issue.minimum} entr(y/ies)`);
      if (issue.origin === "string") return t("må ikke være tom", "must not be empty");
      return issue.inclusive
        ? t(`skal være mindst ${issue.minimum}`, `must be at least ${issue.minimum}`)
        : t(`skal være større end ${issue.minimum}`, `must be greater than ${issue.minimum}`);
    case "too_big":
      return issue.inclusive
        ? t(`må højst være ${issue.maximum}`, `must be at most ${issue.maximum}`)
        : t(`skal være mindre end ${issue.maximum}`, `must be less than ${issue.maximum}`);
    case "invalid_format":
      return PATTERN_MESSAGES[issue.message] ?? t(`har et ugyldigt format`, `has an invalid format`);
    case "invalid_value":
      return t(
        `skal være en af: ${issue.values.map(String).join(", ")}`,
        `must be one of: ${issue.values.map(String).join(", ")}`,
      );
    case "unrecognized_keys":
      return t(`ukendt felt: ${issue.keys.join(", ")}`, `unknown field: ${issue.keys.join(", ")}`);
    case "invalid_union":
      if (issue.input === undefined) return t("mangler", "is missing");
      return t(
        "skal være en tekst eller en samling fra niveau-id (eller default) til tekst",
        "must be a text or a mapping from level id (or default) to text",
      );
    default:
      return t(issue.message, issue.message);
  }
}

/** Turns zod's issues into our located, bilingual issues. */
export const fromZodIssues = (issues: readonly z.core.$ZodIssue[]): Issue[] =>
  issues.map((issue) => ({
    code: issue.code,
    severity: "error",
    path: issue.path.filter((key): key is string | number => typeof key !== "symbol"),
    message: describe(issue),
  }));
