/** Languages the user interface speaks; Danish first. */
export type Lang = "da" | "en";

/** A user-facing message in both languages, chosen at the edge. */
export type Text = { da: string; en: string };

export const t = (da: string, en: string): Text => ({ da, en });

export const say = (text: Text, lang: Lang): string => text[lang];

/** Width in terminal cells, counted in code points (æøå and ← are one each). */
const cells = (text: string): number => [...text].length;

/**
 * The one word wrapper for everything the terminal shows (prompts, key hints, level descriptions,
 * the result screen): breaks only at spaces, so no word is ever split; keeps the text's own line
 * breaks; continuation lines get the paragraph's leading indentation (or `hanging`, when given).
 * A single word longer than the width stands alone on its line rather than being cut.
 */
export function wrapWords(text: string, width: number, hanging?: string): string {
  const out: string[] = [];
  for (const paragraph of text.split("\n")) {
    const indent = /^\s*/.exec(paragraph)![0];
    const next = hanging ?? indent;
    let line = indent;
    let gap = "";
    // Words with the spaces after them: spacing inside a line ("1  Slet ikke") stays as written.
    for (const [, word, spaces] of paragraph.slice(indent.length).matchAll(/(\S+)( *)/g)) {
      if (line !== indent && cells(line) + cells(gap) + cells(word!) > width) {
        out.push(line);
        line = next + word;
      } else line = line === indent ? line + word : line + gap + word;
      gap = spaces!;
    }
    out.push(line === indent ? paragraph.trimEnd() : line);
  }
  return out.join("\n");
}
