import type { Text } from "../core/text.ts";

/** 70 is EX_SOFTWARE (sysexits.h): kept for real bugs only. */
export const EXIT = { ok: 0, invalid: 1, usage: 2, bug: 70, cancelled: 130, terminated: 143 } as const;

/** A problem with the user's input or call: printed without a stack trace, then exit with its code. */
export class UserError extends Error {
  constructor(
    readonly exitCode: 1 | 2,
    readonly text: Text,
  ) {
    super(text.en);
    this.name = "UserError";
  }
}

/** The user stopped an interactive run (Ctrl-C); what was saved is said in `text`. */
export class CancelledError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
    this.name = "CancelledError";
  }
}
