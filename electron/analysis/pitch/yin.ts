import { nextPow2, realFft } from '../dsp/fft';

export interface PitchFrame {
  /** Fundamental frequency in Hz (interpolated); 0 when no period was found. */
  f0: number;
  /** Normalised YIN difference at the chosen period: 0 perfectly periodic … 1 noise. */
  aperiodicity: number;
}

/**
 * YIN pitch estimator (de Cheveigné & Kawahara 2002) with the difference function
 * computed through one FFT cross-correlation per frame. Buffers are reused.
 */
export class Yin {
  readonly tauMin: number;
  readonly tauMax: number;
  private readonly size: number;
  private readonly a: Float64Array;
  private readonly b: Float64Array;
  private readonly aRe: Float64Array;
  private readonly aIm: Float64Array;
  private readonly bRe: Float64Array;
  private readonly bIm: Float64Array;
  private readonly corr: Float64Array;
  private readonly d: Float64Array;
  private readonly cum: Float64Array;

  constructor(
    private readonly sampleRate: number,
    minHz: number,
    maxHz: number,
    readonly window: number,
    private readonly threshold = 0.15,
  ) {
    this.tauMin = Math.max(2, Math.floor(sampleRate / maxHz));
    this.tauMax = Math.ceil(sampleRate / minHz);
    this.size = nextPow2(window + this.tauMax + 1);
    const bins = this.size / 2 + 1;
    this.a = new Float64Array(this.size);
    this.b = new Float64Array(this.size);
    this.aRe = new Float64Array(bins);
    this.aIm = new Float64Array(bins);
    this.bRe = new Float64Array(bins);
    this.bIm = new Float64Array(bins);
    this.corr = new Float64Array(this.size);
    this.d = new Float64Array(this.tauMax + 2);
    this.cum = new Float64Array(window + this.tauMax + 2);
  }

  /** Samples a frame needs from `offset` on. */
  get span(): number {
    return this.window + this.tauMax + 1;
  }

  analyze(x: Float32Array, offset: number): PitchFrame {
    const { window: w, tauMax, size, a, b } = this;
    const span = this.span;
    a.fill(0);
    b.fill(0);
    for (let i = 0; i < span; i++) {
      const v = offset + i < x.length ? (x[offset + i] as number) : 0;
      b[i] = v;
      if (i < w) a[i] = v;
    }
    const fft = realFft(size);
    fft.forward(a, this.aRe, this.aIm);
    fft.forward(b, this.bRe, this.bIm);
    // corr[τ] = Σ a[j]·b[j+τ]  ⇔  conj(A)·B
    for (let k = 0; k < this.aRe.length; k++) {
      const ar = this.aRe[k] as number;
      const ai = this.aIm[k] as number;
      const br = this.bRe[k] as number;
      const bi = this.bIm[k] as number;
      this.aRe[k] = ar * br + ai * bi;
      this.aIm[k] = ar * bi - ai * br;
    }
    fft.inverse(this.aRe, this.aIm, this.corr);
    const cum = this.cum;
    cum[0] = 0;
    for (let i = 0; i < span; i++)
      cum[i + 1] = (cum[i] as number) + (b[i] as number) * (b[i] as number);
    const e0 = cum[w] as number;
    if (e0 <= 1e-12) return { f0: 0, aperiodicity: 1 };
    const d = this.d;
    d[0] = 1;
    let running = 0;
    for (let tau = 1; tau <= tauMax; tau++) {
      const et = (cum[tau + w] as number) - (cum[tau] as number);
      const diff = Math.max(0, e0 + et - 2 * (this.corr[tau] as number));
      running += diff;
      d[tau] = running > 0 ? (diff * tau) / running : 1;
    }
    let best = -1;
    for (let tau = this.tauMin; tau <= tauMax; tau++) {
      if ((d[tau] as number) < this.threshold) {
        while (tau + 1 <= tauMax && (d[tau + 1] as number) < (d[tau] as number)) tau++;
        best = tau;
        break;
      }
    }
    if (best < 0) {
      let min = Infinity;
      for (let tau = this.tauMin; tau <= tauMax; tau++) {
        if ((d[tau] as number) < min) {
          min = d[tau] as number;
          best = tau;
        }
      }
    }
    const ap = d[best] as number;
    let tau = best;
    if (best > 1 && best < tauMax) {
      const y0 = d[best - 1] as number;
      const y1 = d[best] as number;
      const y2 = d[best + 1] as number;
      const den = y0 - 2 * y1 + y2;
      if (den > 0) tau = best + (0.5 * (y0 - y2)) / den;
    }
    return { f0: this.sampleRate / tau, aperiodicity: Math.max(0, Math.min(1, ap)) };
  }
}

const shared = new Map<string, Yin>();

/**
 * The shared estimator for these parameters (built once per thread, like `realFft`): its
 * buffers are scratch, fully rewritten by each `analyze`, so reusing them changes nothing
 * and spares the garbage collector ~100 kB per file.
 */
export function yinFor(sampleRate: number, minHz: number, maxHz: number, window: number): Yin {
  const key = `${sampleRate}/${minHz}/${maxHz}/${window}`;
  let yin = shared.get(key);
  if (!yin) {
    yin = new Yin(sampleRate, minHz, maxHz, window);
    shared.set(key, yin);
  }
  return yin;
}
