import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { sameVersion } from "../../core/responses/excel-cells.ts";

/** The package root: src/adapters/files and dist/adapters/files both sit three levels below it. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const QUESTIONNAIRE_DIR = join(PACKAGE_ROOT, "questionnaires");
export const TEMPLATE_DIR = join(PACKAGE_ROOT, "templates");
export const DEFAULT_QUESTIONNAIRE = "faglig-ledelse";

export const bundledIds = (): string[] =>
  readdirSync(QUESTIONNAIRE_DIR)
    .filter((name) => name.endsWith(".yaml"))
    .map((name) => name.slice(0, -".yaml".length))
    .sort((a, b) => (a === DEFAULT_QUESTIONNAIRE ? -1 : b === DEFAULT_QUESTIONNAIRE ? 1 : a.localeCompare(b)));

export const bundledPath = (id: string): string => join(QUESTIONNAIRE_DIR, `${id}.yaml`);

/** Older versions stay bundled as versions/<id>-<version>.yaml, so response files that name them score as they did. */
export const VERSIONS_DIR = join(QUESTIONNAIRE_DIR, "versions");
const versionPath = (id: string, version: string): string => join(VERSIONS_DIR, `${id}-${version}.yaml`);

/**
 * Versions in order, numbers as numbers ("1.10" after "1.9"). Written out rather than with
 * localeCompare's numeric collation: its first use loads ICU's collation data, 16 ms of every
 * command's start (measured with --cpu-prof).
 */
export function byVersion(a: string, b: string): number {
  const x = a.split(/[.-]/);
  const y = b.split(/[.-]/);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const p = x[i];
    const q = y[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    const d = /^\d+$/.test(p) && /^\d+$/.test(q) ? Number(p) - Number(q) : p < q ? -1 : p > q ? 1 : 0;
    if (d !== 0) return d;
  }
  return 0;
}

/** The older versions kept of a bundled questionnaire, oldest first. */
export const olderVersions = (id: string): string[] =>
  existsSync(VERSIONS_DIR)
    ? readdirSync(VERSIONS_DIR)
        .filter((name) => name.startsWith(`${id}-`) && name.endsWith(".yaml") && /^\d/.test(name.slice(id.length + 1)))
        .map((name) => name.slice(id.length + 1, -".yaml".length))
        .sort(byVersion)
    : [];

/** The kept older version that `version` names, also as Excel re-saves it (`1` or `1,0` for "1.0"). */
const keptVersion = (id: string, version: string): string | undefined =>
  existsSync(versionPath(id, version)) ? version : olderVersions(id).find((kept) => sameVersion(version, kept));

/** The version of the bundled questionnaire `id` as its file states it, read without parsing the YAML. */
const currentVersion = (id: string): string | undefined =>
  /^version:\s*["']?([^"'\s#]+)/m.exec(readFileSync(bundledPath(id), "utf8"))?.[1];

/** The questionnaire argument for responses that name `id` and `version`: `id@version` when that older version is kept, else `id`. */
export const bundledFor = (id: string, version: string): string => {
  const kept = keptVersion(id, version);
  return kept !== undefined ? `${id}@${kept}` : id;
};

/** A questionnaire argument is a bundled id, `id@version` of a kept older version, or a path; undefined means the bundled default. */
export function questionnairePath(arg: string | undefined, cwd: string): string | undefined {
  const id = arg ?? DEFAULT_QUESTIONNAIRE;
  const versioned = /^([a-z0-9-]+)@([0-9][0-9A-Za-z.-]*)$/.exec(id);
  if (versioned && existsSync(bundledPath(versioned[1]!))) {
    // Every kept version answers to id@version, the current one too (faglig-ledelse@2.0 as well as @1.0).
    const [, name, version] = versioned as unknown as [string, string, string];
    const current = currentVersion(name);
    if (current !== undefined && (version === current || sameVersion(version, current))) return bundledPath(name);
    const kept = keptVersion(name, version);
    if (kept !== undefined) return versionPath(name, kept);
  }
  if (/^[a-z0-9-]+$/.test(id) && existsSync(bundledPath(id))) return bundledPath(id);
  const path = resolve(cwd, id);
  return existsSync(path) ? path : undefined;
}

/** The installed package's version, for reports and provenance. */
export const toolVersion = (): string =>
  (JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }).version;
