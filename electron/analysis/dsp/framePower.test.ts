import { describe, expect, it } from 'vitest';
import { realFft } from './fft';
import { framePower } from './framePower';
import { hann } from './window';
import { sine } from '../test-support/signals';

/** The frame copied out (zeros outside the signal), then transformed. */
function copied(x: Float32Array, centre: number, n: number): Float64Array | null {
  const frame = new Float64Array(n);
  let any = false;
  for (let i = 0; i < n; i++) {
    const j = centre - n / 2 + i;
    frame[i] = j >= 0 && j < x.length ? (x[j] as number) : 0;
    if (frame[i] !== 0) any = true;
  }
  if (!any) return null;
  const power = new Float64Array(n / 2 + 1);
  realFft(n).power(frame, power, hann(n));
  return power;
}

describe('framePower', () => {
  it('gives, inside the signal and across its ends, exactly the spectrum of the copied frame', () => {
    const n = 256;
    const x = sine(1000, 0.05, 8000, 0.5);
    x.fill(0, 100, 400); // an all-zero frame inside
    const frame = new Float64Array(n);
    const power = new Float64Array(n / 2 + 1);
    for (const centre of [
      0,
      50,
      128,
      250,
      300,
      301,
      399 - 128,
      377,
      x.length - 128,
      x.length - 1,
      x.length + 200,
    ]) {
      power.fill(-1);
      const got = framePower(x, centre, n, frame, power);
      const want = copied(x, centre, n);
      expect(got).toBe(want !== null);
      if (want) expect(Array.from(power)).toEqual(Array.from(want));
      else expect(power.every((v) => v === -1)).toBe(true);
    }
  });
});
