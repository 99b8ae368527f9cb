import type { z } from "zod";
import type { Issue, Path } from "../issues.ts";
import { t } from "../text.ts";

type AnySchema = z.core.$ZodType;

/**
 * Walks the data alongside the schema and reports keys the schema does not know.
 * zod either strips such keys silently or fails on them; authors need a warning instead,
 * because a misspelt optional key (`revers: true`) otherwise changes results unseen.
 */
export function findUnknownKeys(schema: AnySchema, data: unknown, path: Path = []): Issue[] {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  switch (def.type) {
    case "optional":
    case "default":
    case "nullable":
      return findUnknownKeys(def.innerType as AnySchema, data, path);
    case "array":
      return Array.isArray(data)
        ? data.flatMap((entry, i) => findUnknownKeys(def.element as AnySchema, entry, [...path, i]))
        : [];
    case "union":
      // Only objects need checking; a text/record union never has unknown keys.
      return [];
    case "object": {
      if (typeof data !== "object" || data === null || Array.isArray(data)) return [];
      const shape = def.shape as Record<string, AnySchema>;
      return Object.entries(data).flatMap(([key, value]) => {
        const field = shape[key];
        if (!field) {
          return [{
            code: "unknown_key",
            severity: "warning" as const,
            path: [...path, key],
            message: t(`ukendt felt "${key}" ignoreres`, `unknown key "${key}" is ignored`),
          }];
        }
        return findUnknownKeys(field, value, [...path, key]);
      });
    }
    default:
      return [];
  }
}
