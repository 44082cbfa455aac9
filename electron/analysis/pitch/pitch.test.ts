import { describe, expect, it } from 'vitest';
import { Yin, yinFor } from './yin';
import { estimatePitch } from './rootNote';
import { envelopeFeatures } from '../features/envelope';
import { harmonicTone, sine, whiteNoise, drumHit } from '../test-support/signals';

const sr = 44100;

function midiHz(m: number): number {
  return 440 * 2 ** ((m - 69) / 12);
}

describe('Yin', () => {
  it('finds the period of a pure tone', () => {
    const yin = new Yin(11025, 27, 2000, 900);
    const x = sine(220, 0.5, 11025, 0.5);
    const r = yin.analyze(x, 100);
    expect(r.f0).toBeCloseTo(220, 0);
    expect(r.aperiodicity).toBeLessThan(0.05);
    expect(yin.analyze(new Float32Array(4000), 0)).toEqual({ f0: 0, aperiodicity: 1 });
    expect(yin.analyze(whiteNoise(0.5, 11025, 0.5), 0).aperiodicity).toBeGreaterThan(0.3);
  });
});

describe('estimatePitch', () => {
  it.each([28, 33, 40, 45, 52, 60, 69, 76, 83, 90])(
    'names MIDI note %i of a decaying harmonic tone',
    (m) => {
      const x = harmonicTone(midiHz(m), 1.5, sr, { harmonics: 10, decay: 0.6 });
      const p = estimatePitch(x, sr, envelopeFeatures(x, sr));
      expect(p?.midi).toBe(m);
      expect(Math.abs(p?.cents ?? 99)).toBeLessThan(10);
      expect(p?.confidence).toBeGreaterThan(0.7);
    },
  );

  it('measures a detuned note in cents', () => {
    const x = harmonicTone(midiHz(57.3), 1, sr, { harmonics: 6 });
    const p = estimatePitch(x, sr, envelopeFeatures(x, sr));
    expect(p?.midi).toBe(57);
    expect(p?.cents).toBeGreaterThan(22);
    expect(p?.cents).toBeLessThan(38);
  });

  it('keeps a bass note with a weak fundamental in its octave', () => {
    // 2nd harmonic twice as loud as the fundamental
    const f = midiHz(31);
    const x = sine(f, 1.5, sr, 0.2);
    const h2 = sine(2 * f, 1.5, sr, 0.4);
    const h3 = sine(3 * f, 1.5, sr, 0.2);
    for (let i = 0; i < x.length; i++)
      x[i] = (x[i] as number) + (h2[i] as number) + (h3[i] as number);
    const p = estimatePitch(x, sr, envelopeFeatures(x, sr));
    expect(p?.midi).toBe(31);
  });

  it('reports low confidence or nothing for noise and silence', () => {
    const n = whiteNoise(1, sr, 0.5);
    const p = estimatePitch(n, sr, envelopeFeatures(n, sr));
    expect(p === null || p.confidence < 0.3).toBe(true);
    const s = new Float32Array(sr);
    expect(estimatePitch(s, sr, envelopeFeatures(s, sr))).toBeNull();
    const hat = drumHit(sr, { pitch: 8000, noise: 0.95, decay: 0.02 });
    const h = estimatePitch(hat, sr, envelopeFeatures(hat, sr));
    expect(h === null || h.confidence < 0.5).toBe(true);
  });

  it('does not trust a period at the edge of the search range (below 27 Hz)', () => {
    // A 25.5 Hz fundamental (below the 27 Hz floor) with its 2nd–4th partials weak: YIN's
    // minimum sits at the longest lag searched, which used to read as A0 (27.5 Hz).
    const x = harmonicTone(25.5, 1.5, sr, { harmonics: 2, amp: 0.5 });
    const p = estimatePitch(x, sr, envelopeFeatures(x, sr));
    expect(p === null || p.midi !== 21).toBe(true);
    expect(p === null || p.midi % 12 === 8 || p.midi % 12 === 7).toBe(true);
  });

  it('copes with sounds shorter than one frame', () => {
    const x = sine(440, 0.05, sr, 0.5);
    const p = estimatePitch(x, sr, envelopeFeatures(x, sr));
    expect(p === null || p.midi === 69).toBe(true);
  });
});

describe('yinFor', () => {
  it('shares one estimator per setting, whose results do not depend on what it analysed before', () => {
    const a = yinFor(11025, 27, 2100, 882);
    expect(yinFor(11025, 27, 2100, 882)).toBe(a);
    expect(yinFor(11025, 27, 2100, 881)).not.toBe(a);
    const x = harmonicTone(196, 0.5, 11025, { amp: 0.5 });
    const fresh = new Yin(11025, 27, 2100, 882).analyze(x, 1000);
    a.analyze(whiteNoise(0.5, 11025, 0.9, 4), 0);
    expect(a.analyze(x, 1000)).toEqual(fresh);
  });
});
