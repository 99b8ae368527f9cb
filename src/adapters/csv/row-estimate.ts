/** How many respondents a response file holds, guessed from its first lines: room made ahead for the duplicate check. */
import { closeSync, fstatSync, openSync, readSync, statSync } from "node:fs";
import { detectDelimiter, splitHeader } from "../files/text-source.ts";

const SAMPLE = 1 << 16;

/**
 * About how many respondents the file has: a respondent starts on each line whose respondent_id
 * differs from the line before (every line of a wide file; a block of lines in a long one), counted
 * in the first 64 KB and scaled to the file's size, plus a tenth. A bound from the number of items
 * (a delimiter per item) reserved 7 million slots for 0.8 million rows of an 8-item questionnaire,
 * and counting lines would reserve one per answer of a long file. Only a guess: a quoted line break
 * or an id in quotes makes it a little off, and the table grows as before when it is short.
 * A file that cannot be read counts as empty: the reader says why when it comes to it.
 */
export function estimateRows(file: string): number {
  let fd: number | undefined;
  try {
    // Only a regular file: a pipe (`<(zcat …)`) read here would lose its first bytes for the reader.
    if (!statSync(file).isFile()) return 0;
    fd = openSync(file, "r");
    const size = fstatSync(fd).size;
    const sample = Buffer.allocUnsafe(Math.min(size, SAMPLE));
    const read = readSync(fd, sample, 0, sample.length, 0);
    const text = sample.toString("latin1", 0, read);
    // Whole lines only, unless the sample is the whole file.
    const whole = read >= size ? text.length : text.lastIndexOf("\n") + 1;
    const [header = "", ...lines] = text.slice(0, whole).split(/\r?\n/);
    const delimiter = detectDelimiter(header);
    const column = splitHeader(header, delimiter).indexOf("respondent_id");
    let respondents = 0;
    let previous: string | undefined;
    for (const line of lines) {
      if (line === "") continue;
      const id = column < 0 ? line : line.split(delimiter)[column];
      if (id !== previous) respondents++;
      previous = id;
    }
    if (read >= size) return respondents;
    return Math.ceil((size / Math.max(whole, 1)) * Math.max(respondents, 1) * 1.1);
  } catch {
    return 0;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
