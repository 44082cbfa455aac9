/**
 * Real-input FFT (radix-2), allocation-free after construction.
 *
 * A length-N real signal is packed into an N/2-point complex signal (even samples in the
 * real part, odd samples in the imaginary part), transformed with an iterative radix-2
 * FFT, and split into the N/2 + 1 non-redundant bins of the real spectrum. One instance
 * per size; instances are cached by `realFft(size)` so every feature shares the tables.
 */
export class RealFft {
  readonly size: number;
  readonly bins: number;
  private readonly m: number;
  private readonly rev: Uint32Array;
  private readonly cosT: Float64Array;
  private readonly sinT: Float64Array;
  private readonly splitCos: Float64Array;
  private readonly splitSin: Float64Array;
  private readonly re: Float64Array;
  private readonly im: Float64Array;

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 4 || (size & (size - 1)) !== 0) {
      throw new RangeError(`FFT size must be a power of two >= 4, got ${size}`);
    }
    this.size = size;
    this.bins = size / 2 + 1;
    const m = size / 2;
    this.m = m;
    this.re = new Float64Array(m);
    this.im = new Float64Array(m);
    const bits = Math.log2(m);
    this.rev = new Uint32Array(m);
    for (let i = 0; i < m; i++) {
      let r = 0;
      for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
      this.rev[i] = r;
    }
    this.cosT = new Float64Array(Math.max(1, m / 2));
    this.sinT = new Float64Array(Math.max(1, m / 2));
    for (let k = 0; k < m / 2; k++) {
      this.cosT[k] = Math.cos((2 * Math.PI * k) / m);
      this.sinT[k] = Math.sin((2 * Math.PI * k) / m);
    }
    this.splitCos = new Float64Array(m + 1);
    this.splitSin = new Float64Array(m + 1);
    for (let k = 0; k <= m; k++) {
      this.splitCos[k] = Math.cos((2 * Math.PI * k) / size);
      this.splitSin[k] = Math.sin((2 * Math.PI * k) / size);
    }
  }

  /**
   * Forward transform. `input` holds up to `size` samples starting at `offset` (missing
   * samples count as zero); `window` (length `size`) is applied when given. Writes bins
   * 0..size/2 into outRe/outIm (length >= bins).
   */
  forward(
    input: ArrayLike<number>,
    outRe: Float64Array,
    outIm: Float64Array,
    window?: ArrayLike<number>,
    offset = 0,
  ): void {
    this.transform(this.load(input, window, offset));
    this.split(outRe, outIm);
  }

  /** Power spectrum |X[k]|² of a windowed frame into `out` (length >= bins). */
  power(
    input: ArrayLike<number>,
    out: Float32Array | Float64Array,
    window?: ArrayLike<number>,
    offset = 0,
  ): void {
    this.transform(this.load(input, window, offset));
    const { re, im, m, splitCos, splitSin } = this;
    const z0r = re[0] as number;
    const z0i = im[0] as number;
    out[0] = (z0r + z0i) * (z0r + z0i);
    out[m] = (z0r - z0i) * (z0r - z0i);
    for (let k = 1; k < m; k++) {
      const zr = re[k] as number;
      const zi = im[k] as number;
      const cr = re[m - k] as number;
      const ci = -(im[m - k] as number);
      const er = 0.5 * (zr + cr);
      const ei = 0.5 * (zi + ci);
      const orr = 0.5 * (zi - ci);
      const oi = -0.5 * (zr - cr);
      const wr = splitCos[k] as number;
      const wi = -(splitSin[k] as number);
      const xr = er + wr * orr - wi * oi;
      const xi = ei + wr * oi + wi * orr;
      out[k] = xr * xr + xi * xi;
    }
  }

  /**
   * Inverse of `forward`: bins 0..size/2 of a real signal's spectrum (the imaginary parts
   * of bins 0 and size/2 are ignored) → `out` (length >= size), scaled by 1/size.
   */
  inverse(inRe: Float64Array, inIm: Float64Array, out: Float64Array | Float32Array): void {
    const { re, im, rev, m, splitCos, splitSin } = this;
    // Rebuild Z[k] = Xe[k] + i·Xo[k] of the packed half-size signal, conjugated for the
    // forward-transform-as-inverse trick, and load it in bit-reversed order.
    for (let k = 0; k < m; k++) {
      const xr = inRe[k] as number;
      const xi = k === 0 ? 0 : (inIm[k] as number);
      const yr = inRe[m - k] as number;
      const yi = k === 0 ? 0 : -(inIm[m - k] as number);
      // Xe = (X[k] + conj(X[m-k])) / 2 ; D = (X[k] - conj(X[m-k])) / 2
      const er = 0.5 * (xr + yr);
      const ei = 0.5 * (xi + yi);
      const dr = 0.5 * (xr - yr);
      const di = 0.5 * (xi - yi);
      // Xo = D · e^{+2πik/N}
      const wr = splitCos[k] as number;
      const wi = splitSin[k] as number;
      const or = dr * wr - di * wi;
      const oi = dr * wi + di * wr;
      // Z = Xe + i·Xo ; load conj(Z)
      const r = rev[k] as number;
      re[r] = er - oi;
      im[r] = -(ei + or);
    }
    this.transform(0);
    const scale = 1 / m;
    for (let j = 0; j < m; j++) {
      out[2 * j] = (re[j] as number) * scale;
      out[2 * j + 1] = -(im[j] as number) * scale;
    }
  }

  /**
   * Loads the (windowed) input in bit-reversed order. A full frame (size ≥ 8) also gets
   * the first two radix-2 stages while its values are at hand — the same additions in the
   * same order as in `transform`, so the same results — and 2 is returned (the stages
   * done); otherwise 0.
   */
  private load(
    input: ArrayLike<number>,
    window: ArrayLike<number> | undefined,
    offset: number,
  ): number {
    const { re, im, rev, m } = this;
    const avail = Math.max(0, Math.min(this.size, input.length - offset));
    if (avail === this.size && m >= 4) {
      for (let i = 0; i < m; i += 4) {
        // Positions i … i + 3 hold inputs 2·rev[i + t] (real part) and 2·rev[i + t] + 1.
        const j0 = 2 * (rev[i] as number);
        const j1 = 2 * (rev[i + 1] as number);
        const j2 = 2 * (rev[i + 2] as number);
        const j3 = 2 * (rev[i + 3] as number);
        let r0: number, i0: number, r1: number, i1: number;
        let r2: number, i2: number, r3: number, i3: number;
        if (window) {
          r0 = (input[offset + j0] as number) * (window[j0] as number);
          i0 = (input[offset + j0 + 1] as number) * (window[j0 + 1] as number);
          r1 = (input[offset + j1] as number) * (window[j1] as number);
          i1 = (input[offset + j1 + 1] as number) * (window[j1 + 1] as number);
          r2 = (input[offset + j2] as number) * (window[j2] as number);
          i2 = (input[offset + j2 + 1] as number) * (window[j2 + 1] as number);
          r3 = (input[offset + j3] as number) * (window[j3] as number);
          i3 = (input[offset + j3 + 1] as number) * (window[j3 + 1] as number);
        } else {
          r0 = input[offset + j0] as number;
          i0 = input[offset + j0 + 1] as number;
          r1 = input[offset + j1] as number;
          i1 = input[offset + j1 + 1] as number;
          r2 = input[offset + j2] as number;
          i2 = input[offset + j2 + 1] as number;
          r3 = input[offset + j3] as number;
          i3 = input[offset + j3 + 1] as number;
        }
        // Stage 1 (size 2): (i, i + 1) and (i + 2, i + 3).
        const ar = r0 + r1;
        const ai = i0 + i1;
        const cr = r0 - r1;
        const ci = i0 - i1;
        const br = r2 + r3;
        const bi = i2 + i3;
        const dr = r2 - r3;
        const di = i2 - i3;
        // Stage 2 (size 4): (i, i + 2) plain, (i + 1, i + 3) with twiddle −i.
        re[i] = ar + br;
        im[i] = ai + bi;
        re[i + 2] = ar - br;
        im[i + 2] = ai - bi;
        re[i + 1] = cr + di;
        im[i + 1] = ci - dr;
        re[i + 3] = cr - di;
        im[i + 3] = ci + dr;
      }
      return 2;
    }
    if (window) {
      for (let j = 0; j < m; j++) {
        const a = 2 * j;
        const b = a + 1;
        const r = rev[j] as number;
        re[r] = a < avail ? (input[offset + a] as number) * (window[a] as number) : 0;
        im[r] = b < avail ? (input[offset + b] as number) * (window[b] as number) : 0;
      }
    } else {
      for (let j = 0; j < m; j++) {
        const a = 2 * j;
        const b = a + 1;
        const r = rev[j] as number;
        re[r] = a < avail ? (input[offset + a] as number) : 0;
        im[r] = b < avail ? (input[offset + b] as number) : 0;
      }
    }
    return 0;
  }

  /** The radix-2 stages after the first `done` (0, or 2 when `load` did stages 1 and 2). */
  private transform(done: number): void {
    const { re, im, cosT, sinT, m } = this;
    // Stage 1 (size 2) and stage 2 (size 4) need no multiplications.
    for (let i = 0; done === 0 && i + 1 < m; i += 2) {
      const ar = re[i] as number;
      const ai = im[i] as number;
      const br = re[i + 1] as number;
      const bi = im[i + 1] as number;
      re[i] = ar + br;
      im[i] = ai + bi;
      re[i + 1] = ar - br;
      im[i + 1] = ai - bi;
    }
    if (done === 0 && m >= 4) {
      for (let i = 0; i < m; i += 4) {
        const ar = re[i] as number;
        const ai = im[i] as number;
        const br = re[i + 2] as number;
        const bi = im[i + 2] as number;
        re[i] = ar + br;
        im[i] = ai + bi;
        re[i + 2] = ar - br;
        im[i + 2] = ai - bi;
        // twiddle −i: (cr, ci)·(−i) = (ci, −cr)
        const cr = re[i + 1] as number;
        const ci = im[i + 1] as number;
        const dr = re[i + 3] as number;
        const di = im[i + 3] as number;
        re[i + 1] = cr + di;
        im[i + 1] = ci - dr;
        re[i + 3] = cr - di;
        im[i + 3] = ci + dr;
      }
    }
    // Two radix-2 stages (sizes s and 2s) per pass over the data: the same butterflies
    // with the same twiddles in the same order, so the same results, with half the loads
    // and stores.
    let size = 8;
    for (; 2 * size <= m; size <<= 2) {
      const h = size >> 1;
      const stepA = m / size;
      const stepB = stepA >> 1;
      const block = 2 * size;
      for (let j = 0; j < h; j++) {
        const wr = cosT[j * stepA] as number;
        const wi = -(sinT[j * stepA] as number);
        const ur = cosT[j * stepB] as number;
        const ui = -(sinT[j * stepB] as number);
        const vr = cosT[(j + h) * stepB] as number;
        const vi = -(sinT[(j + h) * stepB] as number);
        for (let i0 = j; i0 < m; i0 += block) {
          const i1 = i0 + h;
          const i2 = i0 + size;
          const i3 = i2 + h;
          // Stage of size s: (i0, i1) and (i2, i3), twiddle w.
          let br = re[i1] as number;
          let bi = im[i1] as number;
          let tr = br * wr - bi * wi;
          let ti = br * wi + bi * wr;
          let ar = re[i0] as number;
          let ai = im[i0] as number;
          const y1r = ar - tr;
          const y1i = ai - ti;
          const y0r = ar + tr;
          const y0i = ai + ti;
          br = re[i3] as number;
          bi = im[i3] as number;
          tr = br * wr - bi * wi;
          ti = br * wi + bi * wr;
          ar = re[i2] as number;
          ai = im[i2] as number;
          const y3r = ar - tr;
          const y3i = ai - ti;
          const y2r = ar + tr;
          const y2i = ai + ti;
          // Stage of size 2s: (i0, i2) with twiddle u, (i1, i3) with twiddle v.
          tr = y2r * ur - y2i * ui;
          ti = y2r * ui + y2i * ur;
          re[i2] = y0r - tr;
          im[i2] = y0i - ti;
          re[i0] = y0r + tr;
          im[i0] = y0i + ti;
          tr = y3r * vr - y3i * vi;
          ti = y3r * vi + y3i * vr;
          re[i3] = y1r - tr;
          im[i3] = y1i - ti;
          re[i1] = y1r + tr;
          im[i1] = y1i + ti;
        }
      }
    }
    for (; size <= m; size <<= 1) {
      const half = size >> 1;
      const step = m / size;
      // Twiddle-outer loop: each twiddle is loaded once per stage.
      for (let j = 0, k = 0; j < half; j++, k += step) {
        const wr = cosT[k] as number;
        const wi = -(sinT[k] as number);
        for (let a = j; a < m; a += size) {
          const b = a + half;
          const br = re[b] as number;
          const bi = im[b] as number;
          const tr = br * wr - bi * wi;
          const ti = br * wi + bi * wr;
          const ar = re[a] as number;
          const ai = im[a] as number;
          re[b] = ar - tr;
          im[b] = ai - ti;
          re[a] = ar + tr;
          im[a] = ai + ti;
        }
      }
    }
  }

  private split(outRe: Float64Array, outIm: Float64Array): void {
    const { re, im, m, splitCos, splitSin } = this;
    const z0r = re[0] as number;
    const z0i = im[0] as number;
    outRe[0] = z0r + z0i;
    outIm[0] = 0;
    outRe[m] = z0r - z0i;
    outIm[m] = 0;
    for (let k = 1; k < m; k++) {
      const zr = re[k] as number;
      const zi = im[k] as number;
      const cr = re[m - k] as number;
      const ci = -(im[m - k] as number);
      const er = 0.5 * (zr + cr);
      const ei = 0.5 * (zi + ci);
      const orr = 0.5 * (zi - ci);
      const oi = -0.5 * (zr - cr);
      const wr = splitCos[k] as number;
      const wi = -(splitSin[k] as number);
      outRe[k] = er + wr * orr - wi * oi;
      outIm[k] = ei + wr * oi + wi * orr;
    }
  }
}

const cache = new Map<number, RealFft>();

/** The shared FFT instance for `size` (tables built once per thread). */
export function realFft(size: number): RealFft {
  let fft = cache.get(size);
  if (!fft) {
    fft = new RealFft(size);
    cache.set(size, fft);
  }
  return fft;
}

/** Smallest power of two >= n (n >= 1). */
export function nextPow2(n: number): number {
  let p = 1;
  while (p < n) p <<= 1;
  return p;
}
