/**
 * A command's last writes — its outputs renamed into place, their provenance files, the rejected
 * rows — as one step that Ctrl-C does not cut in two. Before, a Ctrl-C between them said "nothing
 * was written" beside a new output with the old provenance file, or a report's PDF without its
 * CSV (which the next run then refused to overwrite). They take a moment (hashing the output for
 * its provenance file, about 1 s per GB), so a signal meanwhile waits for them; a second Ctrl-C
 * still stops the process at once (the handlers are `once`).
 */

let running = 0;
let waiting: ((finished: boolean) => void) | undefined;

/** Runs `work` with signals held back (see `holdSignal`); a held signal is acted on when it ends. */
export async function lastWrites<T>(work: () => Promise<T>): Promise<T> {
  running++;
  let finished = false;
  try {
    const result = await work();
    finished = true;
    return result;
  } finally {
    running--;
    const then = running === 0 ? waiting : undefined;
    if (then) {
      waiting = undefined;
      then(finished);
    }
  }
}

/**
 * For a signal handler: during `lastWrites`, keeps `then` for when they end (told whether they
 * finished) and says true; otherwise false, and the handler acts at once.
 */
export function holdSignal(then: (finished: boolean) => void): boolean {
  if (running === 0) return false;
  waiting = then;
  return true;
}
