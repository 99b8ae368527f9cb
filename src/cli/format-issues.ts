import { relative } from "node:path";
import type { LocatedIssue } from "../adapters/files/yaml-source.ts";
import { toDotPath } from "../core/issues.ts";
import type { Io } from "./io.ts";

/** `file:line:column path: message`, the form editors and CI logs turn into links. */
export function formatIssue(issue: LocatedIssue, io: Io): string {
  const file = relative(io.cwd, issue.file) || issue.file;
  const where = issue.position ? `${file}:${issue.position.line}:${issue.position.col}` : file;
  const path = issue.path.length > 0 ? ` ${toDotPath(issue.path)}` : "";
  const kind = issue.severity === "warning" ? (io.lang === "da" ? "advarsel: " : "warning: ") : "";
  const also = issue.relatedPosition
    ? io.lang === "da"
      ? ` (første gang på linje ${issue.relatedPosition.line})`
      : ` (first at line ${issue.relatedPosition.line})`
    : "";
  const text = `${where}${path}: ${kind}${issue.message[io.lang]}${also}`;
  return issue.severity === "warning" ? io.color.yellow(text) : io.color.red(text);
}
