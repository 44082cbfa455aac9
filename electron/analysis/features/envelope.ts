import type { Descriptors } from '../../../shared/contract/analysis';

/**
 * Time-domain amplitude envelope and the shape descriptors read from it.
 *
 * The envelope is a peak follower on ~1.5 ms windows: it rises instantly (so drum attacks
 * stay sharp) and releases with a 20 ms time constant (so it does not dip between the
 * cycles of a low note). Levels at the start/end and the temporal centroid use plain RMS.
 */
/** The shape measures of the result's Descriptors (defined there), here unrounded. */
type ShapeMeasures = Pick<
  Descriptors,
  'attackSec' | 'decaySec' | 'tailSec' | 'effectiveLengthSec' | 'temporalCentroidSec' | 'endLevelDb'
>;

export interface EnvelopeFeatures extends ShapeMeasures {
  /** Envelope points per second. */
  rate: number;
  /** Peak envelope (linear amplitude). */
  env: Float32Array;
  peak: number;
  peakIndex: number;
  /** RMS of the first 20 ms relative to the RMS peak (dB, ≥ −120). */
  startLevelDb: number;
  /** Envelope at ENVELOPE_TIMES after the peak, relative to the peak (dB, ≥ −120). */
  shapeDb: number[];
}

/** Seconds after the main peak at which the envelope shape is sampled. */
export const ENVELOPE_TIMES = [0.005, 0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64];

const RELEASE_SEC = 0.02;

function levelDb(rms: number, peak: number): number {
  if (peak <= 0) return -120;
  return Math.max(-120, 20 * Math.log10(Math.max(rms, 1e-12) / peak));
}

export function envelopeFeatures(x: Float32Array, sampleRate: number): EnvelopeFeatures {
  const win = Math.max(1, Math.round(sampleRate * 0.00145));
  const count = Math.max(1, Math.ceil(x.length / win));
  const env = new Float32Array(count);
  const ms = new Float32Array(count);
  const release = Math.exp(-win / sampleRate / RELEASE_SEC);
  let peak = 0;
  let peakIndex = 0;
  let rmsPeak = 0;
  let follow = 0;
  for (let w = 0; w < count; w++) {
    let s = 0;
    let m = 0;
    const a = w * win;
    const b = Math.min(x.length, a + win);
    for (let i = a; i < b; i++) {
      const v = x[i] as number;
      s += v * v;
      const av = v < 0 ? -v : v;
      if (av > m) m = av;
    }
    ms[w] = s / Math.max(1, b - a);
    if ((ms[w] as number) > rmsPeak) rmsPeak = ms[w] as number;
    follow = Math.max(m, follow * release);
    env[w] = follow;
    if (follow > peak) {
      peak = follow;
      peakIndex = w;
    }
  }
  rmsPeak = Math.sqrt(rmsPeak);
  const rate = sampleRate / win;
  const lastAbove = (ratio: number): number => {
    const thr = peak * ratio;
    for (let w = count - 1; w >= peakIndex; w--) if ((env[w] as number) >= thr) return w;
    return peakIndex;
  };
  // Attack: the rise from below 10 % to the first point at 90 % of the peak.
  let t90 = 0;
  while (t90 < count - 1 && (env[t90] as number) < 0.9 * peak) t90++;
  let t10 = t90;
  while (t10 > 0 && (env[t10 - 1] as number) >= 0.1 * peak) t10--;
  const decayEnd = lastAbove(0.1);
  const tailEnd = lastAbove(0.001);
  let first = 0;
  while (first < count && (env[first] as number) < peak * 0.001) first++;
  let num = 0;
  let den = 0;
  for (let w = 0; w < count; w++) {
    num += (ms[w] as number) * w;
    den += ms[w] as number;
  }
  const endWin = Math.max(1, Math.round(0.05 * rate));
  let endE = 0;
  for (let w = Math.max(0, count - endWin); w < count; w++) endE += ms[w] as number;
  const startWin = Math.max(1, Math.round(0.02 * rate));
  let startE = 0;
  for (let w = 0; w < Math.min(count, startWin); w++) startE += ms[w] as number;
  return {
    rate,
    env,
    peak,
    peakIndex,
    attackSec: (t90 - t10) / rate,
    decaySec: (decayEnd + 1 - peakIndex) / rate,
    tailSec: (tailEnd + 1 - peakIndex) / rate,
    effectiveLengthSec: peak > 0 ? (tailEnd + 1 - Math.min(first, tailEnd)) / rate : 0,
    temporalCentroidSec: den > 0 ? num / den / rate : 0,
    endLevelDb: levelDb(Math.sqrt(endE / Math.min(count, endWin)), rmsPeak),
    startLevelDb: levelDb(Math.sqrt(startE / Math.min(count, startWin)), rmsPeak),
    shapeDb: ENVELOPE_TIMES.map((s) => {
      const w = peakIndex + Math.round(s * rate);
      return w < count ? levelDb(env[w] as number, peak) : -120;
    }),
  };
}
