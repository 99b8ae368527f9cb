import { Chalk, type ChalkInstance } from "chalk";
import type { Lang } from "../core/text.ts";

/** Everything a command may touch of the outside world, so tests can call commands as functions. */
export type Io = {
  cwd: string;
  lang: Lang;
  out: (text: string) => void;
  err: (text: string) => void;
  color: ChalkInstance;
  stdinIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Width to wrap prose to. */
  columns: number;
  env: Record<string, string | undefined>;
};

export function processIo(lang: Lang): Io {
  const useColor = !process.env.NO_COLOR && process.stdout.isTTY === true && process.env.TERM !== "dumb";
  return {
    cwd: process.cwd(),
    lang,
    out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
    color: new Chalk({ level: useColor ? 1 : 0 }),
    stdinIsTTY: process.stdin.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    columns: Math.min(process.stdout.columns ?? 80, 100),
    env: process.env,
  };
}

/** An Io that collects output in memory, for tests. */
export function memoryIo(cwd: string, lang: Lang = "da", env: Record<string, string | undefined> = {}) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: Io = {
    cwd,
    lang,
    out: (text) => stdout.push(text.endsWith("\n") ? text : `${text}\n`),
    err: (text) => stderr.push(text.endsWith("\n") ? text : `${text}\n`),
    color: new Chalk({ level: 0 }),
    stdinIsTTY: false,
    stderrIsTTY: false,
    columns: 80,
    env,
  };
  return { io, stdout: () => stdout.join(""), stderr: () => stderr.join("") };
}
