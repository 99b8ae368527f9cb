// Room core/responses/ — the response files' model: wide and long format, one respondent one row (duplicates, id table), the row written for a finished respondent.
import { IdTable } from "./id-table.ts";
import { AnswerKind } from "../scoring/item-stats.ts";

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
// One object for the common verdict: no allocation per row.
const FIRST: Verdict = Object.freeze({ kind: "first" });

export class OneRowPerRespondent {
  private readonly ids = new IdTable();
  // Per respondent number, in typed arrays grown by doubling: nothing for the garbage collector to trace.
  /** The first row's fingerprint, or NaN while it is to be read again from its bytes (see `check`). */
  private fingerprints = new Float64Array(1024);
  private files = new Uint32Array(1024);
  private lines = new Uint32Array(1024);
  private starts = new Float64Array(1024);
  private ends = new Float64Array(1024);
  /** Per file's metadata names: their positions sorted by name, each with the name's own hash. */
  private readonly named = new WeakMap<readonly string[], { at: number; name: number }[]>();

  /**
   * `again`: the fingerprint of a first row checked with its bytes rather than its fingerprint
   * (see `check`), read again from bytes [start, end) of file number `file`.
   */
  constructor(private readonly again?: (file: number, start: number, end: number, line: number) => number) {}

  /**
   * Whether a row is the respondent's first. `fingerprint` is the row's (see `fingerprint`), or a
   * function that gives it, called only for a respondent seen before. With `bytes` (where the row
   * lies in its file), a first row's fingerprint is not computed at all: a later row of the same
   * respondent has it read again (`again`). Nearly every respondent has one row, so the parallel
   * reader's folded rows skip the fingerprint altogether (13 % of a range worker's time, measured).
   */
  check(id: string, fingerprint: number | (() => number), file: number, line: number, bytes?: { start: number; end: number }): Verdict {
    const n = this.ids.numberOf(idKey(id));
    if (this.ids.added) {
      if (n === this.fingerprints.length) this.grow();
      this.files[n] = file;
      this.lines[n] = line;
      if (bytes && this.again) {
        this.fingerprints[n] = NaN;
        this.starts[n] = bytes.start;
        this.ends[n] = bytes.end;
      } else this.fingerprints[n] = typeof fingerprint === "number" ? fingerprint : fingerprint();
      return FIRST;
    }
    const first = { file: this.files[n]!, line: this.lines[n]! };
    let theirs = this.fingerprints[n]!;
    if (Number.isNaN(theirs)) theirs = this.fingerprints[n] = this.again!(first.file, this.starts[n]!, this.ends[n]!, first.line);
    const mine = typeof fingerprint === "number" ? fingerprint : fingerprint();
    return { kind: theirs === mine ? "same" : "conflict", first };
  }

  /** Makes room for `n` respondents, ids of about `chars` characters (see IdTable.reserve). */
  reserve(n: number, chars = 12): void {
    this.ids.reserve(n, chars);
    if (n > this.fingerprints.length) this.grow(n);
  }

  private grow(size = this.fingerprints.length * 2): void {
    this.fingerprints = grown(this.fingerprints, size);
    this.files = grown(this.files, size);
    this.lines = grown(this.lines, size);
    this.starts = grown(this.starts, size);
    this.ends = grown(this.ends, size);
  }

  /**
   * Level, group, every item answer, and the metadata by name — a column missing from one file
   * counts as empty, and column order does not matter, so exports from two laptops with
   * different column sets still compare equal when their answers are.
   */
  fingerprint(row: RowContent, items?: readonly number[]): number {
    // Before startHash: textHash uses the same hash state.
    const names = row.metaNames;
    let named = this.named.get(names);
    if (!named) {
      named = names.map((_, at) => at).sort((x, y) => (names[x]! < names[y]! ? -1 : 1)).map((at) => ({ at, name: textHash(names[at]!) }));
      this.named.set(names, named);
    }
    startHash();
    mixText(row.level);
    mixText(row.group);
    // mixInt written out with locals: this loop runs for every item of every row. Only the answered
    // items are mixed, each with its position, so `items` (ascending, the items of the row's level:
    // the rest are empty in a valid row) gives the same number as all of them, at a fraction of the cost.
    const { values, kinds } = row;
    let a = h1;
    let b = h2;
    const count = items ? items.length : values.length;
    for (let k = 0; k < count; k++) {
      const i = items ? items[k]! : k;
      const kind = kinds[i]!;
      if (kind === AnswerKind.Empty) continue;
      const x = kind === AnswerKind.Value ? values[i]! : 0x7fff0000 + kind;
      a = Math.imul(a ^ (0x40000000 + i), 2654435761);
      b = Math.imul(b ^ (0x40000000 + i), 1597334677);
      a = Math.imul(a ^ x, 2654435761);
      b = Math.imul(b ^ x, 1597334677);
    }
    h1 = a;
    h2 = b;
    const { metaValues } = row;
    for (const { at, name } of named) {
      if (metaValues[at] === "") continue;
      mixInt(name);
      mixText(metaValues[at]!);
    }
    return digest();
  }
}

/**
 * A respondent id as the rule compares it: without white space around it and in Unicode's composed
 * form (NFC). "r7 " (a space left in Excel) and "r7", or an "Å" typed on a Mac (A and a combining ring)
 * and one typed elsewhere, look the same to a person and are one respondent: counted once, or a
 * conflict — never two respondents that could lift a small group over the threshold. An id of
 * printable ASCII is its own key (the common case, checked without a new string).
 */
export function idKey(id: string): string {
  let plain = id.length > 0;
  for (let i = 0; i < id.length && plain; i++) {
    const c = id.charCodeAt(i);
    plain = c > 32 && c < 127;
  }
  return plain ? id : id.trim().normalize("NFC");
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

/** A string and its end, so "ab"+"c" and "a"+"bc" differ; mixInt written out, as in the item loop. */
function mixText(s: string): void {
  let a = h1;
  let b = h2;
  for (let i = 0; i < s.length; i++) {
    a = Math.imul(a ^ s.charCodeAt(i), 2654435761);
    b = Math.imul(b ^ s.charCodeAt(i), 1597334677);
  }
  h1 = a;
  h2 = b;
  mixInt(0x110000 + s.length);
}

/** A metadata column's name as one number, computed once per file rather than per row. */
function textHash(s: string): number {
  startHash();
  mixText(s);
  return digest();
}

function digest(): number {
  const a = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  const b = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  return 4294967296 * (2097151 & b) + (a >>> 0);
}

function grown<T extends Float64Array | Uint32Array>(from: T, length: number): T {
  const to = new (from.constructor as new (length: number) => T)(length);
  to.set(from);
  return to;
}
