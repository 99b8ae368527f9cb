import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "..", "..");
export const FIXTURES = join(ROOT, "test", "fixtures");
export const fixture = (...parts: string[]) => join(FIXTURES, ...parts);
export const MINI = fixture("questionnaires", "valid", "mini.yaml");
export const tmpDir = (prefix = "ledelsestjek-") => mkdtempSync(join(tmpdir(), prefix));
