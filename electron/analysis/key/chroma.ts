import { decimate } from '../dsp/decimator';
import { realFft } from '../dsp/fft';
import { hann } from '../dsp/window';

export interface Chroma {
  /** 12 pitch-class energies (C … B), summed over frames, max-normalised. */
  profile: Float64Array;
  /** Per-frame chroma (frames × 12), each frame max-normalised (0 for silent frames). */
  frames: Float32Array;
  frameCount: number;
  /** Estimated tuning offset from A440 (cents, −50 … 50). */
  tuningCents: number;
  /** Pitch-class energy of the spectral peaks below 250 Hz (the bass), max-normalised. */
  bass: Float64Array;
}

const BASS_MAX_HZ = 250;

const TARGET_RATE = 11025;
const FRAME = 4096;
const MIN_HZ = 55;
const MAX_HZ = 3500;
/**
 * Peaks above TAPER_HZ count less (magnitude × (TAPER_HZ / f)², −12 dB per octave): the
 * 3rd and 6th harmonics of chord and bass notes land a fifth above them and pulled the key
 * a fifth up (4 of the 7 misses on seeds 7/1001/2002 before; docs/analysis.md).
 */
const TAPER_HZ = 500;
const TAPER_POWER = 2;

export interface ChromaOptions {
  /** Above this frequency a peak's magnitude is scaled by (taperHz / f) ** taperPower. */
  taperHz?: number;
  taperPower?: number;
}

/**
 * Pitch-class profile (HPCP-like): spectral peaks of 370 ms frames (50 % overlap) of the signal
 * decimated to ~11 kHz, each peak's energy spread over the two nearest pitch classes
 * with a cosine weight, after a global tuning estimate. Peaks above 500 Hz are
 * attenuated (−12 dB per octave) so that harmonics do not outweigh the notes.
 */
export function computeChroma(
  x: Float32Array,
  sampleRate: number,
  opts: ChromaOptions = {},
): Chroma {
  const taperHz = opts.taperHz ?? TAPER_HZ;
  const taperPower = opts.taperPower ?? TAPER_POWER;
  const factor = Math.max(1, Math.round(sampleRate / TARGET_RATE));
  const rate = sampleRate / factor;
  const y = decimate(x, factor);
  const hop = FRAME / 2;
  const count = Math.max(1, Math.ceil(y.length / hop));
  const fft = realFft(FRAME);
  const win = hann(FRAME);
  const bins = FRAME / 2 + 1;
  const pow = new Float64Array(bins);
  const pad = new Float64Array(FRAME);
  const binHz = rate / FRAME;
  const kLo = Math.ceil(MIN_HZ / binHz);
  const kHi = Math.min(bins - 2, Math.floor(MAX_HZ / binHz));
  // Pass 1: peaks (frequency, energy) per frame.
  const peaksF: number[] = [];
  const peaksE: number[] = [];
  const frameOf: number[] = [];
  for (let t = 0; t < count; t++) {
    const start = t * hop - FRAME / 2;
    if (start >= 0) fft.power(y, pow, win, start);
    else {
      // The first frame overlaps the start: zero-pad explicitly.
      pad.fill(0);
      for (let i = -start; i < FRAME && i + start < y.length; i++) pad[i] = y[i + start] as number;
      fft.power(pad, pow, win);
    }
    let max = 0;
    for (let k = kLo; k <= kHi; k++) if ((pow[k] as number) > max) max = pow[k] as number;
    if (max <= 1e-12) continue;
    const thr = max * 1e-3;
    for (let k = kLo; k <= kHi; k++) {
      const p = pow[k] as number;
      if (p < thr || p < (pow[k - 1] as number) || p <= (pow[k + 1] as number)) continue;
      const a = Math.log((pow[k - 1] as number) + 1e-20);
      const b = Math.log(p + 1e-20);
      const c = Math.log((pow[k + 1] as number) + 1e-20);
      const den = a - 2 * b + c;
      const off = den < 0 ? (0.5 * (a - c)) / den : 0;
      const hz = (k + off) * binHz;
      peaksF.push(hz);
      peaksE.push(Math.sqrt(p) * (hz > taperHz ? (taperHz / hz) ** taperPower : 1));
      frameOf.push(t);
    }
  }
  // Tuning: circular mean of the peaks' deviation from the equal-tempered grid.
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < peaksF.length; i++) {
    const semis = 12 * Math.log2((peaksF[i] as number) / 440);
    const ang = 2 * Math.PI * (semis - Math.round(semis));
    const w = peaksE[i] as number;
    sx += w * Math.cos(ang);
    sy += w * Math.sin(ang);
  }
  const tuningCents = peaksF.length > 0 ? (100 * Math.atan2(sy, sx)) / (2 * Math.PI) : 0;
  const frames = new Float32Array(count * 12);
  for (let i = 0; i < peaksF.length; i++) {
    const semis = 12 * Math.log2((peaksF[i] as number) / 440) - tuningCents / 100 + 9; // 0 = C
    const lower = Math.floor(semis);
    const frac = semis - lower;
    const w = peaksE[i] as number;
    const t = frameOf[i] as number;
    const pcA = ((lower % 12) + 12) % 12;
    const pcB = (pcA + 1) % 12;
    // cos² weighting over ±1 semitone (windowSize = 1 semitone in HPCP terms)
    frames[t * 12 + pcA] =
      (frames[t * 12 + pcA] as number) + w * Math.cos((Math.PI / 2) * frac) ** 2;
    frames[t * 12 + pcB] =
      (frames[t * 12 + pcB] as number) + w * Math.cos((Math.PI / 2) * (1 - frac)) ** 2;
  }
  const bass = new Float64Array(12);
  for (let i = 0; i < peaksF.length; i++) {
    const f = peaksF[i] as number;
    if (f > BASS_MAX_HZ) continue;
    const pc = ((Math.round(12 * Math.log2(f / 440) - tuningCents / 100 + 9) % 12) + 12) % 12;
    bass[pc] = (bass[pc] as number) + (peaksE[i] as number) ** 2;
  }
  let bm = 0;
  for (let p = 0; p < 12; p++) bm = Math.max(bm, bass[p] as number);
  if (bm > 0) for (let p = 0; p < 12; p++) bass[p] = (bass[p] as number) / bm;
  const profile = new Float64Array(12);
  for (let t = 0; t < count; t++) {
    let m = 0;
    for (let p = 0; p < 12; p++) m = Math.max(m, frames[t * 12 + p] as number);
    if (m <= 0) continue;
    for (let p = 0; p < 12; p++) {
      const v = (frames[t * 12 + p] as number) / m;
      frames[t * 12 + p] = v;
      profile[p] = (profile[p] as number) + v;
    }
  }
  let pm = 0;
  for (let p = 0; p < 12; p++) pm = Math.max(pm, profile[p] as number);
  if (pm > 0) for (let p = 0; p < 12; p++) profile[p] = (profile[p] as number) / pm;
  return { profile, frames, frameCount: count, tuningCents, bass };
}
