import { randomBytes } from "node:crypto";
import { open, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, basename, join } from "node:path";

/** Writes via a temporary file and a rename, so readers never see half a file. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
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
      const handle = await open(lock, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const age = await stat(lock).then((s) => Date.now() - s.mtimeMs, () => 0);
      if (age > staleMs) await rm(lock, { force: true });
      else if (Date.now() > deadline) throw new Error(`Timed out waiting for lock ${lock}`);
      else await sleep(Math.min(5 + attempt * 5, 100) + Math.random() * 10);
    }
  }
  try {
    return await work();
  } finally {
    await rm(lock, { force: true });
  }
}
