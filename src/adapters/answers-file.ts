import { readFile } from "node:fs/promises";
import { parse } from "yaml";

/** Reads an answers file (YAML or JSON, which is YAML too): a map from item id to value. */
export async function readAnswersFile(path: string): Promise<{ ok: true; raw: Record<string, unknown> } | { ok: false; reason: string }> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    return { ok: false, reason: (err as NodeJS.ErrnoException).code === "ENOENT" ? "ENOENT" : (err as Error).message };
  }
  let data: unknown;
  try {
    data = parse(text.replace(/^\uFEFF/, ""));
  } catch (err) {
    return { ok: false, reason: (err as Error).message.split("\n")[0]! };
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) return { ok: false, reason: "not-a-map" };
  return { ok: true, raw: data as Record<string, unknown> };
}
