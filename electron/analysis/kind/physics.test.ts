import { describe, expect, it } from 'vitest';
import { drumHit, harmonicTone, sine } from '../test-support/signals';
import { loopPhysics, MIN_LOOP_SEC, ONE_BEAT_SEC } from './loopPhysics';
import { isSingleCycle } from './singleCycle';

const sr = 48000;

describe('loopPhysics', () => {
  const loop = { durationSec: 2, onsets: 8, bpm: 120, singleCycle: false, noise: false };
  it('lets a two-bar groove be a loop', () => {
    expect(loopPhysics(loop)).toEqual({ possible: true });
    expect(loopPhysics({ ...loop, bpm: null })).toEqual({ possible: true });
  });
  it('a sound shorter than a beat at 200 BPM, or a single cycle, is a one-shot whatever it says', () => {
    expect(ONE_BEAT_SEC).toBeCloseTo(0.3, 6);
    expect(loopPhysics({ ...loop, durationSec: 0.08 })).toMatchObject({
      possible: false,
      absolute: true,
    });
    expect(loopPhysics({ ...loop, singleCycle: true })).toMatchObject({
      possible: false,
      absolute: true,
    });
  });
  it('shorter than two beats, steady noise, a single onset, under two beats at its tempo: not a loop', () => {
    expect(MIN_LOOP_SEC).toBeCloseTo(0.6, 6);
    for (const e of [
      { ...loop, durationSec: 0.37 },
      { ...loop, durationSec: 0.55 },
      { ...loop, noise: true },
      { ...loop, onsets: 1 },
      // 0.72 s at 108 BPM is 1.3 beats (the 216.4 BPM read of a drum slice, halved).
      { ...loop, durationSec: 0.72, bpm: 108 },
    ])
      expect(loopPhysics(e)).toMatchObject({ possible: false, absolute: false });
    expect(loopPhysics({ ...loop, durationSec: 0.72, bpm: 170 })).toEqual({ possible: true });
  });
});

describe('isSingleCycle', () => {
  const cycle = (hz: number, seconds: number, shape: (ph: number) => number): Float32Array =>
    Float32Array.from({ length: Math.round(seconds * sr) }, (_, i) => shape(((i * hz) / sr) % 1));
  it('recognises single-cycle and few-cycle waveforms', () => {
    expect(
      isSingleCycle(
        cycle(10, 0.1, (p) => Math.sin(2 * Math.PI * p)),
        sr,
      ),
    ).toBe(true);
    expect(
      isSingleCycle(
        cycle(10, 0.1, (p) => 2 * p - 1),
        sr,
      ),
    ).toBe(true);
    expect(
      isSingleCycle(
        cycle(10, 0.1, (p) => (p < 0.5 ? 1 : -1)),
        sr,
      ),
    ).toBe(true);
    expect(
      isSingleCycle(
        cycle(20, 0.2, (p) => (p < 0.25 ? 1 : 0)),
        sr,
      ),
    ).toBe(true);
    // An AKWF-style file: 600 samples, one cycle.
    expect(
      isSingleCycle(
        cycle(80, 600 / sr, (p) => Math.sin(2 * Math.PI * p) ** 3),
        sr,
      ),
    ).toBe(true);
  });
  it('does not take struck sounds, long files, noise or audible notes for waveforms', () => {
    expect(isSingleCycle(drumHit(sr), sr)).toBe(false);
    expect(isSingleCycle(harmonicTone(55, 0.3, sr, { decay: 0.1 }), sr)).toBe(false);
    expect(isSingleCycle(sine(10, 1, sr), sr)).toBe(false);
    expect(isSingleCycle(sine(2000, 0.1, sr), sr)).toBe(false);
    // A 0.27 s bass note of 37 Hz without envelope: 10 cycles of a clearly heard pitch.
    const bass = sine(37, 0.27, sr);
    expect(isSingleCycle(bass, sr)).toBe(true);
    expect(isSingleCycle(bass, sr, { hz: 37, confidence: 1 })).toBe(false);
    expect(isSingleCycle(new Float32Array(40), sr)).toBe(false);
  });
});
