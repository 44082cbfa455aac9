import { describe, expect, it } from 'vitest';
import { analyzeFrames } from '../features/frameAnalysis';
import { pitchTrack } from '../pitch/pitchTrack';
import { harmonicTone, whiteNoise } from '../test-support/signals';
import { heldNote } from './heldNote';

const sr = 22050;
const C2 = 65.406;

function held(x: Float32Array) {
  return heldNote(pitchTrack(x, sr), analyzeFrames(x, sr, { wrap: true, overlap: 2 }), x.length);
}

/** A 4 s C2 whose level swings ±8 dB at 1.5 Hz (a slow filter or tremolo, never re-struck). */
function swungBass(): Float32Array {
  const x = harmonicTone(C2, 4, sr, { harmonics: 6, amp: 0.5, decay: 0 });
  for (let i = 0; i < x.length; i++)
    x[i] = (x[i] as number) * (0.62 + 0.38 * Math.sin((2 * Math.PI * 1.5 * i) / sr));
  return x;
}

describe('heldNote', () => {
  it('finds one note held throughout, under a moving level', () => {
    expect(held(swungBass())).toMatchObject({ midi: 36 });
  });

  it('is not fooled by a sub bass under drum hits (new attacks above 4 kHz)', () => {
    const x = swungBass();
    const hit = whiteNoise(0.03, sr, 0.4, 5);
    for (let t = 0.25; t < 3.9; t += 0.5) {
      const at = Math.round(t * sr);
      for (let i = 0; i < hit.length; i++) {
        const fade = Math.exp(-i / (0.008 * sr));
        x[at + i] = (x[at + i] as number) + (hit[i] as number) * fade;
      }
    }
    expect(held(x)).toBeNull();
  });

  it('is not a bass line of two notes', () => {
    const c = harmonicTone(C2, 1, sr, { harmonics: 6, amp: 0.5, decay: 0 });
    const g = harmonicTone(C2 * 1.5, 1, sr, { harmonics: 6, amp: 0.5, decay: 0 });
    const x = new Float32Array(4 * sr);
    [c, g, c, g].forEach((part, k) => x.set(part, k * sr));
    expect(held(x)).toBeNull();
  });

  it('is not noise', () => {
    expect(held(whiteNoise(3, sr, 0.3, 2))).toBeNull();
  });
});
