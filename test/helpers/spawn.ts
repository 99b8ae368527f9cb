import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "./paths.ts";

export const BIN = join(ROOT, "bin", "ledelsestjek.js");

export type Ran = { code: number | null; stdout: string; stderr: string };

/** Runs the built CLI (dist/) as a user would, with no terminal. */
export function cli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Ran {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same, without blocking, so several can run at once. */
export function cliAsync(args: string[], cwd: string): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
