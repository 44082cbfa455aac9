import { describe, expect, it } from 'vitest';
import { barFit, estimateTempo, tempoPrior } from './estimateTempo';
import { backbeatContrast, metricalProfile } from './metricalProfile';
import { at, autocorrelation, novelty } from './novelty';
import { analyzeFrames } from '../features/frameAnalysis';
import { drumHit, drumLoop, harmonicTone, mixWrapped, whiteNoise } from '../test-support/signals';

const sr = 44100;

describe('tempo helpers', () => {
  it('prior peaks at 120 and bar fit finds whole bars', () => {
    expect(tempoPrior(120)).toBe(1);
    expect(tempoPrior(60)).toBeLessThan(tempoPrior(90));
    // Producers count loops at 70–180 BPM: above 180 the prior falls steeply, so that
    // 97 beats 194 even where the double-time reading is the more periodic one.
    expect(tempoPrior(180)).toBeCloseTo(Math.exp(-0.5 * (Math.log2(1.5) / 0.9) ** 2), 9);
    expect(tempoPrior(190)).toBeLessThan(0.5 * tempoPrior(180));
    expect(tempoPrior(194) / tempoPrior(97)).toBeLessThan(0.2);
    expect(tempoPrior(200)).toBeLessThan(0.05);
    expect(barFit(120, 4)).toEqual({ fit: 1, beats: 8 });
    expect(barFit(120, 4.1).fit).toBeLessThan(0.1);
    expect(barFit(90, 2).beats).toBe(3);
  });

  it('autocorrelates linearly and circularly', () => {
    const x = Float32Array.from({ length: 40 }, (_, i) => (i % 10 === 0 ? 1 : 0));
    const lin = autocorrelation(x, 20, false);
    const circ = autocorrelation(x, 20, true);
    expect(lin[10]).toBeCloseTo(3 / 30, 9);
    expect(circ[10]).toBeCloseTo(4 / 40, 9);
    expect(autocorrelation(x, 50, false)[45]).toBe(0);
    expect(at([0, 10], 0.5)).toBe(5);
    expect(at([0, 10], 5)).toBe(0);
    const nov = novelty(Float32Array.from([0, 0, 5, 0, 0]), 10);
    expect(nov[2]).toBeGreaterThan(0);
    expect(nov[0]).toBe(0);
  });

  it('profiles a backbeat groove: high contrast at the true tempo only', () => {
    // Kick on 1 and 3, snare on 2 and 4, soft 8th hats: 2 bars at 100 BPM, over a
    // −50 dBFS noise floor like a real recording (the dB flux of digital silence is not).
    const beat = (60 / 100) * sr;
    const loop = whiteNoise((8 * 60) / 100, sr, 0.003, 5);
    const kick = drumHit(sr, { pitch: 55, decay: 0.12, noise: 0.02 });
    const snare = drumHit(sr, { pitch: 200, decay: 0.1, noise: 0.8, amp: 0.7 });
    const hat = drumHit(sr, { pitch: 9000, decay: 0.015, noise: 1, amp: 0.1 });
    for (let b = 0; b < 8; b++) {
      mixWrapped(loop, b % 2 === 0 ? kick : snare, Math.round(b * beat));
      mixWrapped(loop, hat, Math.round(b * beat));
      mixWrapped(loop, hat, Math.round((b + 0.5) * beat));
    }
    const ff = analyzeFrames(loop, sr, { wrap: true });
    const mid = new Float32Array(ff.frames);
    for (let t = 0; t < ff.frames; t++) mid[t] = ff.fluxBands[3 * t + 1] as number;
    const nov = novelty(mid, ff.frameRate);
    const at100 = backbeatContrast(metricalProfile(nov, ff.frameRate, 100, true));
    const at50 = backbeatContrast(metricalProfile(nov, ff.frameRate, 50, true));
    const at200 = backbeatContrast(metricalProfile(nov, ff.frameRate, 200, true));
    expect(at100).toBeGreaterThan(at50);
    expect(at100).toBeGreaterThan(at200);
    expect(backbeatContrast(new Float64Array(16))).toBe(0);
    expect(metricalProfile(nov, ff.frameRate, 100, false, 3)).toHaveLength(16);
  });
});

describe('estimateTempo', () => {
  it.each([72, 95, 128, 150, 174])('finds %i BPM in a seamless backbeat loop', (bpm) => {
    const x = drumLoop(bpm, 2, sr);
    const t = estimateTempo(analyzeFrames(x, sr, { wrap: true }), {
      durationSec: x.length / sr,
      loop: true,
    });
    expect(t?.bpm).toBeCloseTo(bpm, 0);
    expect(t?.beats).toBe(8);
    expect(t?.candidates.length).toBeGreaterThan(1);
  });

  it('estimates tempo of long material without the bar grid', () => {
    const bar = drumLoop(110, 1, sr);
    const x = new Float32Array(bar.length * 12);
    for (let i = 0; i < 12; i++) x.set(bar, i * bar.length);
    // As the pipeline analyses long material: frames without overlap, no bar grid.
    const t = estimateTempo(analyzeFrames(x.subarray(0, x.length - 5000), sr, { overlap: 1 }), {
      durationSec: x.length / sr,
      loop: false,
    });
    expect(t?.bpm).toBeGreaterThan(107);
    expect(t?.bpm).toBeLessThan(113);
    expect(t?.beats).toBeNull();
  });

  it('returns null for silence and tiny input', () => {
    expect(
      estimateTempo(analyzeFrames(new Float32Array(sr), sr), { durationSec: 1, loop: true }),
    ).toBeNull();
    expect(
      estimateTempo(analyzeFrames(new Float32Array(100), sr), { durationSec: 0.01, loop: false }),
    ).toBeNull();
    const tone = harmonicTone(220, 2, sr);
    const t = estimateTempo(analyzeFrames(tone, sr, { wrap: true }), {
      durationSec: 2,
      loop: true,
    });
    expect(t === null || t.periodicity < 0.3).toBe(true);
  });
});
