import { Dct } from '../dsp/dct';
import { realFft } from '../dsp/fft';
import { applyMel, melFilterbank, type MelFilterbank } from '../dsp/melFilterbank';
import { hann } from '../dsp/window';

/** Band edges (Hz) of the energy ratios: sub < 80 ≤ … ; low < 250; mid 250–4000; high ≥ 4000; air ≥ 10000. */
export const BAND_NAMES = ['sub', 'low', 'mid', 'high', 'air'] as const;
export const BAND_COUNT = BAND_NAMES.length;
export const MFCC_COUNT = 13;
export const MEL_BANDS = 40;
const DB_FLOOR = -100;

/**
 * Everything computed from the one STFT of the analysis excerpt (Hann frames of ~23 ms,
 * hop of half a frame — a whole frame for material that cannot be a loop — frames
 * centred on t = i·hop). Every feature reads these arrays;
 * the spectrum itself is never stored.
 */
export interface FrameFeatures {
  sampleRate: number;
  frameSize: number;
  hop: number;
  frames: number;
  /** Frames per second (sampleRate / hop). */
  frameRate: number;
  /** Mean power of the frame (amplitude² units; a full-scale sine gives ~0.5). */
  energy: Float32Array;
  /** Spectral centroid (Hz) of the magnitude spectrum. */
  centroid: Float32Array;
  /**
   * Spectral flatness, 0..1: geometric / arithmetic mean of the 40 mel-band energies
   * (each divided by its filter width), a cheap stand-in for the per-bin Wiener entropy.
   */
  flatness: Float32Array;
  /** Frequency (Hz) below which 85 % of the power lies. */
  rolloff: Float32Array;
  /**
   * Onset strength: mean positive rise of the log-mel spectrum (dB) from the previous
   * frame. Zero for frames (after the first) whose window runs past the end of the
   * excerpt: the cut there is an artefact of the file boundary, not an onset.
   */
  flux: Float32Array;
  /**
   * frames × 3 onset strength in three regions of the mel spectrum — low (< 150 Hz:
   * kicks, bass), mid (300 Hz–3 kHz: snares, claps, chords) and high (> 6 kHz: hats) —
   * for the metrical cues of the tempo estimator. Same units as `flux`.
   */
  fluxBands: Float32Array;
  /** frames × BAND_COUNT band powers (sub, low, mid, high, air). */
  bands: Float32Array;
  /** frames × MFCC_COUNT MFCCs (orthonormal DCT of natural-log mel energies re the excerpt's sample peak²). */
  mfcc: Float32Array;
}

export function frameSizeFor(sampleRate: number): number {
  return 2 ** Math.max(8, Math.round(Math.log2(sampleRate * 0.023)));
}

interface Setup {
  mel: MelFilterbank;
  dct: Dct;
  bandEdges: Int32Array;
}
const setups = new Map<string, Setup>();

function setupFor(n: number, sampleRate: number): Setup {
  const key = `${n}@${sampleRate}`;
  let s = setups.get(key);
  if (!s) {
    const binHz = sampleRate / n;
    const edge = (hz: number): number => Math.min(n / 2 + 1, Math.max(1, Math.round(hz / binHz)));
    s = {
      mel: melFilterbank(n, sampleRate, MEL_BANDS, 30, 16000),
      dct: new Dct(MEL_BANDS, MFCC_COUNT),
      // [start, end) bins of sub, low, mid, high, air
      bandEdges: Int32Array.from([
        edge(20),
        edge(80),
        edge(20),
        edge(250),
        edge(250),
        edge(4000),
        edge(4000),
        n / 2 + 1,
        edge(10000),
        n / 2 + 1,
      ]),
    };
    setups.set(key, s);
  }
  return s;
}

export interface FrameOptions {
  /**
   * Treat the signal as one period of a loop: frames near the ends wrap around, and the
   * first frame's onset strength is measured against the last frame (so a loop's
   * downbeat is not inflated by the silence "before" the file).
   */
  wrap?: boolean;
  /**
   * Frames per frame length: 2 (default: hop of half a frame, ~11.6 ms at 44.1 kHz, for
   * tempo) or 1 (no overlap, ~23 ms, half the work, for sounds that cannot be loops).
   */
  overlap?: 1 | 2;
}

