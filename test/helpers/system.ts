import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The Debian package that brings each system program a test may need. */
const PACKAGES: Record<string, string> = {
  tmux: "tmux",
  pdfinfo: "poppler-utils",
  pdftoppm: "poppler-utils",
  pdftotext: "poppler-utils",
  pdffonts: "poppler-utils",
  chromium: "chromium",
  pspp: "pspp",
  Rscript: "r-base-core",
  sha256sum: "coreutils",
};

const found = new Map<string, boolean>();
const announced = new Set<string>();

export function hasProgram(program: string): boolean {
  let ok = found.get(program);
  if (ok === undefined) {
    try {
      execFileSync("sh", ["-c", `command -v ${program}`], { stdio: "ignore" });
      ok = true;
    } catch {
      ok = false;
    }
    found.set(program, ok);
  }
  return ok;
}

/**
 * True when any of `programs` is missing, after printing one line that names the Debian package
 * to install: use as `describe.skipIf(missing("tmux"))(…)`, so a machine with only Node stays
 * green and says what it skipped. CI (`.ci/run`) installs them all, so there nothing is skipped.
 */
export function missing(...programs: string[]): boolean {
  const absent = programs.filter((p) => !hasProgram(p));
  if (absent.length === 0) return false;
  const packages = [...new Set(absent.map((p) => PACKAGES[p] ?? p))];
  const line = `skipped: needs ${absent.join(", ")} — apt-get install ${packages.join(" ")}`;
  if (process.env.CI === "true" && process.env.LEDELSESTJEK_ALLOW_SKIP !== "1") {
    throw new Error(`CI must run every test: ${line}`);
  }
  if (!announced.has(line)) {
    announced.add(line);
    console.warn(line);
  }
  return true;
}

/** The Python 3 that has Debian's packages (pyenv's shim may not). */
export const PYTHON = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

/** Like `missing`, for a Python module that comes as a Debian package (e.g. pandas from python3-pandas). */
export function missingPythonModule(module: string, debianPackage: string): boolean {
  let ok = false;
  try {
    execFileSync(PYTHON, ["-c", `import ${module}`], { stdio: "ignore" });
    ok = true;
  } catch {
    ok = false;
  }
  if (ok) return false;
  const line = `skipped: needs the Python module ${module} — apt-get install ${debianPackage}`;
  if (process.env.CI === "true" && process.env.LEDELSESTJEK_ALLOW_SKIP !== "1") throw new Error(`CI must run every test: ${line}`);
  if (!announced.has(line)) {
    announced.add(line);
    console.warn(line);
  }
  return true;
}

/**
 * A 2 MB tmpfs under a new temporary folder, for "a full disk" (SPEC §6.1); unmount it with
 * `umount` after the tests. Mounting needs root, so elsewhere this says why the test skips and
 * gives undefined: use as `describe.skipIf(!disk)(…)`.
 */
export function smallDisk(prefix: string): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=2m", "tmpfs", dir], { stdio: "ignore" });
    return dir;
  } catch {
    console.warn("skipped: the full-disk test mounts a 2 MB tmpfs, which needs root (mount -t tmpfs)");
    return undefined;
  }
}
