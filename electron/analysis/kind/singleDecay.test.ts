import { describe, expect, it } from 'vitest';
import { analyzeFrames } from '../features/frameAnalysis';
import { envelopeFeatures } from '../features/envelope';
import { drumLoop, harmonicTone } from '../test-support/signals';
import { singleDecay } from './singleDecay';

const sr = 22050;

function decays(x: Float32Array): boolean {
  const frames = analyzeFrames(x, sr, { wrap: true, overlap: 2 });
  return singleDecay(frames, x.length, envelopeFeatures(x, sr).endLevelDb);
}

/** A 12 s struck note dying away (60 dB in 10 s) whose level beats ±6 dB at 0.7 Hz, as detuned strings do. */
function beatingNote(): Float32Array {
  const x = harmonicTone(110, 12, sr, { harmonics: 8, amp: 0.5, decay: 0 });
  for (let i = 0; i < x.length; i++) {
    const t = i / sr;
    const beat = 10 ** ((6 * Math.sin(2 * Math.PI * 0.7 * t)) / 20);
    x[i] = (x[i] as number) * Math.min(1, t / 0.005) * 10 ** ((-6 * t) / 20) * beat;
  }
  return x;
}

describe('singleDecay', () => {
  it('is a long struck note whose beating level never re-attacks', () => {
    expect(decays(beatingNote())).toBe(true);
  });

  it('is not a drum loop, nor a note that is still sounding at the end', () => {
    expect(decays(drumLoop(120, 2, sr))).toBe(false);
    const held = harmonicTone(110, 6, sr, { harmonics: 8, amp: 0.5, decay: 0 });
    expect(decays(held)).toBe(false);
  });
});
