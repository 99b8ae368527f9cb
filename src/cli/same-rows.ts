import { statSync } from "node:fs";
import { resolve } from "node:path";
import type { Place } from "../core/responses/duplicates.ts";
import { t, type Text } from "../core/text.ts";

/** Lines named per pair of files; the rest are counted, so a file given twice does not print 400 000 lines. */
const SHOWN_LINES = 5;

type Pair = { later: number; first: number; count: number; examples: [Place, Place][] };

/** The rows counted once because an identical row of the same respondent came before (SPEC §3). */
export class SameRows {
  count = 0;
  private readonly pairs = new Map<string, Pair>();

  /** Per file, what makes it the same file: its device and inode, so a hard link or another spelling counts too. */
  private readonly identity: string[];

  constructor(
    private readonly files: readonly string[],
    private readonly shown: (file: string) => string,
  ) {
    this.identity = files.map((file) => {
      try {
        const { dev, ino } = statSync(file);
        return `${dev}:${ino}`;
      } catch {
        return resolve(file);
      }
    });
  }

  add(first: Place, later: Place): void {
    this.count++;
    const key = `${later.file}:${first.file}`;
    let pair = this.pairs.get(key);
    if (!pair) this.pairs.set(key, (pair = { later: later.file, first: first.file, count: 0, examples: [] }));
    pair.count++;
    if (pair.examples.length < SHOWN_LINES) pair.examples.push([later, first]);
  }

  notices(): Text[] {
    return [...this.pairs.values()].map(({ later, first, count, examples }) => {
      const laterName = this.shown(this.files[later]!);
      const firstName = this.shown(this.files[first]!);
      if (later !== first && this.identity[later] === this.identity[first] && this.files[later] !== this.files[first]) {
        return t(
          `Bemærk: ${laterName} er den samme fil som ${firstName} (et link eller en anden stavemåde); de ${count} respondenter i den tælles én gang.`,
          `Note: ${laterName} is the same file as ${firstName} (a link or another spelling); its ${count} respondents are counted once.`,
        );
      }
      if (later !== first && this.files[later] === this.files[first]) {
        return t(
          `Bemærk: ${laterName} er angivet mere end én gang; de ${count} respondenter i den tælles én gang.`,
          `Note: ${laterName} is given more than once; its ${count} respondents are counted once.`,
        );
      }
      const lines = examples.map(([at, of]) => `${laterName}:${at.line} = ${firstName}:${of.line}`).join(", ");
      const more = count > examples.length ? `, … (+${count - examples.length})` : "";
      return t(
        `Bemærk: ${count} række(r) i ${laterName} er magen til en tidligere række for samme respondent i ${firstName} og tælles én gang: ${lines}${more}.`,
        `Note: ${count} row(s) in ${laterName} are identical to an earlier row of the same respondent in ${firstName} and are counted once: ${lines}${more}.`,
      );
    });
  }
}
