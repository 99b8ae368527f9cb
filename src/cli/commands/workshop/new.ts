import { readdir, readFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { createWorkshopFolder } from "../../../adapters/workshop-store/workshop-folder.ts";
import { titleOf } from "../../../core/questionnaire/levels.ts";
import { t } from "../../../core/text.ts";
import { parseMergeLevels } from "../../../core/scoring/level-groups.ts";
import { WorkshopConfig } from "../../../core/workshop/folder.ts";
import { isoWithOffset } from "../../clock.ts";
import { UserError } from "../../errors.ts";
import type { Io } from "../../io.ts";
import { loadQuestionnaire } from "../../load.ts";

export type NewOptions = { dir: string; questionnaire?: string; title?: string; k?: string; mergeLevels?: string[]; maxParticipants?: string; expect?: string };
export type NewDeps = { now?: () => Date };

const positiveInt = (value: string | undefined, flag: string, max: number): number | undefined => {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) {
    throw new UserError(2, t(`${flag} skal være et helt tal fra 1 til ${max}, ikke "${value}".`, `${flag} must be a whole number from 1 to ${max}, not "${value}".`));
  }
  return Number(value);
};

export async function workshopNew(options: NewOptions, io: Io, deps: NewDeps = {}): Promise<number> {
  const dir = resolve(io.cwd, options.dir);
  const rel = relative(io.cwd, dir);
  const shown = rel === "" ? "." : rel.startsWith("..") ? dir : rel;
  const entries = await readdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT") return [] as string[];
    throw new UserError(1, t(`${shown} kan ikke bruges som mappe (${err.code}).`, `${shown} cannot be used as a folder (${err.code}).`));
  });
  if (entries.length > 0) {
    throw new UserError(1, t(`${shown} er ikke tom. En workshop får sin egen, tomme mappe, så intet overskrives.`, `${shown} is not empty. A workshop gets its own empty folder, so nothing is overwritten.`));
  }
  const title = options.title?.trim();
  if (!title) throw new UserError(2, t("--title mangler: workshoppens titel, fx \"Ledelseskæden i Børn og Familie\".", "--title is missing: the workshop's title, e.g. \"Leadership chain in Children and Families\"."));
  const k = positiveInt(options.k, "--k", 1000);
  const maxParticipants = positiveInt(options.maxParticipants, "--max-participants", 10_000);
  const { questionnaire: q, hash, file } = await loadQuestionnaire(options.questionnaire, io);
  // The same parser as score, report and gaps, so a spec means the same everywhere.
  const parsed = parseMergeLevels(q, options.mergeLevels ?? []);
  if ("error" in parsed) throw new UserError(2, parsed.error);
  const merges = parsed.merges.map((m) => ({ levels: m.levels, ...(m.label ? { label: m.label } : {}) }));
  const expected = parseHeadcount(q.levels.map((l) => l.id), options.expect);
  const config = WorkshopConfig.parse({
    title,
    date: isoWithOffset((deps.now ?? (() => new Date()))()).slice(0, 10),
    ...(q.scope ? { scope: q.scope } : {}),
    questionnaire: { id: q.id, version: q.version, hash },
    k: k ?? q.anonymity.min_group_size,
    merge_levels: merges,
    language: io.lang,
    ...(maxParticipants ? { max_participants: maxParticipants } : {}),
    ...(expected ? { deltagere: expected } : {}),
  });
  await createWorkshopFolder(dir, config, await readFile(file, "utf8"), q);
  io.err(io.lang === "da"
    ? `Workshoppen "${title}" er oprettet i ${shown} med ${titleOf(q, "da")} ${q.version} (k = ${config.k}).\nStart den med: ledelsestjek workshop serve ${shown}`
    : `The workshop "${title}" is set up in ${shown} with ${titleOf(q, "en")} ${q.version} (k = ${config.k}).\nStart it with: ledelsestjek workshop serve ${shown} --lang en`);
  return 0;
}

/** `--deltagere chef=4,teamleder=14` (`--expect`): the expected participants per level (SPEC §6.1). */
export function parseHeadcount(levels: readonly string[], spec: string | undefined): Record<string, number> | undefined {
  if (spec === undefined) return undefined;
  const out: Record<string, number> = {};
  for (const part of spec.split(",").map((s) => s.trim()).filter(Boolean)) {
    const m = /^([^=]+)=(\d{1,5})$/.exec(part);
    if (!m || !levels.includes(m[1]!.trim())) {
      throw new UserError(2, t(
        `--deltagere: "${part}" skal være NIVEAU=ANTAL, fx ${levels[0]}=4; niveauerne er ${levels.join(", ")}.`,
        `--expect: "${part}" must be LEVEL=COUNT, e.g. ${levels[0]}=4; the levels are ${levels.join(", ")}.`,
      ));
    }
    out[m[1]!.trim()] = Number(m[2]);
  }
  return out;
}
