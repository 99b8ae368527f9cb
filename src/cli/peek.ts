import { open } from "node:fs/promises";
import { detectDelimiter } from "../adapters/text-source.ts";

/** The questionnaire id and version of a response file's first data row, read from its first 64 KB. */
export async function peekQuestionnaire(file: string): Promise<{ id: string; version: string } | undefined> {
  const handle = await open(file, "r").catch(() => undefined);
  if (!handle) return undefined;
  try {
    const buffer = Buffer.alloc(1 << 16);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const lines = buffer.subarray(0, bytesRead).toString("latin1").replace(/^\u00ef\u00bb\u00bf/, "").split(/\r?\n/);
    const header = lines[0];
    const first = lines.slice(1).find((line) => line.trim() !== "");
    if (!header || !first) return undefined;
    const delimiter = detectDelimiter(header);
    const columns = header.split(delimiter).map((c) => c.replace(/^"|"$/g, "").trim());
    const cells = first.split(delimiter).map((c) => c.replace(/^"|"$/g, ""));
    const id = cells[columns.indexOf("questionnaire_id")];
    const version = cells[columns.indexOf("questionnaire_version")];
    return id !== undefined && version !== undefined ? { id, version } : undefined;
  } finally {
    await handle.close();
  }
}
