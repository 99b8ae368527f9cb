/** Languages the user interface speaks; Danish first. */
export type Lang = "da" | "en";

/** A user-facing message in both languages, chosen at the edge. */
export type Text = { da: string; en: string };

export const t = (da: string, en: string): Text => ({ da, en });

export const say = (text: Text, lang: Lang): string => text[lang];
