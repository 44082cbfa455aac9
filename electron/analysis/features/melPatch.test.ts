import { describe, expect, it } from 'vitest';
import { drumHit, sine } from '../test-support/signals';
import { envelopeFeatures } from './envelope';
import {
  MEL_PATCH_BANDS,
  MEL_PATCH_COLUMNS,
  MEL_PATCH_FINE,
  MEL_PATCH_LENGTH,
  melPatch,
} from './melPatch';

const sr = 44100;
const patchOf = (x: Float32Array, rate = sr) => melPatch(x, rate, envelopeFeatures(x, rate));
const cell = (p: Float32Array, band: number, col: number) =>
  p[band * MEL_PATCH_COLUMNS + col] as number;

/** The band holding the most energy in column `col`. */
function loudestBand(p: Float32Array, col: number): number {
  let best = 0;
  for (let b = 1; b < MEL_PATCH_BANDS; b++) if (cell(p, b, col) > cell(p, best, col)) best = b;
  return best;
}

function withLead(x: Float32Array, leadSec: number): Float32Array {
  const out = new Float32Array(Math.round(leadSec * sr) + x.length);
  out.set(x, Math.round(leadSec * sr));
  return out;
}

const maxDiff = (a: Float32Array, b: Float32Array) =>
  a.reduce((m, v, i) => Math.max(m, Math.abs(v - (b[i] as number))), 0);
const meanDiff = (a: Float32Array, b: Float32Array) =>
  a.reduce((m, v, i) => m + Math.abs(v - (b[i] as number)), 0) / a.length;

describe('melPatch', () => {
  it('is a band-major grid of values in [0, 1] whose loudest cell is 1', () => {
    const p = patchOf(drumHit(sr, { pitch: 60, decay: 0.2 }));
    expect(p).toHaveLength(MEL_PATCH_LENGTH);
    expect(MEL_PATCH_LENGTH).toBe(MEL_PATCH_BANDS * MEL_PATCH_COLUMNS);
    expect(Math.max(...p)).toBeCloseTo(1, 6);
    expect(Math.min(...p)).toBeGreaterThanOrEqual(0);
  });

  it('puts a tone in the band of its frequency, higher tones in higher bands', () => {
    const low = loudestBand(patchOf(sine(200, 1, sr)), 10);
    const high = loudestBand(patchOf(sine(3000, 1, sr)), 10);
    expect(high).toBeGreaterThan(low + 10);
  });

  it('does not depend on gain or on silence before the attack', () => {
    const hit = drumHit(sr, { pitch: 80, decay: 0.1, noise: 0.5 });
    const base = patchOf(hit);
    const quiet = patchOf(hit.map((v) => v * 0.05));
    expect(maxDiff(base, quiet)).toBeLessThan(1e-3);
    // The attack is found on the envelope's grid, so frames may sit a few samples apart:
    // cells near the floor move, the picture does not.
    const late = patchOf(withLead(hit, 0.3));
    expect(meanDiff(base, late)).toBeLessThan(0.01);
  });

  it('shows the decay: a short hit fades across the fine columns, a held tone does not', () => {
    const hit = patchOf(drumHit(sr, { pitch: 100, decay: 0.03 }));
    const tone = patchOf(sine(440, 1.5, sr));
    const band = loudestBand(tone, 2);
    expect(cell(tone, band, MEL_PATCH_FINE - 1)).toBeGreaterThan(0.95);
    const hb = loudestBand(hit, 1);
    expect(cell(hit, hb, MEL_PATCH_FINE - 1)).toBeLessThan(cell(hit, hb, 1) - 0.3);
  });

  it('is nearly the same at 44.1 and 48 kHz', () => {
    const a = patchOf(sine(500, 1, 44100), 44100);
    const b = patchOf(sine(500, 1, 48000), 48000);
    expect(loudestBand(a, 5)).toBe(loudestBand(b, 5));
  });

  it('is all zero for silence', () => {
    expect(Math.max(...patchOf(new Float32Array(sr)))).toBe(0);
  });
});
