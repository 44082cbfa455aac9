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
    for (let c = 0; c < this.channels; c++) {
      const x = block.channels[c] as Float32Array;
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
    this.frames += n;
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
