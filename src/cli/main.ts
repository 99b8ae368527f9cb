#!/usr/bin/env node
import { CommanderError } from "commander";
import { removePendingFiles } from "../adapters/files/atomic-file.ts";
import { startCleanupHelper } from "../adapters/files/cleanup-watchdog.ts";
import { fileErrorReason } from "../adapters/files/file-check.ts";
import { holdSignal } from "../adapters/files/last-writes.ts";
import { shownTarget } from "../adapters/files/atomic-file.ts";
import { t, type Lang } from "../core/text.ts";
import { CancelledError, EXIT, UserError } from "./errors.ts";
import { processIo, type Io } from "./io.ts";
import { usageMessage } from "./help-text.ts";
import { buildProgram } from "./program.ts";

/** Reads --lang before commander so that help and errors are written in the right language. */
export function detectLang(argv: readonly string[]): Lang {
  const i = argv.findIndex((arg) => arg === "--lang" || arg.startsWith("--lang="));
  const value = i < 0 ? undefined : argv[i]!.includes("=") ? argv[i]!.split("=")[1] : argv[i + 1];
  return value === "en" ? "en" : "da";
}

/** `--debug` shows stack traces; read before commander, so even a failure while parsing can show one. */
export const wantsDebug = (argv: readonly string[]): boolean => argv.includes("--debug");

/** Where a bug is reported; printed with exit 70 so a user knows what to do with it. */
export const REPORT_BUG = t(
  "Meld fejlen til dem, der vedligeholder ledelsestjek (se SECURITY.md og README), med kommandoen, du kørte, og uddata fra den samme kommando med --debug.",
  "Report it to the maintainers of ledelsestjek (see SECURITY.md and the README) with the command you ran and the output of the same command with --debug.",
);

const isPromptExit = (err: unknown) => err instanceof Error && (err.name === "ExitPromptError" || err.name === "AbortPromptError");

/** The only place that decides the process's exit code. */
export async function main(argv: string[]): Promise<void> {
  const lang = detectLang(argv);
  const io = processIo(lang);
  // Ctrl-C outside a prompt (a long score or report): leave no half-written files, exit 130; a
  // SIGTERM (a scheduler stopping the job) the same, with the shell's code for it, 143.
  // Inside a prompt the terminal is in raw mode, so inquirer sees Ctrl-C as a key instead.
  const interrupted = (signal: NodeJS.Signals) => {
    const code = signal === "SIGTERM" ? EXIT.terminated : EXIT.cancelled;
    // During a command's last writes the signal waits for them (last-writes.ts), so what is written stays whole.
    const held = holdSignal((finished) => {
      removePendingFiles();
      io.err(finished
        ? (lang === "da" ? "\nAfbrudt, efter at uddata var skrevet færdig." : "\nCancelled after the output was written in full.")
        : (lang === "da" ? "\nAfbrudt." : "\nCancelled."));
      process.exit(code);
    });
    if (held) return;
    removePendingFiles();
    io.err(lang === "da" ? "\nAfbrudt; intet er skrevet." : "\nCancelled; nothing was written.");
    process.exit(code);
  };
  // `ledelsestjek show | head` closes the pipe early; that is not an error. Output sent to a full
  // drive (`> /dev/full`) is the user's to fix, in words like any other file's.
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(0);
    removePendingFiles();
    const reason = fileErrorReason(err);
    io.err(`${lang === "da" ? "standardoutput" : "standard output"}: ${reason ? reason[lang] : err.message}`);
    process.exit(EXIT.invalid);
  });
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  // For SIGKILL, which no handler sees: a helper removes our temporary and lock files (cleanup-watchdog.ts).
  if (/^(run|score|report|convert|merge|gaps|workshop)$/.test(argv.slice(2).find((a) => !a.startsWith("-")) ?? "")) startCleanupHelper();
  process.exitCode = await execute(argv, io);
}

/** Parses `argv`, runs the command and turns every outcome into an exit code; tests call it with a memory Io. */
export async function execute(argv: string[], io: Io): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(io, async (action) => {
    code = await action();
  });
  try {
    // No command at all: a first-time user gets the help, not silence.
    if (argv.slice(2).filter((arg, i, all) => arg !== "--debug" && !arg.startsWith("--lang") && all[i - 1] !== "--lang").length === 0) {
      program.outputHelp();
      return EXIT.ok;
    }
    await program.parseAsync(argv);
  } catch (err) {
    // Whatever went wrong, leave no half-written temporary file or lock of ours behind.
    removePendingFiles();
    code = handle(err, io, io.lang, wantsDebug(argv));
  }
  return code;
}

export function handle(err: unknown, io: Io, lang: Lang, debug: boolean): number {
  const trace = () => {
    if (debug && err instanceof Error && err.stack) io.err(err.stack);
  };
  if (err instanceof CommanderError) {
    if (err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.code === "commander.help") return EXIT.ok;
    io.err(`${lang === "da" ? "fejl" : "error"}: ${usageMessage(err, lang)}`);
    return EXIT.usage;
  }
  if (err instanceof UserError) {
    io.err(err.text[lang]);
    trace();
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
  // A file problem the commands did not foresee (a drive filling up, a file locked by Excel) is
  // still the user's to fix, not a bug: say which file and why, exit 1.
  const fsReason = err instanceof Error && "code" in err ? fileErrorReason(err as NodeJS.ErrnoException) : undefined;
  if (fsReason) {
    const path = (err as NodeJS.ErrnoException).path && shownTarget((err as NodeJS.ErrnoException).path!);
    io.err(path ? `${path}: ${fsReason[lang]}` : fsReason[lang]);
    trace();
    return EXIT.invalid;
  }
  const summary = err instanceof Error ? `${err.name}: ${err.message.split("\n")[0]}` : String(err);
  io.err(lang === "da"
    ? `Intern fejl — dette er en fejl i ledelsestjek, ikke i dine data: ${summary}`
    : `Internal error — this is a bug in ledelsestjek, not in your data: ${summary}`);
  if (debug) trace();
  io.err(REPORT_BUG[lang]);
  return EXIT.bug;
}

// Run directly under tsx (npm run dev); bin/ledelsestjek.js imports main() from dist.
if (import.meta.url === `file://${process.argv[1]}`) await main(process.argv);
