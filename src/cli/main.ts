#!/usr/bin/env node
import { CommanderError } from "commander";
import { removePendingFiles } from "../adapters/atomic-file.ts";
import type { Lang } from "../core/text.ts";
import { CancelledError, EXIT, UserError } from "./errors.ts";
import { processIo } from "./io.ts";
import { buildProgram, usageMessage } from "./program.ts";

/** Reads --lang before commander so that help and errors are written in the right language. */
export function detectLang(argv: readonly string[]): Lang {
  const i = argv.findIndex((arg) => arg === "--lang" || arg.startsWith("--lang="));
  const value = i < 0 ? undefined : argv[i]!.includes("=") ? argv[i]!.split("=")[1] : argv[i + 1];
  return value === "en" ? "en" : "da";
}

const isPromptExit = (err: unknown) => err instanceof Error && (err.name === "ExitPromptError" || err.name === "AbortPromptError");

/** The only place that decides the process's exit code. */
export async function main(argv: string[]): Promise<void> {
  const lang = detectLang(argv);
  const io = processIo(lang);
  let code: number = EXIT.ok;
  // Ctrl-C outside a prompt (a long score or report): leave no half-written files, exit 130.
  // Inside a prompt the terminal is in raw mode, so inquirer sees Ctrl-C as a key instead.
  const interrupted = () => {
    removePendingFiles();
    io.err(lang === "da" ? "\nAfbrudt; intet er skrevet." : "\nCancelled; nothing was written.");
    process.exit(EXIT.cancelled);
  };
  // `ledelsestjek show | head` closes the pipe early; that is not an error.
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(0);
    throw err;
  });
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  const program = buildProgram(io, async (action) => {
    code = await action();
  });
  try {
    await program.parseAsync(argv);
  } catch (err) {
    code = handle(err, io, lang);
  }
  process.exitCode = code;
}

function handle(err: unknown, io: ReturnType<typeof processIo>, lang: Lang): number {
  if (err instanceof CommanderError) {
    if (err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.code === "commander.help") return EXIT.ok;
    io.err(`${lang === "da" ? "fejl" : "error"}: ${usageMessage(err, lang)}`);
    return EXIT.usage;
  }
  if (err instanceof UserError) {
    io.err(err.text[lang]);
    return err.exitCode;
  }
  if (err instanceof CancelledError) {
    io.err(err.text[lang]);
    return EXIT.cancelled;
  }
  if (isPromptExit(err)) {
    io.err(lang === "da" ? "Afbrudt." : "Cancelled.");
    return EXIT.cancelled;
  }
  const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
  io.err(`${lang === "da" ? "Intern fejl — dette er en fejl i ledelsestjek, ikke i dine data" : "Internal error — this is a bug in ledelsestjek, not in your data"}:\n${detail}`);
  return 70;
}

// Run directly under tsx (npm run dev); bin/ledelsestjek.js imports main() from dist.
if (import.meta.url === `file://${process.argv[1]}`) await main(process.argv);
