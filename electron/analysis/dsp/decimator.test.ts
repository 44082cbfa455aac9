import { describe, expect, it } from 'vitest';
import { Decimator, decimate, lowPassKernel } from './decimator';
import { sine } from '../test-support/signals';

function rms(x: Float32Array, from = 0): number {
  let s = 0;
  for (let i = from; i < x.length; i++) s += (x[i] as number) ** 2;
  return Math.sqrt(s / Math.max(1, x.length - from));
}

describe('Decimator', () => {
  it('keeps passband tones and removes what would alias', () => {
    const y = decimate(sine(1000, 1, 96000, 0.5), 2);
    expect(y.length).toBe(48000);
    expect(rms(y, 100)).toBeCloseTo(0.5 / Math.SQRT2, 2);
    const alias = decimate(sine(40000, 1, 96000, 0.5), 2);
    expect(rms(alias, 100)).toBeLessThan(0.002);
  });

  it('is aligned in time after delay compensation', () => {
    const x = new Float32Array(4000);
    x[2000] = 1;
    const y = decimate(x, 4);
    let best = 0;
    for (let i = 0; i < y.length; i++) if ((y[i] as number) > (y[best] as number)) best = i;
    expect(best).toBe(500);
  });

  it('streams across block boundaries exactly like one call', () => {
    const x = sine(300, 0.2, 44100, 0.3);
    const a = new Decimator(3);
    const outA = new Float32Array(x.length);
    const nA = a.process(x, x.length, outA, 0);
    const b = new Decimator(3);
    const outB = new Float32Array(x.length);
    let nB = 0;
    for (let i = 0; i < x.length; i += 777)
      nB += b.process(x, Math.min(777, x.length - i), outB, nB, i);
    expect(nB).toBe(nA);
    for (let i = 0; i < nA; i++) expect(outB[i]).toBeCloseTo(outA[i] as number, 12);
    expect(new Decimator(1).process(x, 10, new Float32Array(5), 0)).toBe(5);
    expect(decimate(x, 1)).toBe(x);
    expect(lowPassKernel(2).reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    expect(() => new Decimator(0)).toThrow(RangeError);
  });

  it('equals the direct sum, in the same order, to the bit (any blocks, a full output)', () => {
    const x = sine(1234, 0.05, 96000, 0.7);
    for (let i = 0; i < x.length; i += 7) x[i] = (x[i] as number) * -0.3;
    for (const factor of [2, 3, 4]) {
      const L = lowPassKernel(factor, 24).length;
      const k = lowPassKernel(factor, 24);
      // Output m after input m·factor + factor − 1: Σ k[t]·x[that − L + 1 + t], zeros before x.
      const want: number[] = [];
      for (let i = factor - 1; i < x.length; i += factor) {
        let acc = 0;
        for (let t = 0; t < L; t++) {
          const j = i - L + 1 + t;
          acc += (k[t] as number) * (j >= 0 ? (x[j] as number) : 0);
        }
        want.push(Math.fround(acc));
      }
      for (const block of [1, 5, 333, 4096, x.length]) {
        const d = new Decimator(factor);
        const cap = want.length - 3;
        const out = new Float32Array(cap);
        let n = 0;
        for (let i = 0; i < x.length; i += block)
          n += d.process(x, Math.min(block, x.length - i), out, n, i);
        expect(n).toBe(cap);
        let firstBad = -1;
        for (let m = 0; m < cap && firstBad < 0; m++) if (out[m] !== want[m]) firstBad = m;
        expect(firstBad).toBe(-1);
      }
    }
  });

  it('decimate(): a part of the output equals that part of the whole, to the bit, and equals the direct sum', () => {
    const x = sine(700, 0.031, 44100, 0.8);
    for (let i = 0; i < x.length; i += 5) x[i] = (x[i] as number) * -0.5;
    for (const factor of [2, 4, 32]) {
      const all = decimate(x, factor);
      const h = lowPassKernel(factor, 8);
      const mid = (h.length - 1) / 2;
      for (let j = 0; j < all.length; j++) {
        let acc = 0;
        for (let k = 0; k < h.length; k++) {
          const i = j * factor - mid + k;
          if (i >= 0 && i < x.length) acc += (h[k] as number) * (x[i] as number);
        }
        expect(all[j]).toBe(Math.fround(acc));
      }
      const from = 3;
      const to = all.length - 2;
      const part = decimate(x, factor, from, to);
      expect(part.length).toBe(all.length);
      for (let j = 0; j < all.length; j++) expect(part[j]).toBe(j >= from && j < to ? all[j] : 0);
    }
  });
});
