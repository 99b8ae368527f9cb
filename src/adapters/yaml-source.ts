import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { isNode, LineCounter, parseDocument, type Document } from "yaml";
import type { Issue, Path } from "../core/issues.ts";
import type { Questionnaire } from "../core/questionnaire.ts";
import { t } from "../core/text.ts";
import { validateQuestionnaire } from "../core/validate.ts";

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
export const contentHash = (q: Questionnaire): string =>
  createHash("sha256").update(JSON.stringify(q)).digest("hex").slice(0, 12);

/** Parses and validates questionnaire text; every issue comes back located in the file. */
export function parseQuestionnaire(text: string, file: string): LoadedQuestionnaire {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      file,
      issues: doc.errors.map((err) => {
        const pos = counter.linePos(err.pos[0]);
        const detail = err.message.split("\n")[0] ?? err.message;
        return {
          code: "yaml_syntax",
          severity: "error" as const,
          path: [],
          message: t(`YAML-syntaksfejl: ${detail}`, `YAML syntax error: ${detail}`),
          file,
          ...(pos ? { position: { line: pos.line, col: pos.col } } : {}),
        };
      }),
    };
  }
  const locate = locator(doc, counter);
  const place = (issue: Issue): LocatedIssue => {
    const position = locate(issue.path);
    const relatedPosition = issue.related ? locate(issue.related) : undefined;
    return { ...issue, file, ...(position ? { position } : {}), ...(relatedPosition ? { relatedPosition } : {}) };
  };
  const result = validateQuestionnaire(doc.toJS());
  if (!result.ok) return { ok: false, file, issues: sortByPosition(result.issues.map(place)) };
  return { ok: true, file, questionnaire: result.value, hash: contentHash(result.value), warnings: result.warnings.map(place) };
}

const sortByPosition = (issues: LocatedIssue[]): LocatedIssue[] =>
  [...issues].sort((a, b) => (a.position?.line ?? 0) - (b.position?.line ?? 0) || (a.position?.col ?? 0) - (b.position?.col ?? 0));

export async function loadQuestionnaireFile(file: string): Promise<LoadedQuestionnaire> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === "ENOENT" ? t("filen findes ikke", "file not found") : t(`kan ikke læses (${(err as Error).message})`, `cannot be read (${(err as Error).message})`);
    return { ok: false, file, issues: [{ code: "file_unreadable", severity: "error", path: [], message: reason, file }] };
  }
  return parseQuestionnaire(text, file);
}