export function analyzeFrames(
  x: Float32Array,
  sampleRate: number,
  opts: FrameOptions = {},
): FrameFeatures {
  const wrap = opts.wrap === true && x.length > 0;
  const n = frameSizeFor(sampleRate);
  const hop = n / (opts.overlap ?? 2);
  const bins = n / 2 + 1;
  const frames = Math.max(1, Math.ceil(x.length / hop));
  const fft = realFft(n);
  const win = hann(n);
  let wsum = 0;
  for (let i = 0; i < n; i++) wsum += win[i] as number;
  const norm = (2 / wsum) ** 2;
  const { mel, dct, bandEdges } = setupFor(n, sampleRate);
  const melWidth = mel.weights.map((w) =>
    Math.max(
      1e-9,
      w.reduce((a, v) => a + v, 0),
    ),
  );
  const binHz = sampleRate / n;

  const energy = new Float32Array(frames);
  const centroid = new Float32Array(frames);
  const flatness = new Float32Array(frames);
  const rolloff = new Float32Array(frames);
  const flux = new Float32Array(frames);
  const fluxBands = new Float32Array(frames * 3);
  const region = new Int8Array(MEL_BANDS);
  const regionSize = [0, 0, 0];
  for (let b = 0; b < MEL_BANDS; b++) {
    const c = mel.centers[b] as number;
    region[b] = c < 150 ? 0 : c >= 300 && c < 3000 ? 1 : c >= 6000 ? 2 : -1;
    if ((region[b] as number) >= 0) regionSize[region[b] as number]++;
  }
  const bands = new Float32Array(frames * BAND_COUNT);
  const mfcc = new Float32Array(frames * MFCC_COUNT);

  const frame = new Float64Array(n);
  const power = new Float64Array(bins);
  const melE = new Float64Array(MEL_BANDS);
  const prevDb = new Float64Array(MEL_BANDS).fill(DB_FLOOR);
  const logMel = new Float64Array(MEL_BANDS);
  const mfccIn = new Float64Array(MEL_BANDS);
  const silentMfcc = new Float64Array(MFCC_COUNT);
  dct.apply(new Float64Array(MEL_BANDS).fill(Math.log(1e-10)), silentMfcc);
  // Timbre does not depend on playback level: MFCCs and flatness read energies relative
  // to the excerpt's sample peak, so a copy 24 dB quieter gets the same values (down to
  // its own noise floor). Onset strength keeps absolute levels (tempo and onsets use it).
  const peak = absPeak(x);
  const rel = peak > 0 ? 1 / (peak * peak) : 1;

  const L = x.length;
  // In wrap mode the last frame runs first (unrecorded) so frame 0's flux compares with it.
  for (let pass = wrap ? -1 : 0; pass < frames; pass++) {
    const t = pass < 0 ? frames - 1 : pass;
    const record = pass >= 0;
    const start = t * hop - n / 2;
    let any = false;
    if (start >= 0 && start + n <= L) {
      // Fully inside the signal: transform straight from it (no copy).
      for (let i = start, e = start + n; i < e; i++) {
        if (x[i] !== 0) {
          any = true;
          break;
        }
      }
      if (any) fft.power(x, power, win, start);
    } else {
      for (let i = 0; i < n; i++) {
        let j = start + i;
        if (wrap) j = ((j % L) + L) % L;
        const v = j >= 0 && j < L ? (x[j] as number) : 0;
        frame[i] = v;
        if (v !== 0) any = true;
      }
      if (any) fft.power(frame, power, win);
    }
    if (!any) {
      prevDb.fill(DB_FLOOR);
      if (record) {
        mfcc.set(silentMfcc, t * MFCC_COUNT);
        flatness[t] = 1;
      }
      continue;
    }
    if (!record) {
      applyMel(mel, power, melE);
      for (let b = 0; b < MEL_BANDS; b++)
        prevDb[b] = Math.max(DB_FLOOR, 4.342944819 * Math.log((melE[b] as number) * norm + 1e-10));
      continue;
    }
    let total = 0;
    let magSum = 0;
    let magW = 0;
    for (let k = 0; k < bins; k++) {
      const p = (power[k] as number) * norm;
      power[k] = p;
      total += p;
      const m = Math.sqrt(p);
      magSum += m;
      magW += m * k;
    }
    energy[t] = total / bins;
    centroid[t] = magSum > 0 ? (magW / magSum) * binHz : 0;
    const target = 0.85 * total;
    let cum = 0;
    let k85 = bins - 1;
    for (let k = 0; k < bins; k++) {
      cum += power[k] as number;
      if (cum >= target) {
        k85 = k;
        break;
      }
    }
    rolloff[t] = k85 * binHz;
    bandPowers(power, bandEdges, bands, t * BAND_COUNT);
    applyMel(mel, power, melE);
    // Flatness on the mel bands (geometric / arithmetic mean of band energy per bin of width).
    let logSum = 0;
    let arith = 0;
    for (let b = 0; b < MEL_BANDS; b++) {
      const e = ((melE[b] as number) / (melWidth[b] as number)) * rel + 1e-12;
      logSum += Math.log(e);
      arith += e;
    }
    flatness[t] = Math.min(1, Math.exp(logSum / MEL_BANDS) / (arith / MEL_BANDS));
    let rise = 0;
    let r0 = 0;
    let r1 = 0;
    let r2 = 0;
    for (let b = 0; b < MEL_BANDS; b++) {
      const e = melE[b] as number;
      logMel[b] = Math.log(e + 1e-10);
      mfccIn[b] = Math.log(e * rel + 1e-10);
      const db = Math.max(DB_FLOOR, 4.342944819 * (logMel[b] as number));
      const d = db - (prevDb[b] as number);
      if (d > 0) {
        rise += d;
        const g = region[b] as number;
        if (g === 0) r0 += d;
        else if (g === 1) r1 += d;
        else if (g === 2) r2 += d;
      }
      prevDb[b] = db;
    }
    const cutOff = !wrap && t > 0 && start + n > L;
    flux[t] = cutOff ? 0 : rise / MEL_BANDS;
    if (!cutOff) {
      fluxBands[3 * t] = r0 / Math.max(1, regionSize[0] as number);
      fluxBands[3 * t + 1] = r1 / Math.max(1, regionSize[1] as number);
      fluxBands[3 * t + 2] = r2 / Math.max(1, regionSize[2] as number);
    }
    dct.apply(mfccIn, mfcc, t * MFCC_COUNT);
  }
  return {
    sampleRate,
    frameSize: n,
    hop,
    frames,
    frameRate: sampleRate / hop,
    energy,
    centroid,
    flatness,
    rolloff,
    flux,
    fluxBands,
    bands,
    mfcc,
  };
}

