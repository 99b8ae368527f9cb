import { AnswerKind } from "./item-stats.ts";

/** Where a row was read: the position of its file in the command's file list, and its line. */
export type Place = { file: number; line: number };

/** What a respondent row is to the rows before it (SPEC §3, one respondent, one row). */
export type Verdict = { kind: "first" } | { kind: "same" | "conflict"; first: Place };

/**
 * The parts of a read row that make its answers. Left out on purpose (see README): submitted_at,
 * which a re-export may rewrite, and comments, which the long format and `convert` do not carry.
 */
export type RowContent = {
  level: string;
  group: string;
  metaNames: readonly string[];
  metaValues: readonly string[];
  values: Float64Array;
  kinds: Uint8Array;
};

/**
 * Remembers every respondent id with a 53-bit fingerprint of its row and where it was first
 * seen — never the row itself, so memory stays a few dozen bytes per respondent however wide
 * the rows are. Two different rows of one respondent are taken for identical only if their
 * fingerprints collide (about 1 in 2^53 per duplicated respondent).
 */
export class OneRowPerRespondent {
  private readonly slots = new Map<string, number>();
  private readonly fingerprints: number[] = [];
  private readonly files: number[] = [];
  private readonly lines: number[] = [];
  private readonly order = new WeakMap<readonly string[], number[]>();
  private readonly hash = new Hash();

  check(id: string, row: RowContent, place: Place): Verdict {
    const fingerprint = this.fingerprint(row);
    const slot = this.slots.get(id);
    if (slot === undefined) {
      this.slots.set(id, this.fingerprints.length);
      this.fingerprints.push(fingerprint);
      this.files.push(place.file);
      this.lines.push(place.line);
      return { kind: "first" };
    }
    const first = { file: this.files[slot]!, line: this.lines[slot]! };
    return { kind: this.fingerprints[slot] === fingerprint ? "same" : "conflict", first };
  }

  /**
   * Level, group, every item answer, and the metadata by name — a column missing
   * from one file counts as empty, and column order does not matter, so exports from two
   * laptops with different column sets still compare equal when their answers are.
   */
  fingerprint(row: RowContent): number {
    const h = this.hash.reset();
    h.text(row.level);
    h.text(row.group);
    for (let i = 0; i < row.values.length; i++) {
      const kind = row.kinds[i]!;
      h.int(kind);
      if (kind === AnswerKind.Value) h.int(row.values[i]!);
    }
    this.named(h, row.metaNames, row.metaValues);
    return h.digest();
  }

  private named(h: Hash, names: readonly string[], values: readonly string[]): void {
    let order = this.order.get(names);
    if (!order) {
      order = names.map((_, i) => i).sort((a, b) => (names[a]! < names[b]! ? -1 : 1));
      this.order.set(names, order);
    }
    for (const i of order) {
      const value = values[i]!;
      if (value === "") continue;
      h.text(names[i]!);
      h.text(value);
    }
  }
}

/** cyrb53 (public domain), fed in steps: fast, and 53 bits fit a number exactly. */
class Hash {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;

  reset(): this {
    this.h1 = 0xdeadbeef;
    this.h2 = 0x41c6ce57;
    return this;
  }

  int(n: number): void {
    this.h1 = Math.imul(this.h1 ^ n, 2654435761);
    this.h2 = Math.imul(this.h2 ^ n, 1597334677);
  }

  /** A string and its end, so "ab"+"c" and "a"+"bc" differ. */
  text(s: string): void {
    for (let i = 0; i < s.length; i++) this.int(s.charCodeAt(i));
    this.int(0x110000 + s.length);
  }

  digest(): number {
    let { h1, h2 } = this;
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return 4294967296 * (2097151 & h2) + (h1 >>> 0);
  }
}
