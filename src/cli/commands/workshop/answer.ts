import { normaliseRows } from "../../../adapters/workshop-store/rows-file.ts";
import { randomBytes } from "node:crypto";
import { join, relative } from "node:path";
import { FILES } from "../../../adapters/workshop-store/workshop-folder.ts";
import { t } from "../../../core/text.ts";
import { CancelledError, UserError } from "../../errors.ts";
import type { Io } from "../../io.ts";
import { run, type RunDeps } from "../run.ts";
import { openOrFail } from "./open.ts";

export type AnswerOptions = { dir: string };

/** Clears the screen and the scrollback, so the next person cannot scroll up to the last one's answers. */
const CLEAR = "\x1b[2J\x1b[3J\x1b[H";
const isPromptExit = (err: unknown) => err instanceof Error && (err.name === "ExitPromptError" || err.name === "AbortPromptError");

/**
 * Participants take turns at this machine: `run`'s flow into the workshop's besvarelser.csv, each with a
 * fresh pseudonym, and a "pass the computer on" screen that wipes the last person's result in between.
 */
export async function workshopAnswer(options: AnswerOptions, io: Io, deps: RunDeps = {}): Promise<number> {
  const w = await openOrFail(options.dir, io);
  if (!io.stdinIsTTY) {
    throw new UserError(2, t("workshop answer kræver en terminal. Uden terminal: brug run --answers.", "workshop answer needs a terminal. Without one: use run --answers."));
  }
  const { waitForEnter } = await import("../../../adapters/terminal/prompts.ts");
  const da = io.lang === "da";
  const newId = deps.newRespondentId ?? (() => `t-${randomBytes(6).toString("hex")}`);
  const shown = relative(io.cwd, w.responses) || w.responses;
  let done = 0;
  const ended = (extra = "") => new CancelledError(t(
    `\nRunden er slut: ${done} besvarelse(r) gemt i ${shown}.${extra}`,
    `\nThe round has ended: ${done} response(s) saved in ${shown}.${extra}`,
  ));
  for (;;) {
    const respondent = newId();
    try {
      await run({ questionnaire: join(w.dir, FILES.questionnaire), out: w.responses, respondent, group: w.config.title }, io, { ...deps, newRespondentId: () => respondent });
    } catch (err) {
      // run says where the unfinished answers are kept and how to continue them; the round ends here.
      if (err instanceof CancelledError) throw ended(`\n${da ? err.text.da : err.text.en}`);
      throw err;
    }
    done++;
    // The next person must not find the last row at the end of the file: sorted, the date only (SPEC §6.1).
    await normaliseRows(w.responses, w.config.date);
    try {
      await waitForEnter(da ? "Tryk Enter, når du har læst dit resultat — så ryddes skærmen." : "Press Enter when you have read your result — the screen is then cleared.");
      io.out(CLEAR);
      io.out(da
        ? `Giv computeren videre.\n\nDe forrige svar og resultatet er fjernet fra skærmen. ${done} har svaret indtil nu.\n`
        : `Pass the computer on.\n\nThe previous answers and result have been cleared from the screen. ${done} have answered so far.\n`);
      await waitForEnter(da ? "Næste deltager: tryk Enter for at begynde (Ctrl-C afslutter runden)." : "Next participant: press Enter to begin (Ctrl-C ends the round).");
      io.out(CLEAR);
    } catch (err) {
      if (isPromptExit(err)) throw ended();
      throw err;
    }
  }
}
