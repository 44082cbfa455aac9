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
  /** The last kernel.length − 1 inputs, then room for the block being processed. */
  private work: Float64Array;
  /** Inputs since the last output (0 … factor − 1). */
  private phase = 0;

  constructor(factor: number) {
    if (!Number.isInteger(factor) || factor < 1)
      throw new RangeError('decimation factor must be a positive integer');
    this.factor = factor;
    this.kernel = factor === 1 ? new Float64Array([1]) : kernelFor(factor);
    this.work = new Float64Array(this.kernel.length - 1 + 4096);
  }

  /**
   * Feeds `n` input samples from `x` (starting at `offset`); writes outputs to `out` from
   * `outOffset`, at most `out.length - outOffset` of them. Returns how many were written.
   *
   * Output m is Σ kernel[t] · input[m·factor + factor − L + t] over t = 0 … L − 1 (inputs
   * before the first are zero), summed in that order. Four outputs are summed side by
   * side — four independent chains of additions the CPU overlaps — each in the same
   * order as alone, so the results are the same to the bit.
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
    const k = this.kernel;
    const L = k.length;
    const f = this.factor;
    const h = L - 1;
    if (this.work.length < h + n) {
      const bigger = new Float64Array(h + Math.max(n, 2 * (this.work.length - h)));
      bigger.set(this.work.subarray(0, h));
      this.work = bigger;
    }
    const b = this.work;
    for (let i = 0; i < n; i++) b[h + i] = x[offset + i] as number;
    // The output after input i of this block (i = first, first + f, …) reads b[i … i + L).
    const first = f - 1 - this.phase;
    const count = first < n ? Math.floor((n - 1 - first) / f) + 1 : 0;
    const wanted = Math.max(0, Math.min(count, out.length - outOffset));
    let w = outOffset;
    let m = 0;
    for (; m + 4 <= wanted; m += 4) {
      const s0 = first + m * f;
      const s1 = s0 + f;
      const s2 = s1 + f;
      const s3 = s2 + f;
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      for (let t = 0; t < L; t++) {
        const c = k[t] as number;
        a0 += c * (b[s0 + t] as number);
        a1 += c * (b[s1 + t] as number);
        a2 += c * (b[s2 + t] as number);
        a3 += c * (b[s3 + t] as number);
      }
      out[w] = a0;
      out[w + 1] = a1;
      out[w + 2] = a2;
      out[w + 3] = a3;
      w += 4;
    }
    for (; m < wanted; m++) {
      const s0 = first + m * f;
      let acc = 0;
      for (let t = 0; t < L; t++) acc += (k[t] as number) * (b[s0 + t] as number);
      out[w++] = acc;
    }
    this.phase = (this.phase + n) % f;
    // Keep the last L − 1 inputs for the next block.
    b.copyWithin(0, n, n + h);
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
 *
 * `from`/`to`: only outputs j in [from, to) are computed (the others stay 0) — for callers
 * that read a part of the result; each computed output is the same, to the bit, as when
 * all are. Interior outputs are summed four side by side, each in the same order as alone.
 */
export function decimate(
  x: Float32Array,
  factor: number,
  from = 0,
  to = Number.POSITIVE_INFINITY,
): Float32Array {
  if (factor === 1) return x;
  const h = kernelFor(factor, FAST_TAPS_PER_FACTOR);
  const L = h.length;
  const mid = (L - 1) / 2;
  const n = Math.ceil(x.length / factor);
  const out = new Float32Array(n);
  const j0 = Math.max(0, Math.min(n, Math.floor(from)));
  const j1 = Math.max(j0, Math.min(n, Math.ceil(to)));
  // Outputs whose whole kernel lies inside x: j·factor − mid ≥ 0 and j·factor + mid < x.length.
  const in0 = Math.min(j1, Math.max(j0, Math.ceil(mid / factor)));
  const in1 = Math.max(in0, Math.min(j1, Math.floor((x.length - 1 - mid) / factor) + 1));
  const edge = (j: number): void => {
    const c = j * factor;
    const k0 = Math.max(0, mid - c);
    const k1 = Math.min(L, x.length - c + mid);
    let acc = 0;
    for (let k = k0, i = c - mid + k0; k < k1; k++, i++) acc += (h[k] as number) * (x[i] as number);
    out[j] = acc;
  };
  for (let j = j0; j < in0; j++) edge(j);
  let j = in0;
  for (; j + 4 <= in1; j += 4) {
    const i0 = j * factor - mid;
    const i1 = i0 + factor;
    const i2 = i1 + factor;
    const i3 = i2 + factor;
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    for (let k = 0; k < L; k++) {
      const c = h[k] as number;
      a0 += c * (x[i0 + k] as number);
      a1 += c * (x[i1 + k] as number);
      a2 += c * (x[i2 + k] as number);
      a3 += c * (x[i3 + k] as number);
    }
    out[j] = a0;
    out[j + 1] = a1;
    out[j + 2] = a2;
    out[j + 3] = a3;
  }
  for (; j < j1; j++) edge(j);
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
