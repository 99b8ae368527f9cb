/**
 * Words SPSS, R or Stata reserve (compared without case): a column named so gets a trailing `_`,
 * so one variable name works in all three programs.
 */
const RESERVED = new Set(
  [
    "all", "and", "by", "eq", "ge", "gt", "le", "lt", "ne", "not", "or", "to", "with",
    "if", "else", "repeat", "while", "function", "for", "next", "break", "true", "false", "null", "inf", "nan", "na", "in",
    "byte", "int", "long", "float", "double", "str", "strl", "using", "_all", "_n", "_b", "_cons", "_pi", "_pred", "_rc", "_se", "_skip", "_coef", "_weight",
  ],
);

const MAX = 32;

/** One variable name per column: letters, digits and `_`, starting with a letter, at most 32 characters, unique. */
export function variableNames(columns: readonly string[]): string[] {
  const taken = new Set<string>();
  return columns.map((column) => {
    let name = column.replace(/å/g, "aa").replace(/Å/g, "Aa").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/Æ/g, "Ae").replace(/Ø/g, "Oe");
    name = name.replace(/[^A-Za-z0-9_]/g, "_");
    if (!/^[A-Za-z]/.test(name)) name = `v_${name}`;
    if (RESERVED.has(name.toLowerCase())) name = `${name}_`;
    name = name.slice(0, MAX);
    let unique = name;
    for (let n = 2; taken.has(unique.toLowerCase()); n++) unique = `${name.slice(0, MAX - String(n).length - 1)}_${n}`;
    taken.add(unique.toLowerCase());
    return unique;
  });
}

/** A string literal in double quotes with `"` doubled (SPSS and Stata's compound quotes are not needed for this). */
export const quoteDoubled = (text: string): string => `"${text.replace(/"/g, '""').replace(/[\r\n]+/g, " ")}"`;

/** An R string literal in plain ASCII (\u escapes), so the script reads the same in any locale. */
export const quoteR = (text: string): string =>
  JSON.stringify(text.replace(/[\r\n]+/g, " ")).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

/** A Stata string literal: `"` has no escape inside plain quotes, and `$` and a backquote would start a macro. */
export const quoteStata = (text: string): string =>
  `"${text.replace(/[\r\n]+/g, " ").replace(/"/g, "'").replace(/\\/g, "/").replace(/\$/g, "\\$").replace(/`/g, "'")}"`;
