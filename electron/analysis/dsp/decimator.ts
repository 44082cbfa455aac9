import { kaiserWeight } from './kaiser';

/**
 * Integer-factor decimator: a Kaiser-windowed sinc low-pass (cutoff at 0.9 × the new
 * Nyquist) evaluated only at the kept samples. Streaming: `process` can be fed any block
 * sizes and keeps its own history.
 */
/** Taps per unit of factor: 24 for the streaming excerpt, 8 for the analysis-only decimate(). */
const TAPS_PER_FACTOR = 24;
const FAST_TAPS_PER_FACTOR = 8;

export function lowPassKernel(factor: number, tapsPerFactor = TAPS_PER_FACTOR): Float64Array {
  const len = tapsPerFactor * factor + 1;
  const mid = (len - 1) / 2;
  const fc = 0.9 / (2 * factor); // cycles per input sample
  const beta = tapsPerFactor >= 16 ? 7 : 5;
  const h = new Float64Array(len);
  let sum = 0;
  for (let n = 0; n < len; n++) {
    const t = n - mid;
    const sinc = t === 0 ? 2 * fc : Math.sin(2 * Math.PI * fc * t) / (Math.PI * t);
    h[n] = sinc * kaiserWeight(t / mid, beta);
    sum += h[n] as number;
  }
  for (let n = 0; n < len; n++) h[n] = (h[n] as number) / sum;
  return h;
}

export class Decimator {
  readonly factor: number;
  private readonly kernel: Float64Array;
  private readonly buf: Float64Array;
  /** Samples in buf (a sliding window of the last kernel.length inputs). */
  private phase = 0;
  private pos = 0;

  constructor(factor: number) {
    if (!Number.isInteger(factor) || factor < 1)
      throw new RangeError('decimation factor must be a positive integer');
    this.factor = factor;
    this.kernel = factor === 1 ? new Float64Array([1]) : kernelFor(factor);
    // Circular buffer, doubled so a contiguous window is always available.
    this.buf = new Float64Array(2 * this.kernel.length);
  }

  /**
   * Feeds `n` input samples from `x` (starting at `offset`); writes outputs to `out` from
   * `outOffset`, at most `out.length - outOffset` of them. Returns how many were written.
   */
  process(
    x: ArrayLike<number>,
    n: number,
    out: Float32Array,
    outOffset: number,
    offset = 0,
  ): number {
    if (this.factor === 1) {
      const m = Math.min(n, out.length - outOffset);
      for (let i = 0; i < m; i++) out[outOffset + i] = x[offset + i] as number;
      return m;
    }
    const L = this.kernel.length;
    const k = this.kernel;
    const b = this.buf;
    let w = outOffset;
    for (let i = 0; i < n; i++) {
      const v = x[offset + i] as number;
      b[this.pos] = v;
      b[this.pos + L] = v;
      this.pos = this.pos + 1 === L ? 0 : this.pos + 1;
      if (++this.phase === this.factor) {
        this.phase = 0;
        if (w >= out.length) continue;
        // Oldest sample sits at pos; window b[pos .. pos+L).
        let acc = 0;
        for (let j = 0, p = this.pos; j < L; j++, p++) acc += (k[j] as number) * (b[p] as number);
        out[w++] = acc;
      }
    }
    return w - outOffset;
  }

  /** Delay of the filter in output samples (the kernel is linear-phase). */
  get delay(): number {
    return (this.kernel.length - 1) / 2 / this.factor;
  }
}

/**
 * Decimates a whole array (no streaming); output j is centred on input j·factor. Uses a
 * short filter (8 taps per unit of factor, ~40 dB stopband): enough for pitch and chroma,
 * which look far below the new Nyquist.
 */
export function decimate(x: Float32Array, factor: number): Float32Array {
  if (factor === 1) return x;
  const h = kernelFor(factor, FAST_TAPS_PER_FACTOR);
  const L = h.length;
  const mid = (L - 1) / 2;
  const n = Math.ceil(x.length / factor);
  const out = new Float32Array(n);
  for (let j = 0; j < n; j++) {
    const c = j * factor;
    const k0 = Math.max(0, mid - c);
    const k1 = Math.min(L, x.length - c + mid);
    let acc = 0;
    for (let k = k0, i = c - mid + k0; k < k1; k++, i++) acc += (h[k] as number) * (x[i] as number);
    out[j] = acc;
  }
  return out;
}

const kernels = new Map<string, Float64Array>();

function kernelFor(factor: number, taps = TAPS_PER_FACTOR): Float64Array {
  const key = `${factor}/${taps}`;
  let h = kernels.get(key);
  if (!h) {
    h = lowPassKernel(factor, taps);
    kernels.set(key, h);
  }
  return h;
}
