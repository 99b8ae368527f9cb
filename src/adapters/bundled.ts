import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The package root: src/adapters and dist/adapters both sit two levels below it. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const QUESTIONNAIRE_DIR = join(PACKAGE_ROOT, "questionnaires");
export const TEMPLATE_DIR = join(PACKAGE_ROOT, "templates");
export const DEFAULT_QUESTIONNAIRE = "faglig-ledelse";

export const bundledIds = (): string[] =>
  readdirSync(QUESTIONNAIRE_DIR)
    .filter((name) => name.endsWith(".yaml"))
    .map((name) => name.slice(0, -".yaml".length))
    .sort((a, b) => (a === DEFAULT_QUESTIONNAIRE ? -1 : b === DEFAULT_QUESTIONNAIRE ? 1 : a.localeCompare(b)));

export const bundledPath = (id: string): string => join(QUESTIONNAIRE_DIR, `${id}.yaml`);

/** A questionnaire argument is a bundled id or a path; undefined means the bundled default. */
export function questionnairePath(arg: string | undefined, cwd: string): string | undefined {
  const id = arg ?? DEFAULT_QUESTIONNAIRE;
  if (/^[a-z0-9-]+$/.test(id) && existsSync(bundledPath(id))) return bundledPath(id);
  const path = resolve(cwd, id);
  return existsSync(path) ? path : undefined;
}

/** The installed package's version, for reports and provenance. */
export const toolVersion = (): string =>
  (JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }).version;
