import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { link, open, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, basename, join } from "node:path";
import { unwatchFile, watchFile } from "./cleanup-watchdog.ts";

/** Temporary files being written now; removed if the process is interrupted. */
const pending = new Set<string>();
const pendingLocks = new Set<string>();

/** True while a process with this id runs (signal 0 only asks). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Removes temporary files beside `path` left by a process that was killed outright (SIGKILL, a
 * power cut), which had no chance to clean up. The writer's process id is in the name, so a
 * file another running process is still writing is left alone.
 */
export function sweepStaleTemporaries(path: string): void {
  const pattern = new RegExp(`^\\.${escapeRegExp(basename(path))}\\.(\\d+)-[0-9a-f]{8}\\.tmp$`);
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(pattern.exec(name)?.[1]);
    if (pid && pid !== process.pid && !isAlive(pid)) rmSync(join(dirname(path), name), { force: true });
  }
}

export function temporaryPath(path: string): string {
  sweepStaleTemporaries(path);
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  pending.add(tmp);
  watchFile(tmp);
  return tmp;
}

export const settled = (tmp: string): void => {
  pending.delete(tmp);
  unwatchFile(tmp);
};

/** For a signal handler: removes half-written temporary files and our lock files, synchronously. */
export function removePendingFiles(): void {
  for (const file of [...pending, ...pendingLocks]) rmSync(file, { force: true });
  pending.clear();
  pendingLocks.clear();
}

/** Writes via a temporary file and a rename, so readers never see half a file. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = temporaryPath(path);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    // A failed write (a full disk) names no file: name the one the user asked for.
    throw Object.assign(err as NodeJS.ErrnoException, { path: (err as NodeJS.ErrnoException).path ?? path });
  } finally {
    settled(tmp);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` holding an exclusive lock file beside `path`. A lock older than `staleMs`
 * is taken to be left by a crashed process and broken.
 */
export async function withFileLock<T>(path: string, work: () => Promise<T>, { timeoutMs = 20_000, staleMs = 30_000 } = {}): Promise<T> {
  const lock = `${path}.lock`;
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    try {
      await createLock(lock);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const age = await stat(lock).then((s) => Date.now() - s.mtimeMs, () => 0);
      if (age > staleMs || lockOwnerIsGone(lock)) await rm(lock, { force: true });
      else if (Date.now() > deadline) throw Object.assign(new Error(`Timed out waiting for lock ${lock}`), { code: "ELOCKED", path: lock });
      else await sleep(Math.min(5 + attempt * 5, 100) + Math.random() * 10);
    }
  }
  try {
    return await work();
  } finally {
    await rm(lock, { force: true });
    pendingLocks.delete(lock);
    unwatchFile(lock);
  }
}

/**
 * Creates the lock with its owner's process id already in it: written to a temporary file, then
 * hard-linked into place, which fails if the lock exists. A lock is then never empty — not even
 * when we are killed between creating and writing it — so the next run can always tell whose it
 * is. Drives without hard links (some USB sticks and network shares) get open("wx") and a write.
 */
async function createLock(lock: string): Promise<void> {
  // Registered before it exists, so the cleanup helper knows of it even if we die right after.
  watchFile(lock);
  pendingLocks.add(lock);
  const staged = temporaryPath(lock);
  try {
    await writeFile(staged, String(process.pid));
    await link(staged, lock).catch(async (err: NodeJS.ErrnoException) => {
      if (!["EPERM", "ENOTSUP", "EXDEV", "ENOSYS"].includes(err.code ?? "")) throw err;
      const handle = await open(lock, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
    });
  } catch (err) {
    // Not ours (someone else holds it): never remove it on our way out.
    pendingLocks.delete(lock);
    unwatchFile(lock);
    throw err;
  } finally {
    await rm(staged, { force: true });
    settled(staged);
  }
}

/** A lock whose writer (its process id is the content) no longer runs was left by a killed process. */
function lockOwnerIsGone(lock: string): boolean {
  let text: string;
  try {
    text = readFileSync(lock, "utf8");
  } catch {
    return false;
  }
  const pid = Number(text.trim());
  // An empty lock is one being created right now (open, then write): not gone.
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isAlive(pid);
}

/** A file's text, or undefined when there is no such file. */
export async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
}

/** The file a temporary name of `writeFileAtomic`'s stands for (".x.csv.123-ab12cd34.tmp" → "x.csv"), else the path itself: errors name the file the user asked for. */
export function shownTarget(path: string): string {
  const m = /^\.(.+)\.\d+-[0-9a-f]{8}\.tmp$/.exec(basename(path));
  return m ? join(dirname(path), m[1]!) : path;
}
