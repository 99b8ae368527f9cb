import { spawn, type ChildProcess } from "node:child_process";

/**
 * A small helper process that outlives us by a moment: it is told which temporary and lock files
 * we have open, and removes whatever is still on its list when our IPC channel closes. That
 * channel closes however we end — normally, on an exception, or killed outright with SIGKILL,
 * when no code of ours can run — so a killed run leaves no `.tmp` or `.lock` behind. Files that
 * were renamed into place are off the list (and no longer exist under the temporary name).
 */
const WATCHDOG = `
const { readFileSync, rmSync } = require("node:fs");
const owner = process.argv[1];
const files = new Set();
process.on("message", (m) => { if (m[0] === "+") files.add(m.slice(1)); else files.delete(m.slice(1)); });
process.on("disconnect", () => {
  for (const f of files) {
    try {
      // A lock is removed only while it is still ours: another process may hold one of that name by now.
      if (f.endsWith(".lock") && readFileSync(f, "utf8").trim() !== owner) continue;
      rmSync(f, { force: true });
    } catch {}
  }
  process.exit(0);
});
`;

let child: ChildProcess | undefined;
let failed = false;

function watchdog(): ChildProcess | undefined {
  if (child || failed) return child;
  try {
    // Its own process group, so Ctrl-C in the terminal reaches only us (we clean up ourselves then).
    child = spawn(process.execPath, ["-e", WATCHDOG, String(process.pid)], { stdio: ["ignore", "ignore", "ignore", "ipc"], detached: true, windowsHide: true });
    child.on("error", () => {
      failed = true;
      child = undefined;
    });
    // Neither the process nor its channel may keep us alive.
    child.unref();
    child.channel?.unref();
  } catch {
    failed = true;
  }
  return child;
}

/** Starts the helper ahead of time, so it is listening before the first file is created. */
export const startCleanupHelper = (): void => void watchdog();

const tell = (message: string) => {
  const c = watchdog();
  if (c?.connected) c.send(message, () => undefined);
};

export const watchFile = (path: string): void => tell(`+${path}`);
export const unwatchFile = (path: string): void => {
  if (child?.connected) child.send(`-${path}`, () => undefined);
};
