// Room adapters/workshop-store/ — the workshop folder's files: workshop.yaml, konsensus.yaml and handleplan.csv, rum.json, round files and fremdrift/.
import { join } from "node:path";
import { LineCounter, parseDocument, stringify } from "yaml";
import { t } from "../../core/text.ts";
import { Consensus, consensusProblems, ordered, PLAN_COLUMNS, planRows } from "../../core/workshop/consensus.ts";
import { fromZodIssues } from "../../core/zod-issues.ts";
import type { Questionnaire } from "../../core/questionnaire/questionnaire.ts";
import { readIfExists, withFileLock, writeFileAtomic } from "../files/atomic-file.ts";
import { csvLine, defuse } from "../csv/csv-write.ts";
import { FILES, located, WorkshopFolderError, type Workshop } from "./workshop-folder.ts";

/**
 * `konsensus.yaml`, or the YAML/JSON given to `workshop agree`: every problem located by file,
 * line and field (JSON is read by the YAML parser, which keeps its line numbers).
 */
export function parseConsensus(text: string, file: string, q: Questionnaire): Consensus {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new WorkshopFolderError(doc.errors.map((err) => {
      const pos = counter.linePos(err.pos[0]);
      const detail = err.message.split("\n")[0] ?? err.message;
      return { file, line: pos.line, col: pos.col, message: t(`YAML/JSON-syntaksfejl: ${detail}`, `YAML/JSON syntax error: ${detail}`) };
    }));
  }
  const data: unknown = doc.toJS() ?? {};
  const parsed = Consensus.safeParse(data);
  // An unknown field is located at the field itself, not at the mapping that holds it.
  const issues = parsed.success ? [] : parsed.error.issues.map((i) => (i.code === "unrecognized_keys" ? { ...i, path: [...i.path, i.keys[0]!] } : i));
  if (!parsed.success) throw new WorkshopFolderError(located(file, text, fromZodIssues(issues)));
  const problems = consensusProblems(q, parsed.data);
  if (problems.length > 0) throw new WorkshopFolderError(located(file, text, problems));
  return parsed.data;
}

/** The workshop's consensus so far; an absent file is an empty one (nothing agreed yet). */
export async function loadConsensus(w: Workshop): Promise<Consensus> {
  const text = await readIfExists(join(w.dir, FILES.consensus));
  return text === undefined ? { elements: {} } : parseConsensus(text, FILES.consensus, w.questionnaire);
}

const HEADER = "# Konsensus fra workshoppen (SPEC §6). Redigér gerne; workshop report og export læser filen igen.\n";

/**
 * Reads, changes and writes konsensus.yaml and handleplan.csv under one lock, each file through
 * a temporary file and a rename: the server and `workshop agree` may both write, and a reader
 * never sees half a file. The plan is derived from the consensus, so it is rewritten with it.
 */
export async function updateConsensus(w: Workshop, change: (c: Consensus) => Consensus): Promise<Consensus> {
  const file = join(w.dir, FILES.consensus);
  return withFileLock(file, async () => {
    const next = ordered(w.questionnaire, change(await loadConsensus(w)));
    await writeFileAtomic(file, HEADER + stringify(next, { lineWidth: 0 }));
    await writeFileAtomic(join(w.dir, FILES.plan), planCsv(w.questionnaire, next, ","));
    return next;
  });
}

/** handleplan.csv: formula-safe cells (a "=" or "+" in an action must not run in a spreadsheet). */
export const planCsv = (q: Questionnaire, c: Consensus, delimiter: string, bom = false): string =>
  (bom ? "\uFEFF" : "") + [PLAN_COLUMNS, ...planRows(q, c).map((row) => row.map(defuse))].map((row) => csvLine(row, delimiter)).join("");

/** After a crash between the two renames of a consensus save: handleplan.csv rebuilt from konsensus.yaml if they differ. */
export async function rebuildPlan(w: Workshop): Promise<boolean> {
  const file = join(w.dir, FILES.consensus);
  if ((await readIfExists(file)) === undefined && (await readIfExists(join(w.dir, FILES.plan))) === undefined) return false;
  return withFileLock(file, async () => {
    const plan = planCsv(w.questionnaire, await loadConsensus(w), ",");
    if ((await readIfExists(join(w.dir, FILES.plan))) === plan) return false;
    await writeFileAtomic(join(w.dir, FILES.plan), plan);
    return true;
  });
}
