/**
 * Onset-aligned time–frequency descriptors: what summary statistics over the whole sound
 * blur, and what separates drum classes — how each frequency region decays (hi-hat vs
 * cymbal), how many bursts the first tens of milliseconds hold (clap vs snare), and how the
 * low pitch moves (kick sweep vs tom).
 *
 * From the attack start t0 (the envelope's last rise through 10 % of its peak before the
 * peak), a short STFT (~11.6 ms Hann frames) is read in four windows — 0–20 ms, 20–80 ms,
 * 80–300 ms and 300 ms–2.3 s after t0 — on a 24-band mel scale; two ~93 ms frames from t0
 * give the low-frequency peak early and late. About 80 small FFTs per sound, whatever its
 * length.
 */
import { framePower } from '../dsp/framePower';
import { applyMel, melFilterbank, type MelFilterbank } from '../dsp/melFilterbank';
import type { EnvelopeFeatures } from './envelope';

/** Mel bands of the time–frequency grid. */
export const TF_BANDS = 24;
/** Window edges (s after the attack start); the last window ends at TF_END_SEC. */
export const TF_WINDOW_EDGES = [0, 0.02, 0.08, 0.3] as const;
export const TF_WINDOWS = TF_WINDOW_EDGES.length;
export const TF_END_SEC = 2.3;
/** Groups of adjacent mel bands whose decay is timed (TF_BANDS / TF_DECAY_GROUPS each). */
export const TF_DECAY_GROUPS = 6;
/** Decay thresholds (dB under each group's maximum). */
export const TF_DECAY_DB = [20, 40] as const;
/** Level floor of the grid (dB re its loudest cell). */
export const TF_FLOOR_DB = -80;

export interface TimeFrequencyFeatures {
  /** TF_WINDOWS × TF_BANDS mean mel-band power, dB re the loudest cell (≥ TF_FLOOR_DB). */
  melDb: Float32Array;
  /** Spectral centroid of each window's mel spectrum (Hz; 0 for an empty window). */
  centroidHz: Float32Array;
  /** Flatness of each window's mel spectrum (0 tonal … 1 noise; 1 for an empty window). */
  flatness: Float32Array;
  /**
   * Per band group (low → high) and threshold: time from t0 to the last frame within
   * TF_DECAY_DB of the group's maximum (s), group-major: [g0@20, g0@40, g1@20, …].
   */
  decaySec: Float32Array;
  /** Separate bursts in the first 60 ms: maxima of the 2 ms envelope of the second difference within
   * 10 dB of its peak, each after a dip of ≥ 3 dB. */
  bursts: number;
  /** Mean absolute change of that envelope (dB per ms, 60 dB range) over the first 60 ms. */
  roughness: number;
  /** Strongest spectral peak 30–1000 Hz in the first and second ~93 ms from t0 (Hz; 0 if none). */
  lowPeakHz: [number, number];
  /** Share of the power below 90 Hz in the same two frames. */
  subShare: [number, number];
}

interface Grid {
  n: number;
  mel: MelFilterbank;
  melWidth: Float64Array;
}
const grids = new Map<string, Grid>();

function gridFor(sampleRate: number): Grid {
  const key = String(sampleRate);
  let g = grids.get(key);
  if (!g) {
    const n = 2 ** Math.max(7, Math.round(Math.log2(sampleRate * 0.0116)));
    const mel = melFilterbank(n, sampleRate, TF_BANDS, 40, Math.min(16000, sampleRate / 2));
    const melWidth = Float64Array.from(mel.weights, (w) =>
      Math.max(
        1e-9,
        w.reduce((a, v) => a + v, 0),
      ),
    );
    g = { n, mel, melWidth };
    grids.set(key, g);
  }
  return g;
}

/** Attack start (sample index): the last point before the peak where the envelope rose through 10 %. */
export function attackStart(env: EnvelopeFeatures, sampleRate: number): number {
  let w = env.peakIndex;
  while (w > 0 && (env.env[w - 1] as number) >= 0.1 * env.peak) w--;
  return Math.max(0, Math.round((w * sampleRate) / env.rate));
}

