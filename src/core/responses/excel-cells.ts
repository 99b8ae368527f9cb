/**
 * What Excel does to a response file, read back as what it means (SPEC §5 "What Excel does to a
 * file"). Each lenient reading is tried only after the exact one fails, so clean files pay nothing,
 * and each is reported as one notice per file naming the rows.
 */
import type { Questionnaire } from "../questionnaire/questionnaire.ts";
import { t, type Text } from "../text.ts";

/** The kinds of lenient readings; a bit each, so a row can carry several at no cost. */
export const Quirk = { Separators: 1, Version: 2, Date: 4, DontKnow: 8, Level: 16, MetaAfterItems: 32, Utf8Lines: 64, Windows1252Lines: 128, RMissing: 256, Unnamed: 512 } as const;
export type Quirk = (typeof Quirk)[keyof typeof Quirk];
export const QUIRKS: readonly Quirk[] = Object.values(Quirk);

/** One lenient reading at one line, merged per file and kind in line order by whoever prints it. */
export type ReadNotice = { file: string; line: number; quirk: Quirk; column?: string };

/** Lowercase, trimmed, inner whitespace as one space: how "Ved ikke" and " Teamleder " compare. */
export const fold = (cell: string): string => cell.trim().toLowerCase().replace(/\s+/g, " ");

/** Drops trailing zeros of a decimal number written with `.` or `,`: "2,0" → "2", "1.10" → "1.1". */
const numeric = (version: string): string | undefined => {
  const m = /^\s*(\d+)(?:[.,](\d*))?\s*$/.exec(version);
  if (!m) return undefined;
  const fraction = (m[2] ?? "").replace(/0+$/, "");
  return fraction === "" ? m[1]! : `${m[1]}.${fraction}`;
};

/** Whether a version cell is `version` as Excel re-saves it: `2` or `2,0` for "2.0". Call after an exact comparison failed. */
export function sameVersion(cell: string, version: string): boolean {
  const a = numeric(cell);
  return a !== undefined && a === numeric(version);
}

/**
 * A `submitted_at` in a Danish date format (`28-02-2026 10:21`, `28.02.2026`, `28/02/2026 10.21.05`)
 * as ISO 8601 local time (`2026-02-28T10:21`), or undefined when it is no such date. The offset is
 * unknown after Excel, so none is invented.
 */
export function danishDate(cell: string): string | undefined {
  const m = /^\s*(\d{1,2})[-./](\d{1,2})[-./](\d{4})(?:[ T]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?\s*$/.exec(cell);
  if (!m) return undefined;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  if (month < 1 || month > 12 || day < 1 || day > days) return undefined;
  const two = (n: number | string) => String(n).padStart(2, "0");
  const date = `${year}-${two(month)}-${two(day)}`;
  if (m[4] === undefined) return date;
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59) return undefined;
  return `${date}T${two(m[4])}:${m[5]}${m[6] !== undefined ? `:${m[6]}` : ""}`;
}

/** Whether `submitted_at` already has the shape the tool writes (YYYY-MM-DD…): the fast test before any lenient reading. */
export const looksIso = (cell: string): boolean => cell.length >= 10 && cell.charCodeAt(4) === 45 && cell.charCodeAt(7) === 45;

/** Every way a level is named — its id, its Danish and English label — folded, to its id. */
export function levelNames(q: Questionnaire): Map<string, string> {
  const names = new Map<string, string>();
  for (const level of q.levels) {
    for (const name of [level.id, level.label, level.label_en]) if (name !== undefined) names.set(fold(name), level.id);
  }
  return names;
}

/** The folded spellings of "Ved ikke": `ved_ikke`, the scale's own labels, with a space or an underscore. */
export function dontKnowNames(q: Questionnaire): Set<string> {
  const names = new Set<string>();
  for (const name of ["ved_ikke", q.scale.dont_know, q.scale.dont_know_en]) {
    if (name === undefined) continue;
    names.add(fold(name));
    names.add(fold(name).replaceAll("_", " "));
    names.add(fold(name).replaceAll(" ", "_"));
  }
  return names;
}

/** Edit distance, for "mente du …?" on a mistyped level or column; small strings only. */
export function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The candidate nearest to `word` when it is a plausible typo of it (at most a third of its letters off), else undefined. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const w = fold(word);
  let best: { name: string; d: number } | undefined;
  for (const name of candidates) {
    const d = distance(w, fold(name));
    if (!best || d < best.d) best = { name, d };
  }
  return best && best.d > 0 && best.d <= Math.max(1, Math.floor(best.name.length / 3)) ? best.name : undefined;
}

