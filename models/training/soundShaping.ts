/**
 * Sound shaping for the vocal and fx sources and their augmentation: a time-varying
 * state-variable filter, a synthetic room, phone / radio band limits, a formant-ish
 * EQ, bandwidth extension of narrow-band speech, resampling to 44.1 kHz and level.
 * Every choice comes from a seeded `Random`, so the same seed gives the same sound.
 */
import { biquad } from './biquad';
import type { Random } from './synth/random';

export const OUTPUT_RATE = 44100;

/**
 * Zavalishin's trapezoidal state-variable filter with a cutoff that may change every
 * sample (`cutoff(i)` in Hz); stable at any cutoff below Nyquist. Returns a new array.
 */
export function svf(
  x: Float32Array,
  sampleRate: number,
  mode: 'low' | 'band' | 'high',
  cutoff: (i: number) => number,
  q = Math.SQRT1_2,
): Float32Array {
  const out = new Float32Array(x.length);
  const k = 1 / q;
  let ic1 = 0;
  let ic2 = 0;
  for (let i = 0; i < x.length; i++) {
    const fc = Math.min(Math.max(cutoff(i), 10), sampleRate * 0.49);
    const g = Math.tan((Math.PI * fc) / sampleRate);
    const a1 = 1 / (1 + g * (g + k));
    const a2 = g * a1;
    const a3 = g * a2;
    const v0 = x[i] as number;
    const v3 = v0 - ic2;
    const v1 = a1 * ic1 + a2 * v3;
    const v2 = ic2 + a2 * ic1 + a3 * v3;
    ic1 = 2 * v1 - ic1;
    ic2 = 2 * v2 - ic2;
    out[i] = mode === 'low' ? v2 : mode === 'band' ? v1 : v0 - k * v1 - v2;
  }
  return out;
}

/** Linear-interpolation resampling from `from` Hz to `to` Hz, low-passed first when going down. */
export function resampleTo(x: Float32Array, from: number, to: number): Float32Array {
  if (from === to) return x.slice();
  const src =
    to < from
      ? biquad(biquad(x.slice(), from, 'lowpass', to * 0.45), from, 'lowpass', to * 0.45)
      : x;
  const ratio = from / to;
  const out = new Float32Array(Math.max(1, Math.floor(x.length / ratio)));
  for (let i = 0; i < out.length; i++) {
    const p = i * ratio;
    const j = Math.floor(p);
    const f = p - j;
    out[i] = (src[j] as number) * (1 - f) + ((src[j + 1] ?? src[j]) as number) * f;
  }
  // images of the upsampling sit above the old Nyquist
  if (to > from) {
    biquad(out, to, 'lowpass', from * 0.47);
    biquad(out, to, 'lowpass', from * 0.47);
  }
  return out;
}

/**
 * Bandwidth extension of speech rendered at 8–16 kHz (already upsampled to `sampleRate`):
 * the top octave under the old Nyquist, shifted up by ring modulation and high-passed, is
 * added `levelDb` under the signal, so sibilants reach the air band as in a recording.
 */
export function addAir(
  x: Float32Array,
  sampleRate: number,
  oldNyquist: number,
  levelDb: number,
): Float32Array {
  const band = biquad(
    biquad(x.slice(), sampleRate, 'highpass', oldNyquist / 2),
    sampleRate,
    'highpass',
    oldNyquist / 2,
  );
  const shift = oldNyquist * 0.9;
  const gain = 10 ** (levelDb / 20);
  for (let i = 0; i < band.length; i++)
    band[i] = (band[i] as number) * Math.cos((2 * Math.PI * shift * i) / sampleRate) * 2;
  biquad(band, sampleRate, 'highpass', oldNyquist);
  biquad(band, sampleRate, 'highpass', oldNyquist);
  const out = x.slice();
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) + gain * (band[i] as number);
  return out;
}

/**
 * A room (Schroeder / Freeverb style): eight damped feedback combs in parallel, their
 * delays drawn around Freeverb's, feedback set for a decay of `rt60` s, then four
 * all-passes; mixed `wet` with the dry sound, the tail kept.
 */
