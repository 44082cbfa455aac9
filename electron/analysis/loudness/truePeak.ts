import type { AudioBlock } from '../decode/types';
import { kaiserWeight } from '../dsp/kaiser';

/**
 * True-peak meter per ITU-R BS.1770-4 Annex 2: oversample (4× at 44.1/48 kHz, 8× at
 * 22.05/24 kHz, 2× at 88.2/96 kHz, none from 176.4 kHz up) with a polyphase
 * windowed-sinc interpolator and take the largest absolute value.
 *
 * Speed: the interpolated values of a chunk of samples can never exceed the chunk's
 * largest |x| (including the filter's history) times the largest per-phase L1 norm of the
 * filter (`bound`). A block, then each chunk, whose bound cannot beat the running peak is
 * skipped — an exact shortcut, not an approximation — so in practice only the loudest
 * passages are oversampled. The test costs one pass of |x| per sample and no sorting, so
 * long quiet files (where nearly every chunk is skipped) cost little more than reading them.
 */
export function oversamplingFactor(sampleRate: number): number {
  if (sampleRate >= 176400) return 1;
  return Math.min(32, 2 ** Math.ceil(Math.log2(176400 / sampleRate)));
}

interface Polyphase {
  factor: number;
  taps: number;
  /** phases × taps, phase-major; phase 0 is the identity (Nyquist filter). */
  coeffs: Float64Array;
  bound: number;
}

const TAPS_PER_PHASE = 12;
const KAISER_BETA = 6;
const cache = new Map<number, Polyphase>();

export function polyphaseFilter(factor: number): Polyphase {
  const hit = cache.get(factor);
  if (hit) return hit;
  const taps = TAPS_PER_PHASE;
  const len = factor * taps;
  const center = (len - 1) / 2;
  // Shift so that phase 0 lands exactly on the input samples: centre on an integer index.
  const mid = Math.floor(len / 2);
  const proto = new Float64Array(len);
  for (let n = 0; n < len; n++) {
    const t = (n - mid) / factor;
    const sinc = t === 0 ? 1 : Math.sin(Math.PI * t) / (Math.PI * t);
    const r = (n - center) / (center + 1);
    proto[n] = sinc * kaiserWeight(r, KAISER_BETA);
  }
  const coeffs = new Float64Array(len);
  let bound = 0;
  for (let p = 0; p < factor; p++) {
    let l1 = 0;
    let dc = 0;
    for (let k = 0; k < taps; k++) dc += proto[p + factor * k] as number;
    for (let k = 0; k < taps; k++) {
      const v = (proto[p + factor * k] as number) / (dc === 0 ? 1 : dc);
      coeffs[p * taps + k] = v;
      l1 += Math.abs(v);
    }
    bound = Math.max(bound, l1);
  }
  const out: Polyphase = { factor, taps, coeffs, bound };
  cache.set(factor, out);
  return out;
}

const CHUNK = 16;

/**
 * Largest |interpolated value| of outputs n in [start, end) of every phase but 0, at least
 * `peak`. Output n of phase p is Σ_k coeffs[p·taps + k] · w[n + taps − 1 − k], summed in k
 * order (the 12-tap case is unrolled; the sums are the same, term for term).
 */
function oversampledPeak(
  w: Float64Array,
  start: number,
  end: number,
  coeffs: Float64Array,
  taps: number,
  factor: number,
  peak: number,
): number {
  let pk = peak;
  if (taps === 12) {
    for (let p = 1; p < factor; p++) {
      const b = p * 12;
      const c0 = coeffs[b] as number;
      const c1 = coeffs[b + 1] as number;
      const c2 = coeffs[b + 2] as number;
      const c3 = coeffs[b + 3] as number;
      const c4 = coeffs[b + 4] as number;
      const c5 = coeffs[b + 5] as number;
      const c6 = coeffs[b + 6] as number;
      const c7 = coeffs[b + 7] as number;
      const c8 = coeffs[b + 8] as number;
      const c9 = coeffs[b + 9] as number;
      const c10 = coeffs[b + 10] as number;
      const c11 = coeffs[b + 11] as number;
      for (let n = start; n < end; n++) {
        const acc =
          c0 * (w[n + 11] as number) +
          c1 * (w[n + 10] as number) +
          c2 * (w[n + 9] as number) +
          c3 * (w[n + 8] as number) +
          c4 * (w[n + 7] as number) +
          c5 * (w[n + 6] as number) +
          c6 * (w[n + 5] as number) +
          c7 * (w[n + 4] as number) +
          c8 * (w[n + 3] as number) +
          c9 * (w[n + 2] as number) +
          c10 * (w[n + 1] as number) +
          c11 * (w[n] as number);
        const a = acc < 0 ? -acc : acc;
        if (a > pk) pk = a;
      }
    }
    return pk;
  }
  const hist = taps - 1;
  for (let p = 1; p < factor; p++) {
    const base = p * taps;
    for (let n = start; n < end; n++) {
      let acc = 0;
      for (let k = 0; k < taps; k++)
        acc += (coeffs[base + k] as number) * (w[n + hist - k] as number);
      const a = Math.abs(acc);
      if (a > pk) pk = a;
    }
  }
  return pk;
}

