import type { AudioBlock } from '../decode/types';
import type { PeakLevel, Peaks } from './peaksCodec';

/** Bucket counts of the stored levels (coarse → fine). */
export const PEAK_LEVELS = [256, 1024, 4096] as const;
/** A level is kept only if each bucket spans at least this many frames (the coarsest always is). */
const MIN_FRAMES_PER_BUCKET = 8;
const MICRO = 8192;

/**
 * Streaming min/max envelope. Keeps between MICRO and 2·MICRO "micro-buckets" whose size
 * doubles whenever they fill up, so it needs no frame count in advance and constant
 * memory; at the end each stored level is built from the micro-buckets.
 *
 * Channels: mono files store one envelope; stereo files two, unless both channels are
 * (nearly) identical; files with more channels store one envelope of all channels.
 */
export class PeakBuilder {
  private readonly sourceChannels: number;
  private readonly tracks: number;
  private mins: Float32Array[];
  private maxs: Float32Array[];
  private size = 1;
  private count = 0;
  private fill = 0;
  private frames = 0;
  private maxSideDiff = 0;

  /**
   * `expectedFrames` (from the header, when known) lets the micro-buckets start at the
   * right size instead of doubling up from one frame.
   */
  constructor(
    channels: number,
    private readonly sampleRate: number,
    expectedFrames: number | null = null,
  ) {
    this.sourceChannels = channels;
    if (expectedFrames !== null && expectedFrames > 2 * MICRO) {
      let size = 1;
      while (size * 2 * MICRO < expectedFrames) size *= 2;
      this.size = size;
    }
    this.tracks = channels === 2 ? 2 : 1;
    // As many micro-buckets as the header promises (growing if it lied), else start small
    // and grow (short one-shots need a few hundred buckets, not 16k).
    const initial =
      expectedFrames !== null
        ? Math.min(2 * MICRO, Math.max(256, Math.ceil(expectedFrames / this.size) + 1))
        : 256;
    this.mins = Array.from({ length: this.tracks }, () => new Float32Array(initial));
    this.maxs = Array.from({ length: this.tracks }, () => new Float32Array(initial));
  }

  push(block: AudioBlock): void {
    const n = block.frames;
    if (this.sourceChannels === 2) {
      const l = block.channels[0] as Float32Array;
      const r = block.channels[1] as Float32Array;
      let d = this.maxSideDiff;
      for (let i = 0; i < n; i++) {
        const x = Math.abs((l[i] as number) - (r[i] as number));
        if (x > d) d = x;
      }
      this.maxSideDiff = d;
    }
    let i = 0;
    while (i < n) {
      if (this.fill === 0 && this.count < 2 * MICRO && n - i >= this.size) {
        i += this.wholeBuckets(block, i);
        continue;
      }
      if (this.fill === 0) {
        if (this.count === 2 * MICRO) this.halve();
        if (this.count === (this.mins[0] as Float32Array).length) this.grow();
        for (let t = 0; t < this.tracks; t++) {
          (this.mins[t] as Float32Array)[this.count] = Infinity;
          (this.maxs[t] as Float32Array)[this.count] = -Infinity;
        }
        this.count++;
      }
      const take = Math.min(n - i, this.size - this.fill);
      const b = this.count - 1;
      for (let t = 0; t < this.tracks; t++) {
        let lo = (this.mins[t] as Float32Array)[b] as number;
        let hi = (this.maxs[t] as Float32Array)[b] as number;
        const first = this.tracks === 1 ? 0 : t;
        const last = this.tracks === 1 ? block.channels.length : t + 1;
        const end = i + take;
        for (let c = first; c < last; c++) {
          const ch = block.channels[c] as Float32Array;
          for (let k = i; k < end; k++) {
            const v = ch[k] as number;
            if (v < lo) lo = v;
            if (v > hi) hi = v;
          }
        }
        (this.mins[t] as Float32Array)[b] = lo;
        (this.maxs[t] as Float32Array)[b] = hi;
      }
      this.fill += take;
      i += take;
      if (this.fill === this.size) this.fill = 0;
    }
    this.frames += n;
  }

  /**
   * Fills as many whole micro-buckets as fit from frame `i` on (at least one), in one
   * tight loop per track; the same values, bucket for bucket, as the general path.
   * Returns the frames used.
   */
  private wholeBuckets(block: AudioBlock, i: number): number {
    if (this.count === (this.mins[0] as Float32Array).length) this.grow();
    const size = this.size;
    const nb = Math.min(
      Math.floor((block.frames - i) / size),
      2 * MICRO - this.count,
      (this.mins[0] as Float32Array).length - this.count,
    );
    const chans = block.channels;
    for (let t = 0; t < this.tracks; t++) {
      const mn = this.mins[t] as Float32Array;
      const mx = this.maxs[t] as Float32Array;
      const first = this.tracks === 1 ? 0 : t;
      const last = this.tracks === 1 ? chans.length : t + 1;
      if (last - first === 1) {
        const ch = chans[first] as Float32Array;
        for (let b = 0, k = i; b < nb; b++) {
          let lo = Infinity;
          let hi = -Infinity;
          for (const end = k + size; k < end; k++) {
            const v = ch[k] as number;
            if (v < lo) lo = v;
            if (v > hi) hi = v;
          }
          mn[this.count + b] = lo;
          mx[this.count + b] = hi;
        }
      } else {
        for (let b = 0; b < nb; b++) {
          let lo = Infinity;
          let hi = -Infinity;
          const start = i + b * size;
          for (let c = first; c < last; c++) {
            const ch = chans[c] as Float32Array;
            for (let k = start, end = start + size; k < end; k++) {
              const v = ch[k] as number;
              if (v < lo) lo = v;
              if (v > hi) hi = v;
            }
          }
          mn[this.count + b] = lo;
          mx[this.count + b] = hi;
        }
      }
    }
    this.count += nb;
    return nb * size;
  }

