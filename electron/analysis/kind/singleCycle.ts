/**
 * Single-cycle and very short periodic waveforms — the oscillator shapes of a wavetable
 * folder (LMMS's 10saw, 10sine, lfo_trancegate …, AKWF-style files): short, few zero
 * crossings, and no envelope (the level does not fall from start to end as every struck
 * or plucked sound's does). They are synth material: tagged `single-cycle`, never drums,
 * never loops, no tempo.
 */

/** Longest file called a single-cycle waveform (s). */
export const SINGLE_CYCLE_MAX_SEC = 0.5;
/** Most zero crossings (around the mean) such a file holds: a few cycles of a shape. */
export const SINGLE_CYCLE_MAX_CROSSINGS = 64;
/** The last quarter may be at most this much quieter than the first … (dB) */
const MAX_FALL_DB = 6;
/** … and than the loudest quarter (dB). */
const MAX_SPREAD_DB = 12;

/** Most cycles of a clearly heard pitch a waveform file holds (a 0.27 s bass note at 37 Hz holds 10). */
export const SINGLE_CYCLE_MAX_CYCLES = 8;
/** Shortest single-cycle file (samples at the analysis rate). */
const MIN_SAMPLES = 64;

/**
 * `pitch`: the pitch heard in the file (Hz and confidence), if any — a short steady note
 * of many cycles at an audible pitch is a note, not a waveform.
 */
export function isSingleCycle(
  x: Float32Array,
  sampleRate: number,
  pitch: { hz: number; confidence: number } | null = null,
): boolean {
  const n = x.length;
  if (n < MIN_SAMPLES || n > SINGLE_CYCLE_MAX_SEC * sampleRate) return false;
  if (pitch && pitch.confidence >= 0.5 && (pitch.hz * n) / sampleRate > SINGLE_CYCLE_MAX_CYCLES)
    return false;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i] as number;
  mean /= n;
  let crossings = 0;
  let prev = (x[0] as number) - mean;
  for (let i = 1; i < n; i++) {
    const v = (x[i] as number) - mean;
    if ((v < 0 && prev >= 0) || (v >= 0 && prev < 0)) crossings++;
    if (v !== 0) prev = v;
  }
  if (crossings === 0 || crossings > SINGLE_CYCLE_MAX_CROSSINGS) return false;
  const quarter = (k: number): number => {
    const a = Math.floor((k * n) / 4);
    const b = Math.floor(((k + 1) * n) / 4);
    let s = 0;
    for (let i = a; i < b; i++) s += ((x[i] as number) - mean) ** 2;
    return 10 * Math.log10(s / Math.max(1, b - a) + 1e-20);
  };
  const q = [0, 1, 2, 3].map(quarter);
  const last = q[3] as number;
  return last >= (q[0] as number) - MAX_FALL_DB && last >= Math.max(...q) - MAX_SPREAD_DB;
}
