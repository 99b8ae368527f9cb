import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { basename } from "node:path";
import { pipeline } from "node:stream/promises";

/** One file a result rests on: its name, the SHA-256 of its bytes, and (for response files) its rows. */
export type FileProvenance = { name: string; sha256: string; rows?: number };

/** SHA-256 (hex) of a file's bytes, streamed, so a 100 MB export is hashed in constant memory. */
export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash("sha256");
  await pipeline(createReadStream(path), hash);
  return hash.digest("hex");
}

/** The provenance of one file; `name` is how the user named it (default: the file name). */
export async function fileProvenance(path: string, name: string = basename(path)): Promise<FileProvenance> {
  return { name, sha256: await sha256OfFile(path) };
}

/**
 * SHA-256 (hex) of the validated questionnaire's content (its JSON, defaults filled in). The
 * report's "fingerprint" is the first 12 characters of this hash, so the two can be compared.
 */
export const questionnaireSha256 = (q: unknown): string => createHash("sha256").update(JSON.stringify(q)).digest("hex");
