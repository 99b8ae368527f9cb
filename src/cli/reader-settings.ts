import { t } from "../core/text.ts";
import { UserError } from "./errors.ts";

/** The parallel reader's settings from the environment (README, "Sådan læses store filer"): whole numbers, or a clear stop rather than a silent default. */
export function checkParallelEnv(env: Record<string, string | undefined>): void {
  const meaning: Record<string, [string, string]> = {
    LEDELSESTJEK_THREADS: ["antal tråde: 0 = alle kerner, 1 = én tråd", "number of threads: 0 = every core, 1 = one thread"],
    LEDELSESTJEK_RANGE_BYTES: ["stykkernes størrelse i bytes", "the ranges' size in bytes"],
    LEDELSESTJEK_PARALLEL_MIN_BYTES: ["mindste filstørrelse for parallel læsning, i bytes", "the smallest file read in parallel, in bytes"],
    LEDELSESTJEK_MAIN_SCANS: ["0 eller 1", "0 or 1"],
  };
  for (const [name, [da, en]] of Object.entries(meaning)) {
    const value = env[name];
    if (value === undefined || value === "" || /^\d+$/.test(value.trim())) continue;
    throw new UserError(2, t(`${name} skal være et helt tal (${da}), ikke "${value}".`, `${name} must be a whole number (${en}), not "${value}".`));
  }
}