/** Largest |x[i]| (0 for an empty signal): four running maxima side by side, then the largest. */
export function absPeak(x: Float32Array): number {
  let p0 = 0;
  let p1 = 0;
  let p2 = 0;
  let p3 = 0;
  const n = x.length;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const a = Math.abs(x[i] as number);
    const b = Math.abs(x[i + 1] as number);
    const c = Math.abs(x[i + 2] as number);
    const d = Math.abs(x[i + 3] as number);
    if (a > p0) p0 = a;
    if (b > p1) p1 = b;
    if (c > p2) p2 = c;
    if (d > p3) p3 = d;
  }
  for (; i < n; i++) {
    const a = Math.abs(x[i] as number);
    if (a > p0) p0 = a;
  }
  return Math.max(p0, p1, p2, p3);
}

/**
 * Band powers of one frame into out[at … at + 5): the sum of power[k] over each band's
 * [start, end) bins (`edges`: sub, low, mid, high, air), each in ascending k as a loop per
 * band would add them, but with the bands advancing side by side — independent chains of
 * additions the CPU overlaps. sub and low start at the same bin, as do high and air's end.
 */
export function bandPowers(
  power: Float64Array,
  edges: Int32Array,
  out: Float32Array,
  at: number,
): void {
  const lowStart = edges[2] as number;
  const subLen = (edges[1] as number) - (edges[0] as number);
  const lowLen = (edges[3] as number) - lowStart;
  const midStart = edges[4] as number;
  const midLen = (edges[5] as number) - midStart;
  const highStart = edges[6] as number;
  const highLen = (edges[7] as number) - highStart;
  const airStart = edges[8] as number;
  let sub = 0;
  let low = 0;
  let mid = 0;
  let high = 0;
  let air = 0;
  const len = Math.max(lowLen, midLen, highLen);
  for (let t = 0; t < len; t++) {
    if (t < lowLen) {
      const p = power[lowStart + t] as number;
      low += p;
      if (t < subLen) sub += p;
    }
    if (t < midLen) mid += power[midStart + t] as number;
    if (t < highLen) {
      const k = highStart + t;
      const p = power[k] as number;
      high += p;
      if (k >= airStart) air += p;
    }
  }
  out[at] = sub;
  out[at + 1] = low;
  out[at + 2] = mid;
  out[at + 3] = high;
  out[at + 4] = air;
}
