import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../shared/random';
import { gridEvidence, hasPulse, PULSE_MIN_Z, pulseEvidence } from './pulseReality';

const fr = 86;

/** A novelty curve with a spike of `h` at each given time (s). */
function spikes(sec: number, times: readonly number[], h: readonly number[]): Float32Array {
  const x = new Float32Array(Math.round(sec * fr));
  times.forEach((t, i) => {
    const k = Math.round(t * fr) % x.length;
    x[k] = (x[k] as number) + (h[i] ?? 1);
  });
  return x;
}

function randomTimes(n: number, sec: number, seed: number): { t: number[]; h: number[] } {
  const r = seededRandom(seed);
  const t = Array.from({ length: n }, () => r() * sec);
  return { t, h: t.map(() => 0.2 + 0.8 * r()) };
}

describe('pulseEvidence', () => {
  it('finds the pulse of 8th notes at 120 BPM and none in random clicks', () => {
    const beat = Array.from({ length: 32 }, (_, i) => i * 0.25);
    const periodic = pulseEvidence(spikes(8, beat, []), fr, { loop: true });
    expect(periodic.z).toBeGreaterThan(PULSE_MIN_Z * 3);
    for (const seed of [1, 2, 3]) {
      const { t, h } = randomTimes(48, 8, seed);
      expect(pulseEvidence(spikes(8, t, h), fr, { loop: true }).z).toBeLessThan(PULSE_MIN_Z);
    }
  });

  it('is reproducible (seeded surrogates)', () => {
    const { t, h } = randomTimes(30, 6, 9);
    const x = spikes(6, t, h);
    expect(pulseEvidence(x, fr, { loop: false })).toEqual(pulseEvidence(x, fr, { loop: false }));
  });
});

describe('gridEvidence', () => {
  it('finds hits on the 16th grid of a one-bar pattern that never repeats inside the loop', () => {
    // 2 s = 4 beats at 120 BPM; syncopated 16ths, no internal period.
    const steps = [0, 3, 6, 7, 10, 13, 15];
    const t = steps.map((s) => s * 0.125 + 0.004);
    const h = [1, 0.6, 0.8, 0.4, 0.9, 0.5, 0.3];
    expect(gridEvidence(t, h, { durationSec: 2 }).z).toBeGreaterThan(PULSE_MIN_Z);
    const rnd = randomTimes(7, 2, 4);
    expect(gridEvidence(rnd.t, rnd.h, { durationSec: 2 }).z).toBeLessThan(PULSE_MIN_Z);
  });

  it('needs three onsets', () => {
    expect(gridEvidence([0.1, 0.6], [1, 1], { durationSec: 2 }).z).toBe(0);
  });
});

describe('hasPulse', () => {
  it('accepts either test and rejects random clicks', () => {
    const beat = Array.from({ length: 16 }, (_, i) => i * 0.5);
    const nov = spikes(8, beat, []);
    expect(
      hasPulse(
        nov,
        fr,
        beat,
        beat.map(() => 1),
        { loop: true, durationSec: 8 },
      ),
    ).toBe(true);
    const { t, h } = randomTimes(48, 8, 5);
    expect(hasPulse(spikes(8, t, h), fr, t, h, { loop: true, durationSec: 8 })).toBe(false);
  });
});