  private grow(): void {
    const next = Math.min(2 * MICRO, 2 * (this.mins[0] as Float32Array).length);
    const enlarge = (a: Float32Array): Float32Array => {
      const b = new Float32Array(next);
      b.set(a);
      return b;
    };
    this.mins = this.mins.map(enlarge);
    this.maxs = this.maxs.map(enlarge);
  }

  private halve(): void {
    for (let t = 0; t < this.tracks; t++) {
      const mn = this.mins[t] as Float32Array;
      const mx = this.maxs[t] as Float32Array;
      for (let j = 0; j < MICRO; j++) {
        mn[j] = Math.min(mn[2 * j] as number, mn[2 * j + 1] as number);
        mx[j] = Math.max(mx[2 * j] as number, mx[2 * j + 1] as number);
      }
    }
    this.count = MICRO;
    this.size *= 2;
  }

  /** True when a stereo file's channels differ by less than 1/512 of full scale everywhere. */
  get stereoIsDualMono(): boolean {
    return this.sourceChannels === 2 && this.maxSideDiff < 1 / 512;
  }

  result(): Peaks {
    const stored = this.tracks === 2 && !this.stereoIsDualMono ? 2 : 1;
    const sizes: number[] = [];
    if (this.frames > 0) {
      for (const want of PEAK_LEVELS) {
        const buckets = Math.min(want, this.frames);
        if (sizes.length > 0 && this.frames < want * MIN_FRAMES_PER_BUCKET) break;
        sizes.push(buckets);
        if (buckets < want) break;
      }
    }
    // Finest first: a coarser level whose buckets are unions of the finer level's buckets
    // is read from that level (the same values: min/max and the rounding commute).
    const levels: PeakLevel[] = [];
    for (let l = sizes.length - 1; l >= 0; l--) {
      const buckets = sizes[l] as number;
      const finer = levels[0];
      levels.unshift(
        finer && finer.buckets % buckets === 0 && this.count >= finer.buckets
          ? coarsen(finer, buckets)
          : this.level(buckets, stored),
      );
    }
    return { channels: stored, frames: this.frames, sampleRate: this.sampleRate, levels };
  }

  private level(buckets: number, stored: number): PeakLevel {
    const c = this.count;
    const data: Int8Array[] = [];
    for (let t = 0; t < stored; t++) {
      const mn = this.mins[t] as Float32Array;
      const mx = this.maxs[t] as Float32Array;
      const out = new Int8Array(buckets * 2);
      for (let i = 0; i < buckets; i++) {
        const a = Math.floor((i * c) / buckets);
        const b = Math.max(a + 1, Math.floor(((i + 1) * c) / buckets));
        let lo = Infinity;
        let hi = -Infinity;
        for (let j = a; j < b; j++) {
          if ((mn[j] as number) < lo) lo = mn[j] as number;
          if ((mx[j] as number) > hi) hi = mx[j] as number;
        }
        out[2 * i] = Math.max(-127, Math.min(127, Math.floor(lo * 127)));
        out[2 * i + 1] = Math.max(-127, Math.min(127, Math.ceil(hi * 127)));
      }
      data.push(out);
    }
    return { buckets, data };
  }
}

/**
 * A level of `buckets` buckets from a finer one whose bucket count is a multiple of it.
 * Valid when the finer level was built from at least as many micro-buckets as it has
 * buckets: then bucket i of the finer level spans micro-buckets ⌊i·c/F⌋ … ⌊(i+1)·c/F⌋ − 1,
 * and bucket j of the coarser one exactly the finer buckets j·F/C … (j+1)·F/C − 1. The
 * stored values are monotone in the min/max they round, so the min of the rounded minima
 * is the rounded minimum of the union (and likewise for the maxima).
 */
export function coarsen(finer: PeakLevel, buckets: number): PeakLevel {
  const ratio = finer.buckets / buckets;
  const data = finer.data.map((fine) => {
    const out = new Int8Array(buckets * 2);
    for (let j = 0, i = 0; j < buckets; j++) {
      let lo = 127;
      let hi = -127;
      for (const end = i + ratio; i < end; i++) {
        const a = fine[2 * i] as number;
        const b = fine[2 * i + 1] as number;
        if (a < lo) lo = a;
        if (b > hi) hi = b;
      }
      out[2 * j] = lo;
      out[2 * j + 1] = hi;
    }
    return out;
  });
  return { buckets, data };
}
