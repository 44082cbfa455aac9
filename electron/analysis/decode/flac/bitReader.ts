/** Thrown when a read runs past the bytes the reader holds. */
export class OutOfData extends Error {
  constructor() {
    super('FLAC frame runs past the end of the data');
  }
}

/**
 * MSB-first bit reader over a byte array, with a 32-bit cache. `end` is the first byte
 * index it may not read; reading past it throws OutOfData (the caller then fetches more
 * bytes and starts the frame again, or reports a truncated frame).
 */
export class BitReader {
  bytes: Uint8Array = new Uint8Array(0);
  /** Next byte to load into the cache. */
  private next = 0;
  private end = 0;
  /** Left-aligned unread bits (uint32 held as a number). */
  private cache = 0;
  /** Valid bits in the cache. */
  private bits = 0;

  reset(bytes: Uint8Array, at: number, end = bytes.length): void {
    this.bytes = bytes;
    this.next = at;
    this.end = end;
    this.cache = 0;
    this.bits = 0;
  }

  /** Byte position of the next unread bit (rounded down to a byte). */
  get bytePos(): number {
    return this.next - (this.bits >> 3);
  }

  /** Skips to the next byte boundary. */
  alignToByte(): void {
    const drop = this.bits & 7;
    this.cache = (this.cache << drop) >>> 0;
    this.bits -= drop;
  }

  private refill(): void {
    const b = this.bytes;
    while (this.bits <= 24) {
      if (this.next >= this.end) {
        if (this.bits > 0) return;
        throw new OutOfData();
      }
      this.cache = (this.cache | ((b[this.next++] as number) << (24 - this.bits))) >>> 0;
      this.bits += 8;
    }
  }

  /** Unsigned value of the next `n` bits, 0 ≤ n ≤ 24. */
  read(n: number): number {
    if (n === 0) return 0;
    if (this.bits < n) {
      this.refill();
      if (this.bits < n) throw new OutOfData();
    }
    const v = this.cache >>> (32 - n);
    this.cache = (this.cache << n) >>> 0;
    this.bits -= n;
    return v;
  }

  /** Unsigned value of the next `n` bits, 0 ≤ n ≤ 40. */
  readLong(n: number): number {
    if (n <= 24) return this.read(n);
    const hi = this.read(n - 24);
    return hi * 16777216 + this.read(24);
  }

  /** Two's-complement value of the next `n` bits, 0 ≤ n ≤ 40. */
  readSigned(n: number): number {
    if (n === 0) return 0;
    const v = this.readLong(n);
    const half = 2 ** (n - 1);
    return v >= half ? v - 2 * half : v;
  }

  /** Counts zero bits up to the next one bit, and consumes them and the one. */
  unary(): number {
    let count = 0;
    for (;;) {
      if (this.bits === 0) this.refill();
      if (this.cache === 0) {
        count += this.bits;
        this.bits = 0;
        continue;
      }
      const z = Math.clz32(this.cache);
      if (z >= this.bits) {
        count += this.bits;
        this.cache = 0;
        this.bits = 0;
        continue;
      }
      // (a shift by 32 is a shift by 0 in JS)
      this.cache = z === 31 ? 0 : (this.cache << (z + 1)) >>> 0;
      this.bits -= z + 1;
      return count + z;
    }
  }

  /**
   * Rice-coded residuals with parameter `k` (0 ≤ k ≤ 30) into out[at .. at + count),
   * zig-zag decoded to signed values. The hot loop of FLAC decoding: the cache lives in
   * locals, and the zig-zag step uses integer operations only (a float % is a call).
   */
  rice(out: Float64Array, at: number, count: number, k: number): void {
    if (k > 24) {
      for (let i = at, e = at + count; i < e; i++) {
        const u = this.unary() * 2 ** k + this.readLong(k);
        out[i] = (u / 2) % 1 === 0 ? u / 2 : -(u + 1) / 2;
      }
      return;
    }
    const b = this.bytes;
    const end = this.end;
    let next = this.next;
    let cache = this.cache;
    let bits = this.bits;
    const halfScale = k > 0 ? 2 ** (k - 1) : 0;
    for (let i = at, e = at + count; i < e; i++) {
      // Top the cache up to 25–32 bits: whole bytes at once while three are left.
      if (bits <= 24) {
        if (next + 3 <= end) {
          if (bits <= 8) {
            cache =
              (cache |
                ((b[next] as number) << (24 - bits)) |
                ((b[next + 1] as number) << (16 - bits)) |
                ((b[next + 2] as number) << (8 - bits))) >>>
              0;
            next += 3;
            bits += 24;
          } else if (bits <= 16) {
            cache =
              (cache |
                ((b[next] as number) << (24 - bits)) |
                ((b[next + 1] as number) << (16 - bits))) >>>
              0;
            next += 2;
            bits += 16;
          } else {
            cache = (cache | ((b[next++] as number) << (24 - bits))) >>> 0;
            bits += 8;
          }
        } else {
          while (bits <= 24 && next < end) {
            cache = (cache | ((b[next++] as number) << (24 - bits))) >>> 0;
            bits += 8;
          }
        }
      }
      // Fast path: the quotient's one bit and the k remainder bits are all in the cache.
      if (cache !== 0) {
        const z = Math.clz32(cache);
        const used = z + 1 + k;
        if (used <= bits && used < 32) {
          const u = cache << (z + 1);
          cache = (u << k) >>> 0;
          bits -= used;
          // z + k ≤ 30, so z·2^k + r fits in 31 bits: a branch-free zig-zag (the sign
          // bit is a coin toss, which a branch mispredicts half the time).
          // (two shifts: the remainder is empty when k = 0, and a shift by 32 is one by 0)
          const v = (z << k) | ((u >>> 1) >>> (31 - k));
          out[i] = (v >>> 1) ^ -(v & 1);
          continue;
        }
      }
      // Quotient: zero bits up to a one bit.
      let q = 0;
      for (;;) {
        if (bits <= 24) {
          while (bits <= 24 && next < end) {
            cache = (cache | ((b[next++] as number) << (24 - bits))) >>> 0;
            bits += 8;
          }
          if (bits === 0) {
            this.next = next;
            this.cache = cache;
            this.bits = bits;
            throw new OutOfData();
          }
        }
        if (cache === 0) {
          q += bits;
          bits = 0;
          continue;
        }
        const z = Math.clz32(cache);
        q += z;
        // (a shift by 32 is a shift by 0 in JS)
        cache = z === 31 ? 0 : (cache << (z + 1)) >>> 0;
        bits -= z + 1;
        break;
      }
      // Remainder: k bits.
      if (k > 0) {
        if (bits < k) {
          while (bits <= 24 && next < end) {
            cache = (cache | ((b[next++] as number) << (24 - bits))) >>> 0;
            bits += 8;
          }
          if (bits < k) {
            this.next = next;
            this.cache = cache;
            this.bits = bits;
            throw new OutOfData();
          }
        }
        const r = cache >>> (32 - k);
        cache = (cache << k) >>> 0;
        bits -= k;
        const half = q * halfScale + (r >>> 1);
        out[i] = (r & 1) === 0 ? half : -half - 1;
      } else {
        const half = Math.floor(q / 2);
        out[i] = (q & 1) === 0 ? half : -half - 1;
      }
    }
    this.next = next;
    this.cache = cache;
    this.bits = bits;
  }
}
