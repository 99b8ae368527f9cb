import type { Lang } from "./text.ts";

/**
 * The questionnaire's map of sources (`sources:` in the YAML, being added to the format): per source
 * file id, how to name it and its sections by line range. Typed structurally here so the result
 * screen can use it as soon as the format has it, and shows nothing while it does not.
 */
export type SourceMap = Record<
  string,
  { short?: string; author?: string; year?: number | string; sections?: { lines: string; label: string; label_en?: string }[] }
>;

const range = (text: string): [number, number] | undefined => {
  const m = /^(\d+)-(\d+)$/.exec(text.trim());
  return m ? [Number(m[1]), Number(m[2])] : undefined;
};

/**
 * "000:874-878; 000:1114-1120" in words, e.g. "Delrapport 1, afsnit 3.1": each reference is named
 * by its source and the narrowest section that holds its lines. Undefined when nothing can be
 * named, so the screen shows no file line numbers a reader cannot look up.
 */
export function sourceInWords(ref: string, sources: SourceMap | undefined, lang: Lang): string | undefined {
  if (!sources) return undefined;
  const named: string[] = [];
  for (const part of ref.split(";")) {
    const [id, lines] = part.trim().split(":");
    const source = id === undefined ? undefined : sources[id];
    if (!source) continue;
    const title = source.short ?? [source.author, source.year].filter(Boolean).join(" ");
    if (!title) continue;
    const span = lines === undefined ? undefined : range(lines);
    const holding = (source.sections ?? [])
      .map((s) => ({ s, r: range(s.lines) }))
      .filter(({ r }) => r && span && r[0] <= span[0] && span[1] <= r[1])
      .sort((a, b) => a.r![1] - a.r![0] - (b.r![1] - b.r![0]))[0];
    const section = holding ? (lang === "en" ? (holding.s.label_en ?? holding.s.label) : holding.s.label) : undefined;
    const words = section ? `${title}, ${section}` : title;
    if (!named.includes(words)) named.push(words);
  }
  return named.length > 0 ? named.join("; ") : undefined;
}
