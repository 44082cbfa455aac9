/**
 * The garbage set (test-support/garbageSet.ts), generated here and run through what a
 * worker does (pool/analyzeRequest.ts: analysis, classifier, name, label guard): no
 * class, tempo, key or root is made up for digital silence, dither, a single sample, NaN
 * data, DC, white or pink noise, isolated clicks or ten minutes of dithered silence.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeRequest } from '../pool/analyzeRequest';
import { garbageSet } from '../test-support/garbageSet';
import { tempDir } from '../test-support/tempFiles';

const tmp = tempDir('sm-garbage-');
afterAll(() => tmp.cleanup());

describe('the garbage set gets no labels', () => {
  for (const g of garbageSet()) {
    it(`${g.name}: ${g.what}`, { timeout: 120_000 }, async () => {
      // Names that state nothing: what is judged is the audio.
      const path = tmp.file(`g-${g.name.length}-${g.bytes.length % 97}.wav`, g.bytes);
      const { result, classification } = await analyzeRequest({ path, classify: true });
      expect(classification?.class ?? null).toBeNull();
      expect(classification?.loopClass ?? null).toBeNull();
      expect(result).toMatchObject({
        kind: 'one-shot',
        bpm: null,
        beats: null,
        key: null,
        rootNote: null,
      });
      expect(result.tags).not.toContain('tonal');
      if (g.noise) {
        expect(result.tags).toContain('noise');
        expect(result.warnings).toEqual([]);
      } else {
        expect(
          result.warnings.some((w) => ['silent', 'too-short', 'invalid-samples'].includes(w)),
        ).toBe(true);
        expect(classification?.candidates ?? []).toEqual([]);
      }
      if (g.name.includes('nan') || g.name === 'inf.wav')
        expect(result.warnings).toContain('invalid-samples');
      if (
        g.name.startsWith('one-sample') ||
        g.name.startsWith('few') ||
        g.name.startsWith('clicks')
      )
        expect(result.warnings).toContain('too-short');
      if (g.name.includes('silence') || g.name.includes('dither') || g.name.startsWith('dc'))
        expect(result.warnings).toContain('silent');
      expect(Number.isFinite(result.kindConfidence)).toBe(true);
    });
  }

  it('a pulse of noise is not steady noise: it may be a loop with a tempo', async () => {
    const sr = 44100;
    const { gaussianNoise } = await import('../test-support/garbageSet');
    const { writeWav } = await import('../test-support/writeAudio');
    const noise = gaussianNoise(4 * sr, 0.2, 11);
    // Noise bursts on every 8th note at 120 BPM (a gated-noise hat loop), 4 s = 2 bars.
    const step = Math.round((60 / 120 / 2) * sr);
    for (let i = 0; i < noise.length; i++) {
      const t = (i % step) / sr;
      noise[i] = (noise[i] as number) * Math.exp(-t / 0.03);
    }
    const path = tmp.file('gated.wav', writeWav({ sampleRate: sr, channels: [noise] }));
    const { result } = await analyzeRequest({ path, classify: false });
    expect(result.tags).not.toContain('noise');
    expect(result.kind).toBe('loop');
    expect(result.bpm).toBeCloseTo(120, 0);
  });
});
