import { describe, expect, it } from 'vitest';
import {
  PROVISIONAL_FEATURE_LENGTH,
  periodicity,
  provisionalFeaturesOfFile,
  provisionalFeatureVector,
} from './provisionalFeatures';

const SR = 44100;

function tone(hz: number, seconds: number, gain = 0.5): Float32Array {
  const x = new Float32Array(Math.round(seconds * SR));
  for (let i = 0; i < x.length; i++)
    x[i] = gain * Math.sin((2 * Math.PI * hz * i) / SR) * Math.exp(-i / SR / 0.4);
  return x;
}

function noiseBurst(seconds: number, gain = 0.5): Float32Array {
  const x = new Float32Array(Math.round(seconds * SR));
  let s = 12345;
  for (let i = 0; i < x.length; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    x[i] = gain * ((s / 2 ** 32) * 2 - 1) * Math.exp(-i / SR / 0.05);
  }
  return x;
}

describe('provisional feature vector', () => {
  it('has a fixed length and finite values', () => {
    for (const x of [tone(110, 1), noiseBurst(0.3), new Float32Array(10), new Float32Array(0)]) {
      const v = provisionalFeatureVector(x, SR, x.length / SR);
      expect(v.length).toBe(PROVISIONAL_FEATURE_LENGTH);
      expect(v.every(Number.isFinite)).toBe(true);
    }
  });

  it('does not move with gain', () => {
    const a = provisionalFeatureVector(tone(220, 1, 0.5), SR, 1);
    const b = provisionalFeatureVector(tone(220, 1, 0.05), SR, 1);
    for (let i = 0; i < a.length; i++) expect(b[i]).toBeCloseTo(a[i] as number, 3);
  });

  it('tells a tone from noise (periodicity, pitch)', () => {
    const [toneStrength, f0] = periodicity(tone(220, 1), SR, 0);
    const [noiseStrength] = periodicity(
      noiseBurst(1, 0.5).map((v, i) => v / Math.exp(-i / SR / 0.05)),
      SR,
      0,
    );
    expect(toneStrength).toBeGreaterThan(0.9);
    expect(f0).toBeGreaterThan(210);
    expect(f0).toBeLessThan(230);
    expect(noiseStrength).toBeLessThan(0.5);
    expect(periodicity(new Float32Array(100), SR, 0)).toEqual([0, 0]);
  });

  it('reads real files through the app decoder (WAV, FLAC, AIFF)', async () => {
    const root = '/usr/share/hydrogen/data/drumkits';
    for (const f of [
      'GMRockKit/Kick-Soft.wav',
      'HardElectro1/Clap_1.flac',
      'BJA_Pacific/BD_01.aiff',
    ]) {
      const v = await provisionalFeaturesOfFile(`${root}/${f}`);
      expect(v.length).toBe(PROVISIONAL_FEATURE_LENGTH);
      expect(v.every(Number.isFinite)).toBe(true);
      expect(v[0]).toBeGreaterThan(-1.5); // log10(duration) / 2: longer than 1 ms
    }
  });
});
