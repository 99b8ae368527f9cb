import { memoryIo } from "../../src/cli/io.ts";

/** A memory Io that claims to be a terminal, for the interactive flow under @inquirer/testing. */
export function terminalIo(cwd: string, lang: "da" | "en" = "da") {
  const mem = memoryIo(cwd, lang);
  mem.io.stdinIsTTY = true;
  return mem;
}

export const fixedClock = () => new Date("2026-03-02T09:30:00+01:00");
