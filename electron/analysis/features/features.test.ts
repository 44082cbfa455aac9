import { describe, expect, it } from 'vitest';
import {
  absPeak,
  analyzeFrames,
  bandPowers,
  BAND_COUNT,
  frameSizeFor,
  MFCC_COUNT,
} from './frameAnalysis';
import { envelopeFeatures } from './envelope';
import { detectOnsets } from './onsets';
import { drumHit, drumLoop, harmonicTone, sine, whiteNoise } from '../test-support/signals';

const sr = 44100;

describe('analyzeFrames', () => {
  it('finds the centroid of a pure tone and the flatness of noise', () => {
    const f = analyzeFrames(sine(2000, 1, sr, 0.5), sr);
    expect(f.frameSize).toBe(1024);
    expect(f.hop).toBe(512);
    const mid = Math.floor(f.frames / 2);
    expect(f.centroid[mid]).toBeGreaterThan(1900);
    expect(f.centroid[mid]).toBeLessThan(2200);
    expect(f.flatness[mid]).toBeLessThan(0.01);
    expect(f.rolloff[mid]).toBeCloseTo(2000, -2);
    const noise = analyzeFrames(whiteNoise(1, sr, 0.5), sr);
    expect(noise.flatness[mid]).toBeGreaterThan(0.4);
    expect(noise.centroid[mid]).toBeGreaterThan(9000);
  });

  it('gives the same MFCCs and flatness to a sound played 24 dB quieter', () => {
    const hit = drumHit(sr, { decay: 0.3, noise: 0.5 });
    const quiet = hit.map((v) => v * 10 ** (-24 / 20));
    const a = analyzeFrames(hit, sr);
    const b = analyzeFrames(quiet, sr);
    for (let t = 0; t < 20; t++) {
      for (let c = 0; c < MFCC_COUNT; c++)
        expect(b.mfcc[t * MFCC_COUNT + c]).toBeCloseTo(a.mfcc[t * MFCC_COUNT + c] as number, 2);
      expect(b.flatness[t]).toBeCloseTo(a.flatness[t] as number, 3);
    }
    expect(b.energy[2]).toBeCloseTo((a.energy[2] as number) * 10 ** (-24 / 10), 8);
  });

  it('puts band energy where the tone is', () => {
    const f = analyzeFrames(sine(60, 1, sr, 0.5), sr);
    const t = Math.floor(f.frames / 2) * BAND_COUNT;
    const total =
      (f.bands[t + 1] as number) + (f.bands[t + 2] as number) + (f.bands[t + 3] as number);
    expect((f.bands[t] as number) / total).toBeGreaterThan(0.5); // Hann leakage: ±1 bin (43 Hz)
    expect((f.bands[t + 1] as number) / total).toBeGreaterThan(0.95);
    expect(f.energy[Math.floor(f.frames / 2)]).toBeGreaterThan(0);
  });

  it('gives onset strength at hits and none in steady tones or silence', () => {
    const loop = drumLoop(120, 1, sr);
    const f = analyzeFrames(loop, sr);
    const onsets = detectOnsets(f.flux, f.frameRate);
    // kick/snare on every beat + off-beat hats: 8 onsets in one bar
    expect(onsets.length).toBeGreaterThanOrEqual(7);
    expect(onsets.length).toBeLessThanOrEqual(9);
    expect(onsets[0]).toBeLessThan(0.02);
    expect(Math.abs((onsets[2] as number) - 0.5)).toBeLessThan(0.02);
    const steady = analyzeFrames(sine(440, 2, sr, 0.5), sr);
    expect(detectOnsets(steady.flux, steady.frameRate)).toHaveLength(1);
    const silent = analyzeFrames(new Float32Array(sr), sr);
    expect(detectOnsets(silent.flux, silent.frameRate)).toEqual([]);
    expect(silent.mfcc.length).toBe(silent.frames * MFCC_COUNT);
  });

  it('measures the downbeat of a wrapped loop against the loop end', () => {
    const loop = drumLoop(120, 1, sr);
    const linear = analyzeFrames(loop, sr);
    const wrapped = analyzeFrames(loop, sr, { wrap: true });
    // Linear: frame 0 rises from silence; wrapped: from the loop's own tail, like any other beat.
    expect(wrapped.flux[0]).toBeLessThan(linear.flux[0] as number);
    // The downbeat's rise now shows in the frames around the wrap point, like any other beat.
    const wrapRise = Math.max(
      wrapped.flux[0] as number,
      wrapped.flux[wrapped.frames - 1] as number,
    );
    const beat = Math.round(0.5 * wrapped.frameRate);
    expect(wrapRise).toBeGreaterThan(
      0.3 * Math.max(wrapped.flux[beat] as number, wrapped.flux[beat + 1] as number),
    );
    // No cut-off at the end: the last frames see the loop start, not silence.
    expect(wrapped.energy[wrapped.frames - 1]).toBeGreaterThan(0);
    expect(wrapped.frames).toBe(linear.frames);
  });

  it('scales the frame to the rate', () => {
    expect(frameSizeFor(44100)).toBe(1024);
    expect(frameSizeFor(48000)).toBe(1024);
    expect(frameSizeFor(22050)).toBe(512);
    expect(frameSizeFor(8000)).toBe(256);
    const one = analyzeFrames(new Float32Array([0.5]), sr);
    expect(one.frames).toBe(1);
  });
});

