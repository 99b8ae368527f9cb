import { isNode, LineCounter, parseDocument, type Document } from "yaml";
import type { Issue, Path } from "../../core/issues.ts";
import { questionnaireSha256 } from "./provenance.ts";
import type { Questionnaire } from "../../core/questionnaire/questionnaire.ts";
import { t, type Text } from "../../core/text.ts";
import { validateQuestionnaire } from "../../core/questionnaire/validate.ts";

export type Position = { line: number; col: number };
export type LocatedIssue = Issue & { file: string; position?: Position; relatedPosition?: Position };

export type LoadedQuestionnaire =
  | { ok: true; file: string; questionnaire: Questionnaire; hash: string; warnings: LocatedIssue[] }
  | { ok: false; file: string; issues: LocatedIssue[] };

/** The nearest existing node for a path: a missing field is reported where its parent starts. */
function locator(doc: Document, counter: LineCounter) {
  return (path: Path): Position | undefined => {
    for (const p = [...path]; ; p.pop()) {
      const node = doc.getIn(p, true);
      if (isNode(node) && node.range) return counter.linePos(node.range[0]);
      // A map key such as `scale.labels.7` is a Pair; fall back to its key.
      const parent = p.length > 0 ? doc.getIn(p.slice(0, -1), true) : undefined;
      if (p.length > 0 && parent && typeof parent === "object" && "items" in parent) {
        const pair = (parent.items as { key?: unknown }[]).find((item) => isNode(item.key) && String((item.key as { value?: unknown }).value) === String(p[p.length - 1]));
        if (pair && isNode(pair.key) && pair.key.range) return counter.linePos(pair.key.range[0]);
      }
      if (p.length === 0) return undefined;
    }
  };
}

/** A short fingerprint of the questionnaire's content, so results can be tied to the exact version used. */
export const contentHash = (q: Questionnaire): string => questionnaireSha256(q).slice(0, 12);

/**
 * YAML bytes as text: UTF-8, or UTF-16 with its byte-order mark (YAML allows both; Notepad and
 * Excel save "Unicode" as UTF-16). A UTF-8 BOM is removed by the parser.
 */
export function decodeYamlBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  return new TextDecoder("utf-8").decode(bytes);
}

/** Aliases a document may expand; a "billion laughs" file needs far more and is refused in bounded time. */
export const MAX_ALIAS_COUNT = 100;

/** Danish words for yaml's error codes; others keep the library's English text after a Danish lead. */
const YAML_MESSAGES: Record<string, { da: string; en: string }> = {
  TAB_AS_INDENT: t("tabulator brugt som indrykning; YAML kræver mellemrum — erstat tabulatorerne med mellemrum", "tab used as indentation; YAML needs spaces — replace the tabs with spaces"),
  DUPLICATE_KEY: t("feltet står to gange i samme afsnit; fjern det ene", "the key appears twice in the same section; remove one"),
  MULTIPLE_DOCS: t("filen indeholder flere dokumenter (---); et spørgeskema er ét dokument", "the file holds several documents (---); a questionnaire is one document"),
  RESOURCE_EXHAUSTION: t("filen er for dybt indlejret eller for stor til at blive læst sikkert", "the file is nested too deeply or too large to be read safely"),
  BAD_INDENT: t("forkert indrykning; linjer i samme afsnit skal starte i samme kolonne", "bad indentation; lines of one section must start in the same column"),
  BLOCK_AS_IMPLICIT_KEY: t(
    "en nøgle står, hvor der ikke må være en — to kolon på én linje (fx a: b: c) eller en linje indrykket under en værdi; giv hver nøgle sin egen linje, indrykket som dens naboer",
    "a key stands where none may be — two colons on one line (e.g. a: b: c) or a line indented under a value; give each key its own line, indented as its neighbours",
  ),
  MULTILINE_IMPLICIT_KEY: t("en nøgle skal stå på én linje; se efter forkert indrykning i linjen over", "a key must stand on one line; look for a wrong indentation in the line above"),
  UNEXPECTED_TOKEN: t("uventet indhold her — typisk en linje med forkert indrykning, eller en liste (-) og nøgler blandet på samme niveau", "unexpected content here — usually a line with a wrong indentation, or a list (-) and keys mixed at one level"),
  BAD_DQ_ESCAPE: t("ugyldig \\-kombination i en tekst i dobbelte anførselstegn; skriv \\\\ for en omvendt skråstreg, eller brug enkelte anførselstegn", "invalid \\ sequence in a double-quoted text; write \\\\ for a backslash, or use single quotes"),
  BAD_SCALAR_START: t("en værdi uden anførselstegn må ikke begynde med dette tegn; sæt værdien i anførselstegn", "a value without quotes may not start with this character; put the value in quotes"),
};

