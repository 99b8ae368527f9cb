/** Starting the range workers: from dist/ the built .js file runs as it is; from src/ (tsx, vitest) tsx compiles it. */
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

const WORKER = new URL(`./range-worker${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`, import.meta.url);

function start(): Worker {
  if (!WORKER.pathname.endsWith(".ts")) return new Worker(WORKER);
  // Running from the sources: vitest transforms modules itself and a worker inherits no loader,
  // so the worker first registers tsx (a devDependency, present wherever src/ is run) and then
  // imports the TypeScript file.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm/api").replace(/index\.cjs$/, "index.mjs")).href;
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(WORKER.href)}); });`;
  return new Worker(code, { eval: true });
}

/** A worker started ahead, and the error it met while nobody listened. */
type Warm = { worker: Worker; error?: Error };
const warm: Warm[] = [];

/**
 * Starts `n` workers now, for the next `spawnRangeWorker` calls to take: a worker needs about a
 * quarter of a second to load its modules, which it spends while this thread checks the file's
 * encoding rather than after. Unused, they do not keep the process alive (unref), and the next
 * call tops the number up rather than adding to it.
 */
export function warmRangeWorkers(n: number): void {
  while (warm.length < n) {
    const entry: Warm = { worker: start() };
    entry.worker.on("error", (err) => (entry.error ??= err));
    entry.worker.unref();
    warm.push(entry);
  }
}

/** Ends the workers started ahead that were not taken (a file read in one thread after all). */
export async function coolRangeWorkers(): Promise<void> {
  await Promise.all(warm.splice(0).map(({ worker }) => worker.terminate()));
}

/** A worker, one started ahead if there is one; `onError` hears of its failure, also of one before now. */
export function spawnRangeWorker(onError: (err: Error) => void): Worker {
  const entry = warm.shift();
  if (!entry) {
    const worker = start();
    worker.on("error", onError);
    return worker;
  }
  entry.worker.ref();
  entry.worker.on("error", onError);
  if (entry.error) queueMicrotask(() => onError(entry.error!));
  return entry.worker;
}
