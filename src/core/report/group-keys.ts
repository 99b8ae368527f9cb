/**
 * The keys of a report's groups, apart from the report model so that a worker thread folding rows
 * (breakdown-fold.ts) does not load the model (and zod, through good practice): 60 ms at its start.
 */
export const groupKey = (population: string, values: readonly string[]): string => `${population}\u0001${values.join("\u0000")}`;
export const totalKey = (population: string): string => `\u0000total\u0001${population}`;
/** A level's own counts within a group (its wording), beside the group's. */
export const levelKey = (group: string, level: string): string => `${group}\u0002${level}`;

/** The group keys met so far: the same few groups recur on every row, so each key string is built (and hashed) once. */
export class GroupKeys {
  private readonly known = new Map<string, Map<string, string>>();

  keyOf(population: string, values: readonly string[]): string {
    const raw = values.length === 1 ? values[0]! : values.join("\u0000");
    let perPopulation = this.known.get(population);
    if (!perPopulation) this.known.set(population, (perPopulation = new Map()));
    let key = perPopulation.get(raw);
    if (key === undefined) perPopulation.set(raw, (key = groupKey(population, values)));
    return key;
  }
}
