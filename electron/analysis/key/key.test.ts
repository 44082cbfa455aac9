import { describe, expect, it } from 'vitest';
import { computeChroma } from './chroma';
import { estimateKey } from './estimateKey';
import { KRUMHANSL } from './keyProfiles';
import { concatSamples } from '../test-support/concatSamples';
import { harmonicTone } from '../test-support/signals';
import { formatKey } from '../../../shared/music';

const sr = 44100;
const hz = (m: number): number => 440 * 2 ** ((m - 69) / 12);

function chord(notes: number[], seconds: number, detuneCents = 0): Float32Array {
  const out = new Float32Array(Math.round(seconds * sr));
  for (const n of notes) {
    const t = harmonicTone(hz(n + detuneCents / 100), seconds, sr, {
      harmonics: 5,
      amp: 0.15,
      decay: 1.5,
    });
    for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) + (t[i] as number);
  }
  return out;
}

function progression(chords: number[][], seconds = 1, detune = 0): Float32Array {
  return concatSamples(chords.map((c) => chord(c, seconds, detune)));
}

describe('chroma', () => {
  it('lights the pitch classes of a chord and estimates tuning', () => {
    const c = computeChroma(chord([60, 64, 67], 2), sr);
    const top = Array.from(c.profile)
      .map((v, i) => [v, i] as const)
      .sort((a, b) => b[0] - a[0])
      .slice(0, 3)
      .map(([, i]) => i)
      .sort((a, b) => a - b);
    expect(top).toEqual([0, 4, 7]);
    expect(Math.abs(c.tuningCents)).toBeLessThan(5);
    const detuned = computeChroma(chord([60, 64, 67], 2, 30), sr);
    expect(detuned.tuningCents).toBeGreaterThan(20);
    expect(detuned.tuningCents).toBeLessThan(40);
  });
});

describe('chroma taper above 500 Hz', () => {
  it('keeps the harmonics of low notes from outweighing the notes', () => {
    // C4 with 10 partials of 1/k: the 3rd and 6th (G, 785 and 1570 Hz) and the 5th and 10th
    // (E) lie above the taper.
    const x = harmonicTone(hz(60), 2, sr, { harmonics: 10, amp: 0.3 });
    const flat = computeChroma(x, sr, { taperHz: Infinity }).profile;
    const tapered = computeChroma(x, sr).profile;
    expect(tapered[0]).toBe(1);
    expect(tapered[7] as number).toBeLessThan((flat[7] as number) * 0.6);
    expect(tapered[4] as number).toBeLessThan((flat[4] as number) * 0.6);
  });

  it('still hears material that lies wholly above the taper', () => {
    // A C-major arpeggio in octave 6 (1–2 kHz).
    const x = concatSamples([84, 88, 91, 84, 88, 91].map((n) => chord([n], 0.4)));
    const top = Array.from(computeChroma(x, sr).profile)
      .map((v, i) => [v, i] as const)
      .sort((a, b) => b[0] - a[0])
      .slice(0, 3)
      .map(([, i]) => i)
      .sort((a, b) => a - b);
    expect(top).toEqual([0, 4, 7]);
  });
});

describe('estimateKey', () => {
  it.each([
    [
      'C major',
      [
        [60, 64, 67],
        [65, 69, 72],
        [67, 71, 74],
        [60, 64, 67],
      ],
    ],
    [
      'A minor',
      [
        [57, 60, 64],
        [62, 65, 69],
        [64, 68, 71],
        [57, 60, 64],
      ],
    ],
    [
      'F# major',
      [
        [66, 70, 73],
        [71, 75, 78],
        [73, 77, 80],
        [66, 70, 73],
      ],
    ],
    [
      'D minor',
      [
        [62, 65, 69],
        [67, 70, 74],
        [69, 73, 76],
        [62, 65, 69],
      ],
    ],
  ])('finds %s from an I–IV–V–I style progression', (name, chords) => {
    const key = estimateKey(computeChroma(progression(chords as number[][]), sr).profile);
    expect(key && formatKey(key)).toBe(name);
    expect(key?.ranking).toHaveLength(24);
  });

  it('works with another profile and refuses silence', () => {
    const key = estimateKey(
      computeChroma(
        progression([
          [60, 64, 67],
          [65, 69, 72],
          [67, 71, 74],
        ]),
        sr,
      ).profile,
      KRUMHANSL,
    );
    expect(key && formatKey(key)).toBe('C major');
    expect(estimateKey(new Float64Array(12))).toBeNull();
    expect(estimateKey(computeChroma(new Float32Array(sr), sr).profile)).toBeNull();
  });
});