describe('envelopeFeatures', () => {
  it('measures a fast attack and a known exponential decay', () => {
    const hit = drumHit(sr, { decay: 0.1, noise: 0 });
    const e = envelopeFeatures(hit, sr);
    expect(e.attackSec).toBeLessThan(0.005);
    // exp(-t/0.1) falls 20 dB in 0.1·ln(10) = 0.23 s
    expect(e.decaySec).toBeGreaterThan(0.18);
    expect(e.decaySec).toBeLessThan(0.28);
    expect(e.endLevelDb).toBeLessThan(-40);
  });

  it('measures a slow attack and a sustained end', () => {
    const pad = harmonicTone(220, 2, sr, { attack: 0.5 });
    const e = envelopeFeatures(pad, sr);
    expect(e.attackSec).toBeGreaterThan(0.3);
    expect(e.attackSec).toBeLessThan(0.5);
    expect(e.endLevelDb).toBeGreaterThan(-4);
    expect(e.tailSec).toBeGreaterThan(1.4);
    expect(e.temporalCentroidSec).toBeGreaterThan(0.9);
    const silent = envelopeFeatures(new Float32Array(100), sr);
    expect(silent).toMatchObject({ peak: 0, endLevelDb: -120, effectiveLengthSec: 0 });
  });
});

describe('absPeak', () => {
  it('is the largest |x| wherever it lies (every position modulo 4, and the tail)', () => {
    expect(absPeak(new Float32Array(0))).toBe(0);
    for (let len = 1; len <= 9; len++)
      for (let at = 0; at < len; at++) {
        const x = new Float32Array(len).fill(0.25);
        x[at] = -0.75;
        expect(absPeak(x)).toBe(0.75);
      }
  });
});

describe('bandPowers', () => {
  it('equals one ascending sum per band (bands advanced side by side)', () => {
    const power = Float64Array.from(
      { length: 513 },
      (_, k) => Math.exp(-k / 90) * (1 + Math.sin(k)),
    );
    for (const edges of [
      [1, 2, 1, 6, 6, 93, 93, 513, 232, 513],
      [1, 4, 1, 12, 12, 186, 186, 513, 464, 513],
      [1, 1, 1, 1, 1, 1, 1, 513, 513, 513],
    ]) {
      const e = Int32Array.from(edges);
      const out = new Float32Array(7);
      bandPowers(power, e, out, 2);
      for (let b = 0; b < 5; b++) {
        let s = 0;
        for (let k = e[2 * b] as number; k < (e[2 * b + 1] as number); k++) s += power[k] as number;
        expect(out[2 + b]).toBe(Math.fround(s));
      }
    }
  });
});
