import type { Lang } from "../text.ts";

/**
 * Numbers and quotes as a careful reader expects them: the true minus sign (U+2212), an en dash in
 * ranges, thousands separators in the language's habit (Danish 5.000, English 5,000) and one quote
 * style per language («…» in Danish, “…” in English).
 */
export const MINUS = "\u2212";
export const EN_DASH = "\u2013";

/** A whole number with thousands separators and a true minus sign. */
export function int(n: number, lang: Lang): string {
  const r = Math.round(n);
  const digits = String(Math.abs(r)).replace(/\B(?=(\d{3})+(?!\d))/g, lang === "da" ? "." : ",");
  return r < 0 ? `${MINUS}${digits}` : digits;
}

/** A difference with its sign: "+12", "−12", "0". */
export function signed(n: number, lang: Lang): string {
  const r = Math.round(n);
  return r > 0 ? `+${int(r, lang)}` : int(r, lang);
}

/** A range such as "0–39". */
export const range = (from: number, to: number, lang: Lang): string => `${int(from, lang)}${EN_DASH}${int(to, lang)}`;

/** A phrase in the language's quotes. */
export const quote = (text: string, lang: Lang): string => (lang === "da" ? `«${text}»` : `\u201c${text}\u201d`);
