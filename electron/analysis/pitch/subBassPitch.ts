import { decimate } from '../dsp/decimator';
import { nextPow2, realFft } from '../dsp/fft';
import type { EnvelopeFeatures } from '../features/envelope';
import type { PitchEstimate } from './rootNote';

/** Rate the low band is read at (~1.4 kHz: everything below ~620 Hz). */
const LOW_RATE = 1378;
const MIN_HZ = 25;
const MAX_HZ = 120;
/** The segment read: from the main peak until the envelope has fallen this much (dB). */
const SEGMENT_DB = 30;
const MAX_SEGMENT_SEC = 1.5;
/** At least this many periods of the lowest note searched must fit the segment. */
const MIN_PERIODS = 3;
/** Share of the segment's energy below ~620 Hz: a sub-bass sound, not a kick's click or a pad. */
const MIN_LOW_SHARE = 0.8;
/** Share of the low band's power in the peak partial (bandPower): one clear partial. */
const MIN_PEAK_SHARE = 0.45;

function energy(x: Float32Array): number {
  let e = 0;
  for (const v of x) e += v * v;
  return e;
}

/**
 * Root of a sub-bass sound YIN cannot follow (a 30–40 Hz thump whose few cycles wobble and
 * die within a few tenths of a second, so that no 80 ms frame is periodic): one long
 * Hann-windowed spectrum of the whole decay at ~1.4 kHz, whose strongest partial in
 * 25–120 Hz holds most of the low band's power. A partial whose lower octave is nearly as
 * strong is taken for the second harmonic (sub-harmonic check). Null when the sound is not
 * dominated by one low partial.
 */
export function subBassPitch(
  x: Float32Array,
  sampleRate: number,
  env: EnvelopeFeatures,
): PitchEstimate | null {
  if (env.peak <= 0) return null;
  const thr = env.peak * 10 ** (-SEGMENT_DB / 20);
  let endPoint = env.peakIndex;
  for (let p = env.env.length - 1; p > env.peakIndex; p--)
    if ((env.env[p] as number) >= thr) {
      endPoint = p;
      break;
    }
  const s0 = Math.round((env.peakIndex / env.rate) * sampleRate);
  const s1 = Math.min(
    x.length,
    Math.round((endPoint / env.rate) * sampleRate),
    s0 + Math.round(MAX_SEGMENT_SEC * sampleRate),
  );
  if ((s1 - s0) / sampleRate < MIN_PERIODS / MIN_HZ) return null;
  const seg = x.subarray(s0, s1);
  const factor = Math.max(1, Math.round(sampleRate / LOW_RATE));
  const low = decimate(seg, factor);
  const rate = sampleRate / factor;
  const all = energy(seg) / factor;
  if (all <= 0 || energy(low) < MIN_LOW_SHARE * all) return null;
  const n = nextPow2(low.length * 8);
  const re = new Float64Array(n);
  for (let i = 0; i < low.length; i++)
    re[i] = (low[i] as number) * (0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (low.length - 1)));
  const outRe = new Float64Array(n / 2 + 1);
  const outIm = new Float64Array(n / 2 + 1);
  realFft(n).forward(re, outRe, outIm);
  const binHz = rate / n;
  const power = (k: number): number => (outRe[k] as number) ** 2 + (outIm[k] as number) ** 2;
  const peakIn = (lo: number, hi: number): number => {
    let best = -1;
    for (let k = Math.max(1, Math.ceil(lo / binHz)); k <= Math.floor(hi / binHz); k++)
      if (best < 0 || power(k) > power(best)) best = k;
    return best;
  };
  // A partial's power: within a semitone of it or the Hann main lobe (± 2 / length Hz),
  // whichever is wider (a 0.4 s decay at 33 Hz smears ± 5 Hz, over two semitones).
  const lobeHz = (2 * rate) / low.length;
  const bandPower = (hz: number): number => {
    let s = 0;
    const lo = Math.ceil(Math.min(hz * 2 ** (-1 / 12), hz - lobeHz) / binHz);
    const hi = Math.floor(Math.max(hz * 2 ** (1 / 12), hz + lobeHz) / binHz);
    for (let k = lo; k <= hi; k++) s += power(k);
    return s;
  };
  let k = peakIn(MIN_HZ, MAX_HZ);
  if (k < 0) return null;
  // Sub-harmonic check: a partial an octave below holding half the power is the fundamental.
  const below = peakIn((k * binHz) / 2 / 1.03, (k * binHz) / 2 / 0.97);
  if (
    below > 0 &&
    below * binHz >= MIN_HZ &&
    bandPower(below * binHz) >= 0.5 * bandPower(k * binHz)
  )
    k = below;
  let total = 0;
  for (let j = Math.ceil(20 / binHz); j < outRe.length; j++) total += power(j);
  const hz = k * binHz;
  const share = total > 0 ? bandPower(hz) / total : 0;
  if (share < MIN_PEAK_SHARE) return null;
  // Parabolic interpolation of the peak bin.
  const y0 = Math.log(power(k - 1) + 1e-30);
  const y1 = Math.log(power(k) + 1e-30);
  const y2 = Math.log(power(k + 1) + 1e-30);
  const den = y0 - 2 * y1 + y2;
  const f = (k + (den < 0 ? (0.5 * (y0 - y2)) / den : 0)) * binHz;
  const m = 69 + 12 * Math.log2(f / 440);
  const midi = Math.round(m);
  return { midi, cents: Math.round((m - midi) * 100), hz: f, confidence: Math.min(1, share) };
}