function lowFrames(x: Float32Array, sampleRate: number, t0: number): [number[], number[]] {
  const n = 2 ** Math.max(8, Math.round(Math.log2(sampleRate * 0.093)));
  const frame = new Float64Array(n);
  const power = new Float64Array(n / 2 + 1);
  const binHz = sampleRate / n;
  const peaks: number[] = [];
  const shares: number[] = [];
  for (let f = 0; f < 2; f++) {
    if (!framePower(x, t0 + f * n + n / 2, n, frame, power)) {
      peaks.push(0);
      shares.push(0);
      continue;
    }
    let total = 0;
    let sub = 0;
    for (let k = 1; k < power.length; k++) {
      total += power[k] as number;
      if (k * binHz < 90) sub += power[k] as number;
    }
    const lo = Math.max(1, Math.ceil(30 / binHz));
    const hi = Math.min(power.length - 2, Math.floor(1000 / binHz));
    let best = -1;
    for (let k = lo; k <= hi; k++) if (best < 0 || power[k]! > power[best]!) best = k;
    let hz = 0;
    if (best > 0 && power[best]! > 0) {
      // parabolic interpolation on log power
      const a = Math.log(power[best - 1]! + 1e-20);
      const b = Math.log(power[best]! + 1e-20);
      const c = Math.log(power[best + 1]! + 1e-20);
      const d = a - 2 * b + c;
      const off = d < 0 ? Math.max(-0.5, Math.min(0.5, (0.5 * (a - c)) / d)) : 0;
      hz = (best + off) * binHz;
    }
    peaks.push(hz);
    shares.push(total > 0 ? sub / total : 0);
  }
  return [peaks, shares];
}

function burstsOf(x: Float32Array, sampleRate: number, t0: number): [number, number] {
  // Second difference (+12 dB/octave): the noise bursts of a clap stand out, while the
  // cycles of a low or tonal sound, which would ripple a short envelope, are suppressed.
  const hop = Math.max(1, Math.round(sampleRate * 0.001));
  const count = 60;
  const db = new Float64Array(count);
  let max = -Infinity;
  for (let w = 0; w < count; w++) {
    let s = 0;
    const a = Math.max(2, t0 + w * hop - hop / 2);
    const b = Math.min(x.length, a + 2 * hop);
    for (let i = a; i < b; i++) {
      const d = (x[i] as number) - 2 * (x[i - 1] as number) + (x[i - 2] as number);
      s += d * d;
    }
    db[w] = 10 * Math.log10(s / (2 * hop) + 1e-12);
    if (db[w]! > max) max = db[w]!;
  }
  if (max <= -110) return [0, 0]; // digital silence
  let rough = 0;
  for (let w = 1; w < count; w++)
    rough += Math.abs(Math.max(db[w]!, max - 60) - Math.max(db[w - 1]!, max - 60));
  // Maxima within 10 dB of the peak, each separated from the previous by a dip of ≥ 3 dB.
  let bursts = 0;
  let lastPeak = -Infinity;
  let minSince = Infinity;
  for (let w = 0; w < count; w++) {
    const v = db[w]!;
    minSince = Math.min(minSince, v);
    const isMax = (w === 0 || v >= db[w - 1]!) && (w === count - 1 || v > db[w + 1]!);
    if (!isMax || v < max - 10) continue;
    if (bursts === 0 || minSince <= Math.min(lastPeak, v) - 3) {
      bursts++;
      lastPeak = v;
      minSince = v;
    } else if (v > lastPeak) {
      lastPeak = v;
      minSince = v;
    }
  }
  return [bursts, rough / (count - 1)];
}

