/**
 * A set of strings numbered 0, 1, 2 … in the order added, kept in typed arrays: the characters in
 * one pool and an open-addressing index of their hashes. Measured on `score` of 400 000 rows, a
 * Map<string, number> of the respondent ids added about 40 MB and a quarter of a second of CPU
 * time over this table, which needs about 25 bytes per id and gives the garbage collector
 * nothing to trace. Lookups compare the characters, so they are exact.
 */
export class IdTable {
  size = 0;
  /** Whether the last `numberOf` added its id. */
  added = false;
  private index = new Int32Array(1 << 10).fill(-1);
  private hashes = new Uint32Array(1 << 9);
  private starts = new Uint32Array((1 << 9) + 1);
  private chars = new Uint16Array(1 << 12);

  /**
   * Makes room for `n` ids of about `chars` characters each, so that adding them copies nothing:
   * on 400 000 rows, growing by doubling and rehashing cost the reading thread 80 ms.
   */
  reserve(n: number, chars: number): void {
    if (n <= this.hashes.length) return;
    this.hashes = grown(this.hashes, n + 1);
    this.starts = grown(this.starts, n + 2);
    if (n * chars > this.chars.length) this.chars = grown(this.chars, n * chars);
    let slots = this.index.length;
    while (slots < 2 * n + 2) slots *= 2;
    if (slots > this.index.length) this.rehash(slots);
  }

  /** The number of `id`, adding it when new; `added` tells which happened. */
  numberOf(id: string): number {
    const hash = hashOf(id);
    const mask = this.index.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const n = this.index[i]!;
      if (n < 0) {
        this.added = true;
        return this.add(id, hash, i);
      }
      if (this.hashes[n] === hash && this.equals(n, id)) {
        this.added = false;
        return n;
      }
    }
  }

  private equals(n: number, id: string): boolean {
    const start = this.starts[n]!;
    if (this.starts[n + 1]! - start !== id.length) return false;
    for (let i = 0; i < id.length; i++) if (this.chars[start + i] !== id.charCodeAt(i)) return false;
    return true;
  }

  private add(id: string, hash: number, at: number): number {
    const n = this.size++;
    if (this.size === this.hashes.length) {
      this.hashes = grown(this.hashes, this.hashes.length * 2);
      this.starts = grown(this.starts, this.hashes.length + 1);
    }
    const start = this.starts[n]!;
    if (start + id.length > this.chars.length) this.chars = grown(this.chars, Math.max(this.chars.length * 2, start + id.length));
    for (let i = 0; i < id.length; i++) this.chars[start + i] = id.charCodeAt(i);
    this.starts[n + 1] = start + id.length;
    this.hashes[n] = hash;
    this.index[at] = n;
    if (this.size * 2 > this.index.length) this.rehash();
    return n;
  }

  /** Keeps the index at most half full, so probe runs stay short. */
  private rehash(slots = this.index.length * 2): void {
    this.index = new Int32Array(slots).fill(-1);
    const mask = this.index.length - 1;
    for (let n = 0; n < this.size; n++) {
      let i = this.hashes[n]! & mask;
      while (this.index[i]! >= 0) i = (i + 1) & mask;
      this.index[i] = n;
    }
  }
}

/** FNV-1a over UTF-16 code units, with a final mix so that the low bits used by the index vary. */
export function hashOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

function grown<T extends Uint32Array | Uint16Array | Float64Array>(from: T, length: number): T {
  const to = new (from.constructor as new (length: number) => T)(length);
  to.set(from);
  return to;
}
