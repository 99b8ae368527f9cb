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
  // Typed arrays grown by doubling: no boxed numbers, and far less for the garbage collector to trace.
  private fingerprints = new Float64Array(1024);
  private files = new Uint32Array(1024);
  private lines = new Uint32Array(1024);
  private readonly order = new WeakMap<readonly string[], number[]>();

  check(id: string, row: RowContent, place: Place): Verdict {
    const fingerprint = this.fingerprint(row);
    const slot = this.slots.get(id);
    if (slot === undefined) {
      const next = this.slots.size;
      if (next === this.fingerprints.length) this.grow();
      this.slots.set(id, next);
      this.fingerprints[next] = fingerprint;
      this.files[next] = place.file;
      this.lines[next] = place.line;
      return { kind: "first" };
    }
    const first = { file: this.files[slot]!, line: this.lines[slot]! };
    return { kind: this.fingerprints[slot] === fingerprint ? "same" : "conflict", first };
  }

  private grow(): void {
    const double = <T extends Float64Array | Uint32Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    const size = this.fingerprints.length * 2;
    this.fingerprints = double(this.fingerprints, new Float64Array(size));
    this.files = double(this.files, new Uint32Array(size));
    this.lines = double(this.lines, new Uint32Array(size));
  }

  /**
   * Level, group, every item answer, and the metadata by name — a column missing from one file
   * counts as empty, and column order does not matter, so exports from two laptops with
   * different column sets still compare equal when their answers are.
   */
  fingerprint(row: RowContent): number {
    startHash();
    mixText(row.level);
    mixText(row.group);
    const { values, kinds } = row;
    for (let i = 0; i < values.length; i++) {
      const kind = kinds[i]!;
      mixInt(kind === AnswerKind.Value ? values[i]! : 0x7fff0000 + kind);
    }
    const { metaNames: names, metaValues } = row;
    let order = this.order.get(names);
    if (!order) {
      order = names.map((_, i) => i).sort((a, b) => (names[a]! < names[b]! ? -1 : 1));
      this.order.set(names, order);
    }
    for (const i of order) {
      if (metaValues[i] === "") continue;
      mixText(names[i]!);
      mixText(metaValues[i]!);
    }
    return digest();
  }
}

/*
 * cyrb53 (public domain), fed in steps: fast, and 53 bits fit a number exactly. The state is two
 * module variables rather than an object, which keeps the per-row loop free of property writes.
 */
let h1 = 0;
let h2 = 0;

function startHash(): void {
  h1 = 0xdeadbeef;
  h2 = 0x41c6ce57;
}

/** An integer; item values are small, and other cells map far above any scale. */
function mixInt(n: number): void {
  h1 = Math.imul(h1 ^ n, 2654435761);
  h2 = Math.imul(h2 ^ n, 1597334677);
}

/** A string and its end, so "ab"+"c" and "a"+"bc" differ. */
function mixText(s: string): void {
  for (let i = 0; i < s.length; i++) mixInt(s.charCodeAt(i));
  mixInt(0x110000 + s.length);
}

function digest(): number {
  const a = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  const b = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  return 4294967296 * (2097151 & b) + (a >>> 0);
}