export class TruePeakMeter {
  private readonly filter: Polyphase;
  private readonly history: Float64Array[];
  private work = new Float64Array(0);
  /** Largest |w| of each CHUNK-long segment of the work buffer. */
  private segMax = new Float64Array(0);
  private peak = 0;
  private samplePeak = 0;

  constructor(sampleRate: number, channels: number) {
    this.filter = polyphaseFilter(oversamplingFactor(sampleRate));
    this.history = Array.from({ length: channels }, () => new Float64Array(this.filter.taps - 1));
  }

  push(block: AudioBlock): void {
    const { taps, factor, coeffs, bound } = this.filter;
    const hist = taps - 1;
    const frames = block.frames;
    let blockMax = 0;
    for (let c = 0; c < this.history.length; c++) {
      const x = block.channels[c];
      if (!x) continue;
      for (let i = 0; i < frames; i++) {
        const v = x[i] as number;
        const a = v < 0 ? -v : v;
        if (a > blockMax) blockMax = a;
      }
    }
    if (blockMax > this.samplePeak) this.samplePeak = blockMax;
    if (this.peak < this.samplePeak) this.peak = this.samplePeak;
    if (factor === 1) return;
    const need = hist + frames;
    if (this.work.length < need) this.work = new Float64Array(need);
    const w = this.work;
    // Output n uses w[n .. n + hist]; with hist < CHUNK, the outputs of chunk j read only
    // segments j and j + 1 (segment s = w[s·CHUNK .. (s+1)·CHUNK)).
    const chunks = Math.ceil(frames / CHUNK);
    const segs = Math.ceil(need / CHUNK);
    if (this.segMax.length < segs + 1) this.segMax = new Float64Array(segs + 1);
    const sm = this.segMax;
    for (let c = 0; c < this.history.length; c++) {
      const x = block.channels[c];
      const h = this.history[c] as Float64Array;
      if (!x) continue;
      w.set(h, 0);
      let histMax = 0;
      for (let i = 0; i < hist; i++) {
        const v = h[i] as number;
        const a = v < 0 ? -v : v;
        if (a > histMax) histMax = a;
      }
      // The whole block (with its history) cannot beat the running peak: nothing to do.
      if ((histMax > blockMax ? histMax : blockMax) * bound > this.peak) {
        for (let i = 0; i < frames; i++) w[hist + i] = x[i] as number;
        let loudest = 0;
        for (let s = 0; s < segs; s++) {
          const end = Math.min(need, (s + 1) * CHUNK);
          let m = 0;
          for (let i = s * CHUNK; i < end; i++) {
            const v = w[i] as number;
            const a = v < 0 ? -v : v;
            if (a > m) m = a;
          }
          sm[s] = m;
        }
        sm[segs] = 0;
        for (let j = 1; j < chunks; j++) {
          const a = Math.max(sm[j] as number, sm[j + 1] as number);
          if (a > Math.max(sm[loudest] as number, sm[loudest + 1] as number)) loudest = j;
        }
        // The loudest chunk first, so that the running peak rises early, then the others.
        const run = (j: number): void => {
          if (Math.max(sm[j] as number, sm[j + 1] as number) * bound <= this.peak) return;
          const start = j * CHUNK;
          this.peak = oversampledPeak(
            w,
            start,
            Math.min(frames, start + CHUNK),
            coeffs,
            taps,
            factor,
            this.peak,
          );
        };
        run(loudest);
        for (let j = 0; j < chunks; j++) if (j !== loudest) run(j);
        for (let i = 0; i < hist; i++) h[i] = w[frames + i] as number;
      } else if (frames >= hist) {
        for (let i = 0; i < hist; i++) h[i] = x[frames - hist + i] as number;
      } else {
        for (let i = 0; i < frames; i++) w[hist + i] = x[i] as number;
        for (let i = 0; i < hist; i++) h[i] = w[frames + i] as number;
      }
    }
  }

  /** Largest absolute sample value seen. */
  get samplePeakLinear(): number {
    return this.samplePeak;
  }

  /** Largest absolute interpolated value seen (≥ the sample peak). */
  get truePeakLinear(): number {
    return this.peak;
  }
}

/** Linear amplitude to dB; null for silence. */
export function amplitudeDb(linear: number): number | null {
  return linear > 0 ? 20 * Math.log10(linear) : null;
}
