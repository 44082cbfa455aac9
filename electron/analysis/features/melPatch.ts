/**
 * The classifier's picture of a sound: a small log-mel spectrogram aligned on the attack.
 *
 * From the attack start t0 (see attackStart), ~23 ms Hann frames every ~11.6 ms on
 * MEL_PATCH_BANDS mel bands from 30 Hz to 11 kHz (the same grid at every sample rate ≥
 * 22.05 kHz). The first MEL_PATCH_FINE columns are single frames (0–~370 ms: the attack
 * and the body, where drums differ); the last MEL_PATCH_COARSE columns each average
 * MEL_PATCH_POOL frames (to ~1.1 s: the tail, where instruments differ). Values are dB
 * re the loudest cell mapped from [MEL_PATCH_FLOOR_DB, 0] to [0, 1], so the patch does
 * not depend on the sample's gain. Band-major: value (band b, column c) at b × columns + c.
 */
import { framePower } from '../dsp/framePower';
import { applyMel, melFilterbank } from '../dsp/melFilterbank';
import type { EnvelopeFeatures } from './envelope';
import { attackStart } from './timeFrequency';

export const MEL_PATCH_VERSION = 1;
export const MEL_PATCH_BANDS = 40;
export const MEL_PATCH_FINE = 32;
export const MEL_PATCH_COARSE = 8;
export const MEL_PATCH_POOL = 8;
export const MEL_PATCH_COLUMNS = MEL_PATCH_FINE + MEL_PATCH_COARSE;
export const MEL_PATCH_LENGTH = MEL_PATCH_BANDS * MEL_PATCH_COLUMNS;
export const MEL_PATCH_FLOOR_DB = -80;
const F_MIN = 30;
const F_MAX = 11000;
const HOP_SEC = 0.0116;

/** FFT size (~23 ms, at least 256) and hop (~11.6 ms) at a sample rate. */
function frameOf(sampleRate: number): { n: number; hop: number } {
  return {
    n: 2 ** Math.max(8, Math.round(Math.log2(sampleRate * 0.023))),
    hop: Math.max(1, Math.round(sampleRate * HOP_SEC)),
  };
}

/** The attack-aligned log-mel patch of a mono signal (length MEL_PATCH_LENGTH, values in [0, 1]). */
export function melPatch(x: Float32Array, sampleRate: number, env: EnvelopeFeatures): Float32Array {
  const { n, hop } = frameOf(sampleRate);
  const mel = melFilterbank(n, sampleRate, MEL_PATCH_BANDS, F_MIN, Math.min(F_MAX, sampleRate / 2));
  const frame = new Float64Array(n);
  const power = new Float64Array(n / 2 + 1);
  const melE = new Float64Array(MEL_PATCH_BANDS);
  const cells = new Float64Array(MEL_PATCH_LENGTH);
  const t0 = attackStart(env, sampleRate);
  const frames = MEL_PATCH_FINE + MEL_PATCH_COARSE * MEL_PATCH_POOL;
  for (let f = 0; f < frames; f++) {
    const centre = t0 + f * hop;
    if (centre - n / 2 >= x.length) break;
    if (!framePower(x, centre, n, frame, power)) continue;
    applyMel(mel, power, melE);
    const col =
      f < MEL_PATCH_FINE ? f : MEL_PATCH_FINE + Math.floor((f - MEL_PATCH_FINE) / MEL_PATCH_POOL);
    const w = f < MEL_PATCH_FINE ? 1 : 1 / MEL_PATCH_POOL;
    for (let b = 0; b < MEL_PATCH_BANDS; b++) {
      cells[b * MEL_PATCH_COLUMNS + col]! += (melE[b] as number) * w;
    }
  }
  let max = 0;
  for (const v of cells) if (v > max) max = v;
  const out = new Float32Array(MEL_PATCH_LENGTH);
  if (max <= 0) return out;
  for (let i = 0; i < MEL_PATCH_LENGTH; i++) {
    const db = 10 * Math.log10(Math.max(cells[i] as number, 1e-30) / max);
    out[i] = Math.max(0, 1 - db / MEL_PATCH_FLOOR_DB);
  }
  return out;
}