export function room(
  x: Float32Array,
  sampleRate: number,
  rt60: number,
  wet: number,
  r: Random,
): Float32Array {
  const scale = sampleRate / 44100;
  const combs = [1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617].map((d) =>
    Math.max(1, Math.round(d * scale * r.range(0.85, 1.2))),
  );
  const damp = r.range(0.2, 0.5);
  const tailLen = Math.round(rt60 * sampleRate);
  const n = x.length + tailLen;
  const wetBus = new Float32Array(n);
  for (const d of combs) {
    const g = Math.pow(10, (-3 * d) / (rt60 * sampleRate));
    const buf = new Float32Array(d);
    let lp = 0;
    for (let i = 0, k = 0; i < n; i++, k = k + 1 === d ? 0 : k + 1) {
      const y = buf[k] as number;
      lp = y * (1 - damp) + lp * damp;
      buf[k] = (i < x.length ? (x[i] as number) : 0) + g * lp;
      wetBus[i] = (wetBus[i] as number) + y;
    }
  }
  for (const d0 of [556, 441, 341, 225]) {
    const d = Math.max(1, Math.round(d0 * scale));
    const buf = new Float32Array(d);
    for (let i = 0, k = 0; i < n; i++, k = k + 1 === d ? 0 : k + 1) {
      const b = buf[k] as number;
      const v = wetBus[i] as number;
      buf[k] = v + 0.5 * b;
      wetBus[i] = b - 0.5 * v;
    }
  }
  let dryPeak = 0;
  let wetPeak = 0;
  for (const v of x) dryPeak = Math.max(dryPeak, Math.abs(v));
  for (const v of wetBus) wetPeak = Math.max(wetPeak, Math.abs(v));
  const wg = wetPeak > 0 ? (wet * dryPeak) / wetPeak : 0;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++)
    out[i] = (1 - wet) * (i < x.length ? (x[i] as number) : 0) + wg * (wetBus[i] as number);
  return out;
}

export type BandLimit = 'none' | 'phone' | 'radio';

/** Telephone (300–3400 Hz) or radio (100–8000 Hz) band, 4th order each side. */
export function bandLimit(x: Float32Array, sampleRate: number, band: BandLimit): Float32Array {
  if (band === 'none') return x;
  const [lo, hi] = band === 'phone' ? [300, 3400] : [100, 8000];
  const y = x.slice();
  biquad(biquad(y, sampleRate, 'highpass', lo), sampleRate, 'highpass', lo);
  biquad(biquad(y, sampleRate, 'lowpass', hi), sampleRate, 'lowpass', hi);
  return y;
}

/** Formant-ish EQ: two or three resonant band boosts at random centres added to the dry sound. */
export function formantEq(x: Float32Array, sampleRate: number, r: Random): Float32Array {
  const out = x.slice();
  const n = r.chance(0.5) ? 2 : 3;
  for (let b = 0; b < n; b++) {
    const band = biquad(x.slice(), sampleRate, 'bandpass', r.logRange(250, 5000), r.range(1.5, 5));
    const g = r.range(-0.6, 1.5);
    for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) + g * (band[i] as number);
  }
  return out;
}

/** Soft clipping by tanh with `amount` of drive, level kept. */
export function softClip(x: Float32Array, amount: number): Float32Array {
  const norm = Math.tanh(amount);
  return x.map((v) => Math.tanh(amount * v) / norm);
}

/** Scales to a peak of `peakDb` dBFS (silence stays silence) and fades the last `fade` s out. */
export function finish(
  x: Float32Array,
  sampleRate: number,
  peakDb: number,
  fade = 0.01,
): Float32Array {
  let peak = 0;
  for (const v of x) peak = Math.max(peak, Math.abs(v));
  const g = peak > 0 ? 10 ** (peakDb / 20) / peak : 0;
  const f = Math.min(x.length, Math.round(fade * sampleRate));
  return x.map((v, i) => v * g * (i >= x.length - f ? (x.length - i) / f : 1));
}

export interface ShapeChoice {
  band: BandLimit;
  rt60: number;
  wet: number;
  eq: boolean;
  peakDb: number;
}

/** Draws a shaping chain: mostly dry and full-band, sometimes a room, a band limit, an EQ. */
export function drawShape(r: Random): ShapeChoice {
  const u = r.next();
  return {
    band: u < 0.12 ? 'phone' : u < 0.24 ? 'radio' : 'none',
    rt60: r.chance(0.35) ? r.range(0.2, 1.6) : 0,
    wet: r.range(0.1, 0.4),
    eq: r.chance(0.4),
    peakDb: r.range(-24, -0.3),
  };
}

/** Applies a drawn chain (room, band, EQ, level); returns the new samples. */
export function shape(
  x: Float32Array,
  sampleRate: number,
  c: ShapeChoice,
  r: Random,
): Float32Array {
  let y = x;
  if (c.eq) y = formantEq(y, sampleRate, r);
  if (c.rt60 > 0) y = room(y, sampleRate, c.rt60, c.wet, r);
  y = bandLimit(y, sampleRate, c.band);
  return finish(y, sampleRate, c.peakDb);
}

/** A short text of the chain for the manifest's detail. */
export function describeShape(c: ShapeChoice): string {
  return [
    c.band !== 'none' ? c.band : null,
    c.rt60 > 0 ? `room ${c.rt60.toFixed(1)} s` : null,
    c.eq ? 'eq' : null,
    `${c.peakDb.toFixed(0)} dBFS`,
  ]
    .filter(Boolean)
    .join(', ');
}
