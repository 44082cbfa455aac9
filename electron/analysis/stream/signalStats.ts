import type { AudioBlock } from '../decode/types';

/** Whole-file statistics gathered while streaming (cheap per-sample work only). */
export interface SignalStatsResult {
  frames: number;
  /** Mean of all channels' samples (DC offset). */
  dcOffset: number;
  /** RMS over all channels, linear. */
  rms: number;
  /**
   * Half the peak-to-peak excursion of the widest channel (linear): how far the signal
   * moves around its DC level — 0 for digital silence and for a constant DC offset.
   */
  swing: number;
  /** Samples at or above 0.999 full scale that belong to runs of ≥ 3 such samples. */
  clippedSamples: number;
  /** Number of such runs. */
  clipRuns: number;
  /** Side/(mid+side) energy of the first two channels: 0 mono, ~0.5 uncorrelated, 1 anti-phase. Null for mono. */
  stereoWidth: number | null;
  /** Pearson correlation of L and R (null for mono or silent). */
  stereoCorrelation: number | null;
}

const CLIP_LEVEL = 0.999;
const CLIP_RUN = 3;

export class SignalStats {
  private frames = 0;
  private sum = 0;
  private sumSq = 0;
  private clipped = 0;
  private runs = 0;
  private readonly runLen: Int32Array;
  private readonly lo: Float64Array;
  private readonly hi: Float64Array;
  private ll = 0;
  private rr = 0;
  private lr = 0;

  constructor(private readonly channels: number) {
    this.runLen = new Int32Array(channels);
    this.lo = new Float64Array(channels).fill(Infinity);
    this.hi = new Float64Array(channels).fill(-Infinity);
  }

  push(block: AudioBlock): void {
    const n = block.frames;
    if (this.channels === 2)
      this.pushStereo(block.channels[0] as Float32Array, block.channels[1] as Float32Array, n);
    else {
      for (let c = 0; c < this.channels; c++) {
        const [s, q] = this.pushChannel(c, block.channels[c] as Float32Array, n);
        this.sum += s;
        this.sumSq += q;
      }
      if (this.channels >= 2) {
        const l = block.channels[0] as Float32Array;
        const r = block.channels[1] as Float32Array;
        let ll = 0;
        let rr = 0;
        let lr = 0;
        for (let i = 0; i < n; i++) {
          const a = l[i] as number;
          const b = r[i] as number;
          ll += a * a;
          rr += b * b;
          lr += a * b;
        }
        this.ll += ll;
        this.rr += rr;
        this.lr += lr;
      }
    }
    this.frames += n;
  }

  /** Sum and sum of squares of one channel's block (in sample order); updates its range and clip runs. */
  private pushChannel(c: number, x: Float32Array, n: number): [number, number] {
    let s = 0;
    let q = 0;
    let run = this.runLen[c] as number;
    let lo = this.lo[c] as number;
    let hi = this.hi[c] as number;
    for (let i = 0; i < n; i++) {
      const v = x[i] as number;
      s += v;
      q += v * v;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
      if (v >= CLIP_LEVEL || v <= -CLIP_LEVEL) {
        run++;
        if (run === CLIP_RUN) {
          this.clipped += CLIP_RUN;
          this.runs++;
        } else if (run > CLIP_RUN) this.clipped++;
      } else run = 0;
    }
    this.runLen[c] = run;
    this.lo[c] = lo;
    this.hi[c] = hi;
    return [s, q];
  }

  /**
   * Both channels of a stereo block in one loop: the same sums, each accumulated in the
   * same order as channel by channel (so the same values to the bit), but as independent
   * chains of additions the CPU overlaps. Σl² is the left channel's sum of squares.
   */
  private pushStereo(l: Float32Array, r: Float32Array, n: number): void {
    let sl = 0;
    let ql = 0;
    let sr = 0;
    let qr = 0;
    let lr = 0;
    let loL = this.lo[0] as number;
    let hiL = this.hi[0] as number;
    let loR = this.lo[1] as number;
    let hiR = this.hi[1] as number;
    let clipL = false;
    let clipR = false;
    for (let i = 0; i < n; i++) {
      const a = l[i] as number;
      const b = r[i] as number;
      sl += a;
      ql += a * a;
      sr += b;
      qr += b * b;
      lr += a * b;
      if (a < loL) loL = a;
      if (a > hiL) hiL = a;
      if (b < loR) loR = b;
      if (b > hiR) hiR = b;
    }
    // Clipping is rare: count runs only where a channel reaches the clip level.
    if (loL <= -CLIP_LEVEL || hiL >= CLIP_LEVEL || (this.runLen[0] as number) > 0) clipL = true;
    if (loR <= -CLIP_LEVEL || hiR >= CLIP_LEVEL || (this.runLen[1] as number) > 0) clipR = true;
    if (clipL) this.countClips(0, l, n);
    if (clipR) this.countClips(1, r, n);
    this.lo[0] = loL;
    this.hi[0] = hiL;
    this.lo[1] = loR;
    this.hi[1] = hiR;
    this.sum += sl;
    this.sumSq += ql;
    this.sum += sr;
    this.sumSq += qr;
    this.ll += ql;
    this.rr += qr;
    this.lr += lr;
  }

  private countClips(c: number, x: Float32Array, n: number): void {
    let run = this.runLen[c] as number;
    for (let i = 0; i < n; i++) {
      const v = x[i] as number;
      if (v >= CLIP_LEVEL || v <= -CLIP_LEVEL) {
        run++;
        if (run === CLIP_RUN) {
          this.clipped += CLIP_RUN;
          this.runs++;
        } else if (run > CLIP_RUN) this.clipped++;
      } else run = 0;
    }
    this.runLen[c] = run;
  }

  result(): SignalStatsResult {
    const count = this.frames * this.channels;
    let width: number | null = null;
    let corr: number | null = null;
    if (this.channels >= 2) {
      // mid = (l+r)/2, side = (l-r)/2
      const mid = (this.ll + this.rr + 2 * this.lr) / 4;
      const side = (this.ll + this.rr - 2 * this.lr) / 4;
      width = mid + side > 0 ? side / (mid + side) : 0;
      corr = this.ll > 0 && this.rr > 0 ? this.lr / Math.sqrt(this.ll * this.rr) : null;
    }
    let swing = 0;
    for (let c = 0; c < this.channels; c++) {
      const span = (this.hi[c] as number) - (this.lo[c] as number);
      if (span > 0) swing = Math.max(swing, span / 2);
    }
    return {
      frames: this.frames,
      dcOffset: count > 0 ? this.sum / count : 0,
      rms: count > 0 ? Math.sqrt(this.sumSq / count) : 0,
      swing,
      clippedSamples: this.clipped,
      clipRuns: this.runs,
      stereoWidth: width,
      stereoCorrelation: corr,
    };
  }
}
