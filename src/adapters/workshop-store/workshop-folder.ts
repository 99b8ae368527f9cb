import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { isNode, LineCounter, parseDocument, stringify } from "yaml";
import type { Path } from "../../core/issues.ts";
import type { Questionnaire } from "../../core/questionnaire/questionnaire.ts";
import { wideColumns } from "../../core/responses/responses.ts";
import { t, type Text } from "../../core/text.ts";
import { WorkshopConfig } from "../../core/workshop/folder.ts";
import { fromZodIssues } from "../../core/zod-issues.ts";
import { readIfExists, writeFileAtomic } from "../files/atomic-file.ts";
import { completeRowIds } from "./rows-file.ts";
import { csvLine } from "../csv/csv-write.ts";
import { contentHash, parseQuestionnaire, parseYamlData } from "../files/yaml-source.ts";

export const FILES = { config: "workshop.yaml", questionnaire: "skema.yaml", responses: "besvarelser.csv", progress: "fremdrift", access: "adgang.json", consensus: "konsensus.yaml", plan: "handleplan.csv", room: "rum.json", record: "visninger.json" } as const;

/** A problem in a workshop file, located as `file:line:column field: message` where the file allows it. */
export type FolderProblem = { file: string; line?: number; col?: number; field?: string; message: Text };
export class WorkshopFolderError extends Error {
  constructor(readonly problems: FolderProblem[]) {
    super(problems.map((p) => `${p.file}: ${p.message.en}`).join("\n"));
  }
}

export type Workshop = { dir: string; config: WorkshopConfig; questionnaire: Questionnaire; hash: string; responses: string; progressDir: string };

/** Writes a new workshop folder; the caller has checked that `dir` is empty or absent. */
export async function createWorkshopFolder(dir: string, config: WorkshopConfig, questionnaireText: string, q: Questionnaire): Promise<void> {
  await mkdir(join(dir, FILES.progress), { recursive: true });
  const header = "# ledelsestjek workshop (SPEC §6). skema.yaml must keep the hash below; edit it and every workshop command refuses the folder.\n";
  await writeFileAtomic(join(dir, FILES.config), header + stringify(config));
  await writeFileAtomic(join(dir, FILES.questionnaire), questionnaireText);
  // The header at once, so the file opens in a spreadsheet before anyone has answered.
  await writeFileAtomic(join(dir, FILES.responses), csvLine(wideColumns(q)));
}

export const located = (file: string, text: string, issues: { path: Path; message: Text }[]): FolderProblem[] => {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  return issues.map((issue) => {
    for (const p = [...issue.path]; ; p.pop()) {
      const node = doc.getIn(p, true);
      if (isNode(node) && node.range) {
        const pos = counter.linePos(node.range[0]);
        return { file, line: pos.line, col: pos.col, field: issue.path.join("."), message: issue.message };
      }
      if (p.length === 0) return { file, field: issue.path.join("."), message: issue.message };
    }
  });
};

/** `workshop.yaml` checked against its schema; every problem located. */
export function parseWorkshopConfig(text: string, file = FILES.config): WorkshopConfig {
  // The same hardened reading as questionnaires: grouped syntax errors, no custom tags, bounded and resolved aliases.
  const yaml = parseYamlData(text, file);
  if (!yaml.ok) {
    throw new WorkshopFolderError(yaml.issues.map((i) => ({ file, ...(i.position ? { line: i.position.line, col: i.position.col } : {}), message: i.message })));
  }
  const parsed = WorkshopConfig.safeParse(yaml.data);
  if (!parsed.success) throw new WorkshopFolderError(located(file, text, fromZodIssues(parsed.error.issues)));
  return parsed.data;
}

