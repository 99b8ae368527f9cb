import type { Text } from "./text.ts";

export type Path = (string | number)[];

export type Issue = {
  code: string;
  severity: "error" | "warning";
  path: Path;
  message: Text;
  /** Another place the issue concerns, e.g. the first use of a duplicated id. */
  related?: Path;
};

export type Result<T> =
  | { ok: true; value: T; warnings: Issue[] }
  | { ok: false; issues: Issue[] };

export const toDotPath = (path: Path): string =>
  path.reduce<string>(
    (acc, key) => (typeof key === "number" ? `${acc}[${key}]` : acc ? `${acc}.${key}` : key),
    "",
  );
