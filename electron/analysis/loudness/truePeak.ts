import type { AudioBlock } from '../decode/types';

/**
 * True-peak meter per ITU-R BS.1770-4 Annex 2: oversample (4× at 44.1/48 kHz, 8× at
 * 22.05/24 kHz, 2× at 88.2/96 kHz, none from 176.4 kHz up) with a polyphase
 * windowed-sinc interpolator and take the largest absolute value.
 *
 * Speed: the interpolated values of a chunk of samples can never exceed the chunk's
 * largest |x| (including the filter's history) times the largest per-phase L1 norm of the
 * filter (`bound`). Chunks are visited loudest first and those whose bound cannot beat the
 * running peak are skipped — an exact shortcut, not an approximation — so in practice
 * only the loudest passages are oversampled.
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

function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  for (let k = 1; k < 50; k++) {
    term *= (x / (2 * k)) ** 2;
    sum += term;
    if (term < 1e-12 * sum) break;
  }
  return sum;
}

export function polyphaseFilter(factor: number): Polyphase {
  const hit = cache.get(factor);
  if (hit) return hit;
  const taps = TAPS_PER_PHASE;
  const len = factor * taps;
  const center = (len - 1) / 2;
  // Shift so that phase 0 lands exactly on the input samples: centre on an integer index.
  const mid = Math.floor(len / 2);
  const proto = new Float64Array(len);
  const i0b = besselI0(KAISER_BETA);
  for (let n = 0; n < len; n++) {
    const t = (n - mid) / factor;
    const sinc = t === 0 ? 1 : Math.sin(Math.PI * t) / (Math.PI * t);
    const r = (n - center) / (center + 1);
    const w = besselI0(KAISER_BETA * Math.sqrt(Math.max(0, 1 - r * r))) / i0b;
    proto[n] = sinc * w;
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

export class TruePeakMeter {
  private readonly filter: Polyphase;
  private readonly history: Float64Array[];
  private work = new Float64Array(0);
  private chunkMax = new Float64Array(0);
  private order = new Uint32Array(0);
  private peak = 0;
  private samplePeak = 0;

  constructor(sampleRate: number, channels: number) {
    this.filter = polyphaseFilter(oversamplingFactor(sampleRate));
    this.history = Array.from({ length: channels }, () => new Float64Array(this.filter.taps - 1));
  }

  push(block: AudioBlock): void {
    const { taps, factor, coeffs, bound } = this.filter;
    const hist = taps - 1;
    let blockMax = 0;
    for (let c = 0; c < this.history.length; c++) {
      const x = block.channels[c];
      if (!x) continue;
      for (let i = 0; i < block.frames; i++) {
        const a = Math.abs(x[i] as number);
        if (a > blockMax) blockMax = a;
      }
    }
    if (blockMax > this.samplePeak) this.samplePeak = blockMax;
    if (this.peak < this.samplePeak) this.peak = this.samplePeak;
    if (factor === 1) return;
    const need = hist + block.frames;
    if (this.work.length < need) this.work = new Float64Array(need);
    const w = this.work;
    for (let c = 0; c < this.history.length; c++) {
      const x = block.channels[c];
      const h = this.history[c] as Float64Array;
      if (!x) continue;
      w.set(h, 0);
      for (let i = 0; i < block.frames; i++) w[hist + i] = x[i] as number;
      // Output n uses w[n .. n + hist] (n = 0 .. frames-1). Chunks are visited loudest
      // first, so the running peak rises early and the quieter chunks are all skipped.
      const chunks = Math.ceil(block.frames / CHUNK);
      if (this.chunkMax.length < chunks) {
        this.chunkMax = new Float64Array(chunks);
        this.order = new Uint32Array(chunks);
      }
      const cm = this.chunkMax;
      const order = this.order.subarray(0, chunks);
      for (let j = 0; j < chunks; j++) {
        const start = j * CHUNK;
        const end = Math.min(block.frames, start + CHUNK);
        let m = 0;
        for (let i = start; i < end + hist; i++) {
          const a = Math.abs(w[i] as number);
          if (a > m) m = a;
        }
        cm[j] = m;
        order[j] = j;
      }
      order.sort((a, b) => (cm[b] as number) - (cm[a] as number));
      for (let o = 0; o < chunks; o++) {
        const j = order[o] as number;
        if ((cm[j] as number) * bound <= this.peak) break;
        const start = j * CHUNK;
        const end = Math.min(block.frames, start + CHUNK);
        for (let n = start; n < end; n++) {
          for (let p = 1; p < factor; p++) {
            let acc = 0;
            const base = p * taps;
            // coeffs[k] multiplies x[n + hist - k]
            for (let k = 0; k < taps; k++)
              acc += (coeffs[base + k] as number) * (w[n + hist - k] as number);
            const a = Math.abs(acc);
            if (a > this.peak) this.peak = a;
          }
        }
      }
      for (let i = 0; i < hist; i++) h[i] = w[block.frames + i] as number;
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
