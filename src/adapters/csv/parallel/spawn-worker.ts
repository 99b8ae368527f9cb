/** Starting the range workers: from dist/ the built .js file runs as it is; from src/ (tsx, vitest) tsx compiles it. */
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

const WORKER = new URL(`./range-worker${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`, import.meta.url);

export function spawnRangeWorker(): Worker {
  if (!WORKER.pathname.endsWith(".ts")) return new Worker(WORKER);
  // Running from the sources: vitest transforms modules itself and a worker inherits no loader,
  // so the worker first registers tsx (a devDependency, present wherever src/ is run) and then
  // imports the TypeScript file.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm/api").replace(/index\.cjs$/, "index.mjs")).href;
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(WORKER.href)}); });`;
  return new Worker(code, { eval: true });
}