/** The onset-aligned time–frequency descriptors of a (mono) excerpt. */
export function timeFrequencyFeatures(
  x: Float32Array,
  sampleRate: number,
  env: EnvelopeFeatures,
): TimeFrequencyFeatures {
  const { n, mel, melWidth } = gridFor(sampleRate);
  const t0 = attackStart(env, sampleRate);
  const frame = new Float64Array(n);
  const power = new Float64Array(n / 2 + 1);
  const melE = new Float64Array(TF_BANDS);
  const sums = new Float64Array(TF_WINDOWS * TF_BANDS);
  const counts = new Float64Array(TF_WINDOWS);
  // Frame times (s after t0): a hop of n/2 up to 80 ms, n up to 300 ms, then ≤ 24 frames.
  const lastSec = Math.min(TF_END_SEC, (x.length - t0) / sampleRate);
  const frameSec = n / sampleRate;
  const times: number[] = [];
  for (let t = 0; t < Math.min(0.08, lastSec); t += frameSec / 2) times.push(t);
  for (let t = 0.08; t < Math.min(0.3, lastSec); t += frameSec) times.push(t);
  const lateHop = Math.max(frameSec, (TF_END_SEC - 0.3) / 24);
  for (let t = 0.3; t < lastSec; t += lateHop) times.push(t);
  const groupSize = TF_BANDS / TF_DECAY_GROUPS;
  const groupDb: number[][] = Array.from({ length: TF_DECAY_GROUPS }, () => []);
  const norm = (2 / (n / 2)) ** 2;
  for (const t of times) {
    let win = TF_WINDOWS - 1;
    while (win > 0 && t < TF_WINDOW_EDGES[win]!) win--;
    counts[win]!++;
    const any = framePower(x, t0 + Math.round(t * sampleRate), n, frame, power);
    if (any) applyMel(mel, power, melE);
    else melE.fill(0);
    for (let b = 0; b < TF_BANDS; b++) sums[win * TF_BANDS + b]! += melE[b]! * norm;
    for (let g = 0; g < TF_DECAY_GROUPS; g++) {
      let s = 0;
      for (let b = g * groupSize; b < (g + 1) * groupSize; b++) s += melE[b]! * norm;
      groupDb[g]!.push(10 * Math.log10(s + 1e-20));
    }
  }
  let maxCell = 0;
  for (let i = 0; i < sums.length; i++) {
    const c = counts[Math.floor(i / TF_BANDS)]!;
    sums[i] = c > 0 ? sums[i]! / c : 0;
    maxCell = Math.max(maxCell, sums[i]!);
  }
  const melDb = new Float32Array(TF_WINDOWS * TF_BANDS);
  for (let i = 0; i < sums.length; i++)
    melDb[i] =
      maxCell > 0
        ? Math.max(TF_FLOOR_DB, 10 * Math.log10(sums[i]! / maxCell + 1e-20))
        : TF_FLOOR_DB;
  const centroidHz = new Float32Array(TF_WINDOWS);
  const flatness = new Float32Array(TF_WINDOWS).fill(1);
  for (let w = 0; w < TF_WINDOWS; w++) {
    let e = 0;
    let c = 0;
    let logSum = 0;
    let arith = 0;
    for (let b = 0; b < TF_BANDS; b++) {
      const p = sums[w * TF_BANDS + b]!;
      e += p;
      c += p * mel.centers[b]!;
      const d = p / melWidth[b]! + 1e-20;
      logSum += Math.log(d);
      arith += d;
    }
    if (e > 0) {
      centroidHz[w] = c / e;
      flatness[w] = Math.min(1, Math.exp(logSum / TF_BANDS) / (arith / TF_BANDS));
    }
  }
  const decaySec = new Float32Array(TF_DECAY_GROUPS * TF_DECAY_DB.length);
  for (let g = 0; g < TF_DECAY_GROUPS; g++) {
    const tr = groupDb[g]!;
    let max = -Infinity;
    for (const v of tr) max = Math.max(max, v);
    TF_DECAY_DB.forEach((drop, j) => {
      let last = -1;
      for (let i = tr.length - 1; i >= 0; i--)
        if (tr[i]! >= max - drop) {
          last = i;
          break;
        }
      decaySec[g * TF_DECAY_DB.length + j] = last >= 0 && max > -190 ? times[last]! : 0;
    });
  }
  const [bursts, roughness] = burstsOf(x, sampleRate, t0);
  const [lowPeakHz, subShare] = lowFrames(x, sampleRate, t0);
  return {
    melDb,
    centroidHz,
    flatness,
    decaySec,
    bursts,
    roughness,
    lowPeakHz: [lowPeakHz[0]!, lowPeakHz[1]!],
    subShare: [subShare[0]!, subShare[1]!],
  };
}