/** An id-shaped name with an item's stem and another number ("i99" beside i1…i6): an item column, not metadata. */
export function looksLikeItem(name: string, itemIds: readonly string[]): boolean {
  const stem = /^([a-z0-9-]*?[a-z-])\d+$/.exec(name)?.[1];
  return stem !== undefined && itemIds.some((id) => id.startsWith(stem) && /^\d+$/.test(id.slice(stem.length)));
}

/** Line numbers as ranges: 14, 15, 16, 19 → "14–16, 19". */
export function lineRanges(lines: readonly number[], most = 12): string {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i]!;
    while (i + 1 < sorted.length && sorted[i + 1] === sorted[i]! + 1) i++;
    parts.push(start === sorted[i] ? String(start) : `${start}–${sorted[i]}`);
  }
  // A notice is a line to read, not a list of every row (one was 4 300 characters long): the first ranges, then "…".
  return parts.length > most ? `${parts.slice(0, most).join(", ")}, …` : parts.join(", ");
}

/** One notice for one kind of reading in one file; `lines` as made by lineRanges. */
export function quirkNotice(quirk: Quirk, count: number, lines: string, columns: readonly string[], q: Questionnaire): Text {
  const all = lines.endsWith("…") ? [` (${count} i alt)`, ` (${count} in all)`] : ["", ""];
  const [da, en] = [`Linje ${lines}${all[0]}`, `${count === 1 ? "Line" : "Lines"} ${lines}${all[1]}`];
  const cols = columns.map((c) => `"${c}"`).join(", ");
  switch (quirk) {
    case Quirk.Separators:
      return t(`${da} indeholder kun skilletegn og er sprunget over.`, `${en} ${count === 1 ? "holds" : "hold"} only separators and ${count === 1 ? "was" : "were"} skipped.`);
    case Quirk.Version:
      return t(`${da}: questionnaire_version er skrevet som et tal (fx af Excel) og er læst som version ${q.version}.`, `${en}: questionnaire_version is written as a number (e.g. by Excel) and was read as version ${q.version}.`);
    case Quirk.Date:
      return t(`${da}: submitted_at står i dansk datoformat og er læst som dansk dato og tid (uden tidszone).`, `${en}: submitted_at is in a Danish date format and was read as a Danish date and time (without time zone).`);
    case Quirk.DontKnow:
      return t(`${da}: "Ved ikke" er stavet anderledes end ved_ikke og er læst som "Ved ikke".`, `${en}: "Ved ikke" is spelled other than ved_ikke and was read as "don't know".`);
    case Quirk.Level:
      return t(`${da}: niveauet er skrevet med navn eller store bogstaver og er læst som niveauets id.`, `${en}: the level is written by its label or in capitals and was read as the level's id.`);
    case Quirk.Utf8Lines:
      return t(`${da}: teksten er UTF-8, resten af filen Windows-1252 (ældre dansk Excel); hver linje er læst i sit eget tegnsæt.`, `${en}: the text is UTF-8, the rest of the file Windows-1252 (older Danish Excel); each line was read in its own encoding.`);
    case Quirk.Windows1252Lines:
      return t(`${da}: teksten er Windows-1252 (ældre dansk Excel), resten af filen UTF-8; hver linje er læst i sit eget tegnsæt.`, `${en}: the text is Windows-1252 (older Danish Excel), the rest of the file UTF-8; each line was read in its own encoding.`);
    case Quirk.RMissing:
      return t(`${da}: NA (sådan skriver R's write.csv en manglende værdi) er læst som en tom celle.`, `${en}: NA (how R's write.csv writes a missing value) was read as an empty cell.`);
    case Quirk.Unnamed:
      return columns.length === 1
        ? t(`Kolonne nr. ${columns[0]} har intet navn og er sprunget over (fx R's rækkenavne eller et skilletegn for meget).`, `Column no. ${columns[0]} has no name and was skipped (R's row names, say, or one separator too many).`)
        : t(`Kolonnerne nr. ${columns.join(", ")} har intet navn og er sprunget over (fx R's rækkenavne eller et skilletegn for meget).`, `Columns no. ${columns.join(", ")} have no name and were skipped (R's row names, say, or one separator too many).`);
    case Quirk.MetaAfterItems:
      return columns.length === 1
        ? t(`Kolonnen ${cols} står efter spørgsmålene og er læst som metadata.`, `Column ${cols} comes after the items and was read as metadata.`)
        : t(`Kolonnerne ${cols} står efter spørgsmålene og er læst som metadata.`, `Columns ${cols} come after the items and were read as metadata.`);
  }
}