function yamlWords(code: string, english: string): Text {
  if (code === "BAD_INDENT" && /^Flow sequence/.test(english)) {
    return t("en liste, der begynder med [, lukkes ikke med ] (eller er ikke indrykket nok)", "a list that starts with [ is not closed with ] (or not indented enough)");
  }
  if (code === "BAD_INDENT" && /^Flow map/.test(english)) {
    return t("en samling, der begynder med {, lukkes ikke med } (eller er ikke indrykket nok)", "a mapping that starts with { is not closed with } (or not indented enough)");
  }
  const quote = /^Missing closing (["'])/.exec(english)?.[1];
  if (code === "MISSING_CHAR" && quote) {
    return t(`et anførselstegn (${quote}) åbner en tekst, der aldrig lukkes; tilføj det afsluttende ${quote}`, `a quote (${quote}) opens a text that is never closed; add the closing ${quote}`);
  }
  if (code === "MISSING_CHAR" && /followed by map values/.test(english)) {
    return t("en nøgle mangler sit kolon og sin værdi (skriv nøgle: værdi)", "a key lacks its colon and value (write key: value)");
  }
  return YAML_MESSAGES[code] ?? t(english, english);
}

type DataResult = { ok: true; data: unknown; doc: Document; counter: LineCounter } | { ok: false; issues: LocatedIssue[] };

/**
 * YAML text to plain data, or located issues in plain words: syntax errors (grouped by kind, so a
 * tab on three lines is one message, not three), custom tags such as `!!js/function` (never run,
 * refused), alias bombs (bounded by MAX_ALIAS_COUNT) and an empty file. Shared by questionnaires
 * and answers files.
 */
export function parseYamlData(text: string, file: string): DataResult {
  const counter = new LineCounter();
  const issue = (message: Text, offset?: number): LocatedIssue => {
    const pos = offset === undefined ? undefined : counter.linePos(offset);
    return { code: "yaml_syntax", severity: "error", path: [], message, file, ...(pos ? { position: { line: pos.line, col: pos.col } } : {}) };
  };
  const source = text.replace(/^\uFEFF/, "");
  let doc: Document;
  try {
    doc = parseDocument(source, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  } catch {
    return { ok: false, issues: [issue(YAML_MESSAGES.RESOURCE_EXHAUSTION!)] };
  }
  if (doc.errors.length > 0) {
    const byCode = new Map<string, number[]>();
    for (const err of doc.errors) byCode.set(err.code, [...(byCode.get(err.code) ?? []), err.pos[0]]);
    return {
      ok: false,
      issues: [...byCode].map(([code, offsets]) => {
        const first = doc.errors.find((e) => e.code === code)!;
        const lines = [...new Set(offsets.map((o) => counter.linePos(o).line))];
        const also = lines.length > 1 ? t(` (også linje ${lines.slice(1).join(", ")})`, ` (also line ${lines.slice(1).join(", ")})`) : t("", "");
        const words = yamlWords(code, first.message.split("\n")[0]!);
        return issue(t(`YAML-fejl: ${words.da}${also.da}`, `YAML error: ${words.en}${also.en}`), offsets[0]);
      }),
    };
  }
  const tag = doc.warnings.find((w) => w.code === "TAG_RESOLVE_FAILED");
  if (tag) {
    const name = tag.message.replace(/^Unresolved tag: /, "").split("\n")[0]!.replace(/^tag:yaml.org,2002:/, "!!");
    return { ok: false, issues: [issue(t(
      `YAML-tagget ${name} kendes ikke; filen må kun indeholde almindelige tekster, tal og lister — fjern tagget`,
      `the YAML tag ${name} is not known; the file may hold only plain text, numbers and lists — remove the tag`,
    ), tag.pos[0])] };
  }
  if (doc.contents === null) {
    return { ok: false, issues: [issue(t("filen er tom (eller indeholder kun kommentarer)", "the file is empty (or holds only comments)"))] };
  }
  try {
    return { ok: true, data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), doc, counter };
  } catch (err) {
    const unresolved = /^Unresolved alias.*: (.*)$/.exec(err instanceof Error ? err.message : "")?.[1];
    if (unresolved !== undefined) {
      const at = source.indexOf(`*${unresolved}`);
      return { ok: false, issues: [issue(t(
        `aliaset *${unresolved} henviser til et anker (&${unresolved}), der ikke er sat før det; skriv værdien ud, eller sæt ankeret først`,
        `the alias *${unresolved} refers to an anchor (&${unresolved}) not set before it; write the value out, or set the anchor first`,
      ), at >= 0 ? at : undefined)] };
    }
    return { ok: false, issues: [issue(t(
      `filen bruger aliaser (*navn) mere end ${MAX_ALIAS_COUNT} gange, så den ville fylde uforholdsmæssigt meget; skriv værdierne ud`,
      `the file uses aliases (*name) more than ${MAX_ALIAS_COUNT} times, so it would grow out of all proportion; write the values out`,
    ))] };
  }
}

/** Parses and validates questionnaire text; every issue comes back located in the file. */
export function parseQuestionnaire(text: string, file: string): LoadedQuestionnaire {
  const parsed = parseYamlData(text, file);
  if (!parsed.ok) return { ok: false, file, issues: parsed.issues };
  const locate = locator(parsed.doc, parsed.counter);
  const place = (issue: Issue): LocatedIssue => {
    const position = locate(issue.path);
    const relatedPosition = issue.related ? locate(issue.related) : undefined;
    return { ...issue, file, ...(position ? { position } : {}), ...(relatedPosition ? { relatedPosition } : {}) };
  };
  const result = validateQuestionnaire(parsed.data);
  if (!result.ok) return { ok: false, file, issues: sortByPosition(result.issues.map(place)) };
  return { ok: true, file, questionnaire: result.value, hash: contentHash(result.value), warnings: result.warnings.map(place) };
}

const sortByPosition = (issues: LocatedIssue[]): LocatedIssue[] =>
  [...issues].sort((a, b) => (a.position?.line ?? 0) - (b.position?.line ?? 0) || (a.position?.col ?? 0) - (b.position?.col ?? 0));
