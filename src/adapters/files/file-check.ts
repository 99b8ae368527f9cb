import { accessSync, constants, statSync } from "node:fs";
import { dirname } from "node:path";
import { t, type Text } from "../../core/text.ts";

/**
 * Why `path` cannot be read as a file, or undefined when it can. Checked before opening, because
 * reading a named pipe (FIFO) with no writer would block for ever, and a folder gives EISDIR deep
 * inside a library.
 */
export function inputFileProblem(path: string): Text | undefined {
  const info = statOrError(path);
  if (info instanceof Error) return fileErrorReason(info) ?? t(`kan ikke læses (${info.code})`, `cannot be read (${info.code})`);
  if (info.isDirectory()) return t("er en mappe, ikke en fil", "is a folder, not a file");
  if (!info.isFile()) return t("er ikke en almindelig fil (fx en navngiven pipe eller en enhed)", "is not a regular file (e.g. a named pipe or a device)");
  return undefined;
}

/**
 * Why `path` cannot be the target of an output, or undefined. A missing file is fine (it will be
 * created); a folder, a pipe or a device is not, since the output is renamed into place.
 */
export function outputFileProblem(path: string): Text | undefined {
  const info = statOrError(path);
  if (info instanceof Error) {
    if (info.code !== "ENOENT") return fileErrorReason(info) ?? t(`kan ikke bruges (${info.code})`, `cannot be used (${info.code})`);
  } else {
    if (info.isDirectory()) return t("er en mappe; angiv et filnavn, fx i mappen", "is a folder; give a file name, e.g. inside it");
    if (!info.isFile()) return t("er ikke en almindelig fil (fx en navngiven pipe eller en enhed)", "is not a regular file (e.g. a named pipe or a device)");
  }
  // Every output is written beside its target first (atomic-file.ts): the folder must take a new file.
  // Asked before any work, so a refused rejects file cannot follow an output already written.
  try {
    accessSync(dirname(path), constants.W_OK);
  } catch (err) {
    return fileErrorReason(err as NodeJS.ErrnoException) ?? t(`mappen kan ikke bruges (${(err as NodeJS.ErrnoException).code})`, `the folder cannot be used (${(err as NodeJS.ErrnoException).code})`);
  }
  return undefined;
}

function statOrError(path: string) {
  try {
    return statSync(path);
  } catch (err) {
    return err as NodeJS.ErrnoException;
  }
}

/** Plain words for the operating system's file errors; undefined for codes that mean a bug. */
export function fileErrorReason(err: NodeJS.ErrnoException): Text | undefined {
  switch (err.code) {
    case "ENOENT":
      return t("filen findes ikke", "file not found");
    case "EISDIR":
      return t("er en mappe, ikke en fil", "is a folder, not a file");
    case "ENOTDIR":
      return t("en del af stien er en fil, ikke en mappe", "part of the path is a file, not a folder");
    case "EACCES":
    case "EPERM":
      return t("ingen adgang (tilladelser)", "permission denied");
    case "EROFS":
      return t("ligger på et skrivebeskyttet drev", "is on a read-only drive");
    case "ENOSPC":
    case "EDQUOT":
      return t("drevet er fuldt", "the drive is full");
    case "ENAMETOOLONG":
      return t("navnet er for langt", "the name is too long");
    case "ELOOP":
      return t("stien har for mange symbolske links", "the path has too many symbolic links");
    case "EMFILE":
    case "ENFILE":
      return t("for mange åbne filer; luk andre programmer og prøv igen", "too many open files; close other programs and try again");
    case "EBUSY":
    case "ETXTBSY":
      return t("er i brug af et andet program (fx Excel); luk den og prøv igen", "is in use by another program (e.g. Excel); close it and try again");
    case "ELOCKED":
      return t("er låst af en anden kørsel af ledelsestjek, som ikke blev færdig; prøv igen om lidt, eller slet låsefilen, hvis ingen anden kører", "is locked by another run of ledelsestjek that did not finish; try again shortly, or delete the lock file if nothing else is running");
    case "EIO":
      return t("drevet kunne ikke læses eller skrives (inddata/uddata-fejl)", "the drive could not be read or written (I/O error)");
    default:
      return undefined;
  }
}
