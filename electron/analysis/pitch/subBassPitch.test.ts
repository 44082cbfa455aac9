import { describe, expect, it } from 'vitest';
import { envelopeFeatures } from '../features/envelope';
import { whiteNoise } from '../test-support/signals';
import { subBassPitch } from './subBassPitch';

const sr = 44100;

/** A 0.6 s thump at ~33 Hz (C1) whose frequency wobbles ±10 % and which dies in 0.4 s. */
function thump(): Float32Array {
  const x = new Float32Array(Math.round(0.6 * sr));
  let phase = 0;
  for (let i = 0; i < x.length; i++) {
    const t = i / sr;
    const f = 32.7 * (1 + 0.1 * Math.sin(2 * Math.PI * 7 * t));
    phase += (2 * Math.PI * f) / sr;
    x[i] = 0.8 * Math.min(1, t / 0.005) * Math.exp(-t / 0.08) * Math.sin(phase);
  }
  return x;
}

describe('subBassPitch', () => {
  it('finds the note of a wobbling 33 Hz thump', () => {
    const x = thump();
    const p = subBassPitch(x, sr, envelopeFeatures(x, sr));
    expect(p).not.toBeNull();
    expect((((p?.midi ?? -1) % 12) + 12) % 12).toBe(0);
    expect(p?.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('gives nothing for noise or a high tone', () => {
    const noise = whiteNoise(0.6, sr, 0.5, 3);
    expect(subBassPitch(noise, sr, envelopeFeatures(noise, sr))).toBeNull();
    const high = new Float32Array(Math.round(0.6 * sr));
    for (let i = 0; i < high.length; i++)
      high[i] = 0.5 * Math.exp(-i / sr / 0.2) * Math.sin((2 * Math.PI * 440 * i) / sr);
    expect(subBassPitch(high, sr, envelopeFeatures(high, sr))).toBeNull();
  });
});
