import { writeFileAtomic } from "../adapters/files/atomic-file.ts";
import { toolVersion } from "../adapters/files/bundled.ts";
import { fileProvenance, questionnaireSha256, sha256OfFile, type FileProvenance } from "../adapters/files/provenance.ts";
import type { Questionnaire } from "../core/questionnaire/questionnaire.ts";
import type { Io } from "./io.ts";
import { shownPath } from "./read-data.ts";

/** What produced an output (SPEC §5, "For researchers"): the tool, the questionnaire's content, each input file. */
export type Provenance = {
  tool: "ledelsestjek";
  version: string;
  questionnaire: { id: string; version: string; sha256: string };
  inputs: FileProvenance[];
};

/** The provenance of an output that rests on the questionnaire alone (`show --json`). */
export const questionnaireProvenance = (q: Questionnaire): Provenance => ({
  tool: "ledelsestjek",
  version: toolVersion(),
  questionnaire: { id: q.id, version: q.version, sha256: questionnaireSha256(q) },
  inputs: [],
});

/**
 * Starts hashing the input files at once (beside the reading, so a big export is not read twice in
 * a row) and returns a function that completes the provenance with each file's row count.
 */
export function startProvenance(q: Questionnaire, files: readonly string[], io: Io): (rows: readonly number[]) => Promise<Provenance> {
  const shown = shownPath(io);
  const hashed = Promise.all(files.map((file) => fileProvenance(file, shown(file))));
  // A run that fails while reading never awaits the hashes; their failure must not crash it.
  hashed.catch(() => undefined);
  return async (rows) => ({
    ...questionnaireProvenance(q),
    inputs: (await hashed).map((input, i) => ({ ...input, rows: rows[i] ?? 0 })),
  });
}

/** Where a CSV output's provenance lies: beside it, so R, pandas and Excel read the CSV itself unchanged. */
export const sidecarPath = (out: string): string => `${out}.provenance.json`;

/**
 * Writes `<out>.provenance.json` (atomically) for a CSV written with --out; the sidecar names the
 * CSV and its SHA-256 too, so a sidecar that no longer belongs to its CSV can be told.
 */
export async function writeProvenanceSidecar(out: string | undefined, provenance: Provenance): Promise<void> {
  if (out === undefined) return;
  const output = { name: out.split(/[\\/]/).pop()!, sha256: await sha256OfFile(out) };
  await writeFileAtomic(sidecarPath(out), `${JSON.stringify({ provenance, output }, null, 2)}\n`);
}