/** Opens a workshop: its config, and the frozen questionnaire only if it still has the recorded hash. */
export async function openWorkshop(dir: string): Promise<Workshop> {
  const configText = await readIfExists(join(dir, FILES.config));
  if (configText === undefined) throw new WorkshopFolderError([{ file: FILES.config, message: t("findes ikke — er mappen lavet med workshop new?", "does not exist — was the folder made with workshop new?") }]);
  const config = parseWorkshopConfig(configText);
  const skemaText = await readIfExists(join(dir, FILES.questionnaire));
  if (skemaText === undefined) throw new WorkshopFolderError([{ file: FILES.questionnaire, message: t("findes ikke", "does not exist") }]);
  const loaded = parseQuestionnaire(skemaText, FILES.questionnaire);
  if (!loaded.ok) {
    throw new WorkshopFolderError(loaded.issues.map((i) => ({ file: FILES.questionnaire, ...(i.position ? { line: i.position.line, col: i.position.col } : {}), field: i.path.join("."), message: i.message })));
  }
  const hash = contentHash(loaded.questionnaire);
  if (hash !== config.questionnaire.hash) {
    throw new WorkshopFolderError([{ file: FILES.questionnaire, message: t(
      `er ændret, siden workshoppen blev oprettet (fingeraftryk ${hash}, workshop.yaml siger ${config.questionnaire.hash}). Læg den oprindelige skema.yaml tilbage.`,
      `has changed since the workshop was made (fingerprint ${hash}, workshop.yaml says ${config.questionnaire.hash}). Put the original skema.yaml back.`,
    ) }]);
  }
  return { dir, config, questionnaire: loaded.questionnaire, hash, responses: join(dir, FILES.responses), progressDir: join(dir, FILES.progress) };
}

/** Respondent id and level of every complete row in besvarelser.csv (a row of another length than the header is no answer). */
export async function finishedRows(w: Workshop): Promise<{ respondent: string; level: string }[]> {
  const rows = await completeRowIds(w.responses);
  return rows.ids.map((id) => ({ respondent: id, level: rows.level(id) }));
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
};

/**
 * After a crash (SIGKILL, power loss): removes half-written temporary files and a lock whose owner
 * is gone, so the next append neither waits for a dead process nor leaves litter in the folder.
 */
export async function recoverFolder(w: Workshop): Promise<string[]> {
  const removed: string[] = [];
  for (const dir of [w.dir, w.progressDir]) {
    for (const name of await readdir(dir)) {
      if (name.startsWith(".") && name.endsWith(".tmp")) {
        await rm(join(dir, name), { force: true });
        removed.push(join(dir, name));
      }
    }
  }
  const lock = `${w.responses}.lock`;
  const owner = Number((await readIfExists(lock))?.trim());
  if ((await readIfExists(lock)) !== undefined && !(Number.isInteger(owner) && owner > 0 && alive(owner))) {
    await rm(lock, { force: true });
    removed.push(lock);
  }
  return removed;
}

type Access = { join: string; secret: string; screen: string };

/**
 * The join code, the facilitator's secret and the screen's token, kept in the folder (mode 600) so a
 * restart keeps the same addresses. A file from before the screen existed gets a screen token added.
 */
export async function loadAccess(w: Workshop, create: () => Access, valid: (access: Access) => boolean): Promise<Access> {
  const file = join(w.dir, FILES.access);
  const text = await readIfExists(file);
  if (text !== undefined) {
    let data: { join?: unknown; secret?: unknown; screen?: unknown } = {};
    try {
      data = JSON.parse(text) as typeof data;
    } catch {
      // fall through to the located problem
    }
    if (typeof data.join === "string" && typeof data.secret === "string") {
      // A hand-edited code could be short, guessable or a path; only codes of the generated shape are served.
      const access = { join: data.join, secret: data.secret, screen: typeof data.screen === "string" ? data.screen : create().screen };
      if (valid(access)) {
        if (data.screen === undefined) await writeAccess(file, access, false);
        return access;
      }
    }
    throw new WorkshopFolderError([{ file: FILES.access, message: t("er ødelagt; slet den, så laves nye adresser", "is broken; delete it to make new addresses") }]);
  }
  const access = create();
  await writeAccess(file, access, true);
  return access;
}

/** Written readable by the owner only from the first byte (a temporary file and rename when it replaces one). */
async function writeAccess(file: string, access: Access, fresh: boolean): Promise<void> {
  const text = `${JSON.stringify(access)}\n`;
  if (fresh) return writeFile(file, text, { mode: 0o600, flag: "wx" });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, text, { mode: 0o600, flag: "w" });
  await rename(tmp, file);
}

/** Sets (or removes) `deltagere:` in workshop.yaml, keeping the rest of the file and its comments. */
export async function saveHeadcount(w: Workshop, expected: Record<string, number> | undefined): Promise<void> {
  const file = join(w.dir, FILES.config);
  const doc = parseDocument((await readIfExists(file)) ?? "");
  if (expected) doc.set("deltagere", expected);
  else doc.delete("deltagere");
  const next = parseWorkshopConfig(doc.toString());
  await writeFileAtomic(file, doc.toString());
  w.config = next;
}
