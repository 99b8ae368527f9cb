/** What the files a command reads may be: no folder given for them, and none of them written. */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { t, type Text } from "../core/text.ts";
import { UserError } from "./errors.ts";

/**
 * Inputs are never overwritten: an output that is one of the input files — by the same path,
 * another path, a symbolic or a hard link (the same device and inode) — stops the command (exit 2)
 * before anything is read or written, --force or not.
 */
export function refuseInputsWritten(files: readonly string[], outputs: readonly string[], shown: (file: string) => string): void {
  const identity = (path: string) => {
    const stats = statSync(path, { throwIfNoEntry: false });
    return stats ? `${stats.dev}:${stats.ino}` : path;
  };
  const inputs = new Set(files.flatMap((file) => [file, identity(file)]));
  const hit = outputs.find((output) => inputs.has(output) || inputs.has(identity(output)));
  if (hit !== undefined) {
    throw new UserError(2, t(
      `${shown(hit)} er også en af inddatafilerne. Skriv til en ny fil; inddata overskrives aldrig.`,
      `${shown(hit)} is also one of the input files. Write to a new file; inputs are never overwritten.`,
    ));
  }
}

/** A folder given where response files belong: say so, and name the CSV files in it that could be meant. */
export function folderGiven(folder: string, shown: (file: string) => string): Text {
  const csvs = readdirSync(folder).filter((name) => name.toLowerCase().endsWith(".csv")).sort().slice(0, 5);
  const example = csvs.length > 0 ? csvs.map((name) => shown(join(folder, name))).join(" ") : shown(join(folder, "besvarelser.csv"));
  return csvs.length > 0
    ? t(`${shown(folder)} er en mappe, ikke en fil. Angiv CSV-filerne med besvarelser, fx: ${example}`, `${shown(folder)} is a folder, not a file. Give the CSV files with responses, e.g.: ${example}`)
    : t(`${shown(folder)} er en mappe uden CSV-filer. Angiv CSV-filen med besvarelser, fx ${example}`, `${shown(folder)} is a folder without CSV files. Give the CSV file with responses, e.g. ${example}`);
}
