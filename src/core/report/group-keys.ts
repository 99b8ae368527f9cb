/**
 * The keys of a report's groups, apart from the report model so that a worker thread folding rows
 * (breakdown-fold.ts) does not load the model (and zod, through good practice): 60 ms at its start.
 */
export const groupKey = (population: string, values: readonly string[]): string => `${population}\u0001${values.join("\u0000")}`;
export const totalKey = (population: string): string => `\u0000total\u0001${population}`;
/** A level's own counts within a group (its wording), beside the group's. */
export const levelKey = (group: string, level: string): string => `${group}\u0002${level}`;
