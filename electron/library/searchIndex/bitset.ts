/** A growable set of non-negative integers (sample ids) backed by 32-bit words. */
export class Bitset {
  private words: Uint32Array;

  constructor(capacity = 1024) {
    this.words = new Uint32Array(Math.max(1, Math.ceil(capacity / 32)));
  }

  static fromIds(ids: Iterable<number>, capacity = 1024): Bitset {
    const set = new Bitset(capacity);
    for (const id of ids) set.add(id);
    return set;
  }

  add(id: number): void {
    const w = id >>> 5;
    if (w >= this.words.length) {
      const grown = new Uint32Array(Math.max(w + 1, this.words.length * 2));
      grown.set(this.words);
      this.words = grown;
    }
    this.words[w]! |= 1 << (id & 31);
  }

  delete(id: number): void {
    const w = id >>> 5;
    if (w < this.words.length) this.words[w]! &= ~(1 << (id & 31));
  }

  has(id: number): boolean {
    const w = id >>> 5;
    return w < this.words.length && (this.words[w]! & (1 << (id & 31))) !== 0;
  }

  /** The 32-bit words (bit `id & 31` of word `id >>> 5`), for tight loops; read only. */
  get raw(): Uint32Array {
    return this.words;
  }

  /** 1 when the set has `id`, else 0 (for loops that add it up instead of branching). */
  bit(id: number): number {
    const w = id >>> 5;
    return w < this.words.length ? (this.words[w]! >>> (id & 31)) & 1 : 0;
  }

  /** True when the set has no id. */
  isEmpty(): boolean {
    for (let i = 0; i < this.words.length; i++) if (this.words[i] !== 0) return false;
    return true;
  }

  /** Adds every id of `ids[0..length)`. */
  addAll(ids: Int32Array, length: number): void {
    for (let i = 0; i < length; i++) this.add(ids[i]!);
  }

  /** A copy of this set. */
  clone(): Bitset {
    const copy = new Bitset(0);
    copy.words = this.words.slice();
    return copy;
  }

  /** In-place union with another set. */
  or(other: Bitset): void {
    if (other.words.length > this.words.length) {
      const grown = new Uint32Array(other.words.length);
      grown.set(this.words);
      this.words = grown;
    }
    const o = other.words;
    for (let i = 0; i < o.length; i++) this.words[i]! |= o[i]!;
  }

  size(): number {
    let n = 0;
    for (let i = 0; i < this.words.length; i++) {
      let v = this.words[i]!;
      v -= (v >>> 1) & 0x55555555;
      v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
      n += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
    }
    return n;
  }

  /** Writes the ids of this set, ascending, into `out` (those below `out.length`); returns how many. */
  writeIds(out: Int32Array): number {
    return this.writeUnionIds(null, out);
  }

  /**
   * Writes the ids of this set ∪ `other`, ascending, into `out` (those below
   * `out.length`); returns how many. Skips empty words, so it costs the number of
   * words plus the number of ids, not the id range.
   */
  writeUnionIds(other: Bitset | null, out: Int32Array): number {
    const a = this.words;
    const b = other ? other.words : new Uint32Array(0);
    const words = Math.min(Math.max(a.length, b.length), Math.ceil(out.length / 32));
    let n = 0;
    for (let w = 0; w < words; w++) {
      let v = (w < a.length ? a[w]! : 0) | (w < b.length ? b[w]! : 0) | 0;
      while (v !== 0) {
        const low = v & -v;
        const id = (w << 5) + 31 - Math.clz32(low);
        if (id < out.length) out[n++] = id;
        v ^= low;
      }
    }
    return n;
  }
}
