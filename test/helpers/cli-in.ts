import { expect } from "vitest";
import { memoryIo } from "../../src/cli/io.ts";
import { execute } from "../../src/cli/main.ts";

/** Runs the CLI in-process as `ledelsestjek …args` in `dir`; returns exit code and what it printed. */
export async function cliIn(dir: string, args: string[], lang: "da" | "en" = "da") {
  const { io, stdout, stderr } = memoryIo(dir, lang);
  const code = await execute(["node", "ledelsestjek", ...args], io);
  return { code, stdout: stdout(), stderr: stderr() };
}

/** No stack trace, no library class name: what a user sees is a sentence. */
export const noTrace = (text: string) => {
  expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(text).not.toMatch(/\b(Type|Reference|Range|Syntax)?Error: /);
  expect(text).not.toContain("Intern fejl");
};
