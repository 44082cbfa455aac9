import type { AudioBlock } from '../decode/types';
import { Decimator } from '../dsp/decimator';

/** Tempo, key, kind and descriptors look at the first EXCERPT_SECONDS of a file (documented). */
export const EXCERPT_SECONDS = 120;

/** Integer factor that brings a high sample rate down to ≤ ~50 kHz for feature analysis. */
export function analysisDecimation(sampleRate: number): number {
  return sampleRate > 50000 ? Math.max(1, Math.floor(sampleRate / 44100)) : 1;
}

/**
 * Collects the mono mix (mean of all channels) of the first `maxSeconds` at the analysis
 * rate: the file's rate, or an integer fraction of it for rates above 50 kHz. Memory is
 * bounded by maxSeconds whatever the file length.
 */
export class ExcerptCollector {
  readonly analysisRate: number;
  private readonly decimator: Decimator;
  private data: Float32Array;
  private readonly cap: number;
  private length = 0;
  private mix = new Float32Array(0);
  private inputFrames = 0;
  private readonly maxInput: number;

  constructor(
    sampleRate: number,
    private readonly channels: number,
    maxSeconds = EXCERPT_SECONDS,
    expectedFrames: number | null = null,
  ) {
    const factor = analysisDecimation(sampleRate);
    this.decimator = new Decimator(factor);
    this.analysisRate = sampleRate / factor;
    this.maxInput = Math.ceil(maxSeconds * sampleRate);
    this.cap = Math.ceil(this.maxInput / factor) + 1;
    // Allocate what the header promises (when known), growing if it lied.
    const initial = expectedFrames !== null ? Math.ceil(expectedFrames / factor) + 1 : 1 << 16;
    this.data = new Float32Array(Math.min(this.cap, Math.max(16, initial)));
  }

  private ensure(extra: number): void {
    const need = Math.min(this.cap, this.length + extra);
    if (need <= this.data.length) return;
    const bigger = new Float32Array(Math.min(this.cap, Math.max(need, this.data.length * 2)));
    bigger.set(this.data.subarray(0, this.length));
    this.data = bigger;
  }

  /** True once the excerpt is full (the caller may stop mixing). */
  get full(): boolean {
    return this.inputFrames >= this.maxInput;
  }

  push(block: AudioBlock): void {
    if (this.full) return;
    const n = Math.min(block.frames, this.maxInput - this.inputFrames);
    if (this.decimator.factor === 1) {
      // At the file's own rate the mix goes straight into the excerpt (no second copy).
      this.ensure(n + 1);
      const d = this.data;
      const at = this.length;
      const chans = block.channels;
      const c0 = chans[0] as Float32Array;
      if (this.channels === 1) d.set(c0.subarray(0, n), at);
      else {
        const g = 1 / this.channels;
        for (let i = 0; i < n; i++) d[at + i] = (c0[i] as number) * g;
        for (let c = 1; c < this.channels; c++) {
          const x = chans[c] as Float32Array;
          for (let i = 0; i < n; i++) d[at + i] = (d[at + i] as number) + (x[i] as number) * g;
        }
      }
      this.length += n;
      this.inputFrames += n;
      return;
    }
    if (this.mix.length < n) this.mix = new Float32Array(Math.max(n, 4096));
    const m = this.mix;
    const chans = block.channels;
    const g = 1 / this.channels;
    const c0 = chans[0] as Float32Array;
    if (this.channels === 1) {
      for (let i = 0; i < n; i++) m[i] = c0[i] as number;
    } else {
      for (let i = 0; i < n; i++) m[i] = (c0[i] as number) * g;
      for (let c = 1; c < this.channels; c++) {
        const x = chans[c] as Float32Array;
        for (let i = 0; i < n; i++) m[i] = (m[i] as number) + (x[i] as number) * g;
      }
    }
    this.ensure(Math.ceil(n / this.decimator.factor) + 1);
    this.length += this.decimator.process(m, n, this.data, this.length);
    this.inputFrames += n;
  }

  /** The collected mono excerpt (a view; valid until the collector is dropped). */
  result(): Float32Array {
    return this.data.subarray(0, this.length);
  }
}
