import { describe, expect, it } from 'vitest';
import { RealFft, nextPow2, realFft } from './fft';

function naiveDft(x: number[]): { re: number[]; im: number[] } {
  const n = x.length;
  const re: number[] = [];
  const im: number[] = [];
  for (let k = 0; k <= n / 2; k++) {
    let r = 0;
    let i = 0;
    for (let t = 0; t < n; t++) {
      r += (x[t] as number) * Math.cos((2 * Math.PI * k * t) / n);
      i -= (x[t] as number) * Math.sin((2 * Math.PI * k * t) / n);
    }
    re.push(r);
    im.push(i);
  }
  return { re, im };
}

describe('RealFft', () => {
  it.each([4, 8, 64, 512])('matches a naive DFT for size %i', (n) => {
    const x = Array.from(
      { length: n },
      (_, t) => Math.sin(t * 0.37) + 0.5 * Math.cos(t * 1.9) + (t % 3) * 0.1,
    );
    const fft = new RealFft(n);
    const re = new Float64Array(fft.bins);
    const im = new Float64Array(fft.bins);
    fft.forward(x, re, im);
    const ref = naiveDft(x);
    for (let k = 0; k < fft.bins; k++) {
      expect(re[k]).toBeCloseTo(ref.re[k] as number, 8);
      expect(im[k]).toBeCloseTo(ref.im[k] as number, 8);
    }
    const pow = new Float64Array(fft.bins);
    fft.power(x, pow);
    for (let k = 0; k < fft.bins; k++) {
      const p = (ref.re[k] as number) ** 2 + (ref.im[k] as number) ** 2;
      expect(pow[k]).toBeCloseTo(p, 6);
    }
  });

  it('applies a window and an offset, zero-filling past the end', () => {
    const n = 16;
    const x = Array.from({ length: 20 }, (_, t) => t + 1);
    const w = Array.from({ length: n }, (_, t) => 0.5 + t / 32);
    const fft = realFft(n);
    const re = new Float64Array(fft.bins);
    const im = new Float64Array(fft.bins);
    fft.forward(x, re, im, w, 10);
    const framed = Array.from({ length: n }, (_, t) =>
      t + 10 < x.length ? (x[t + 10] as number) * (w[t] as number) : 0,
    );
    const ref = naiveDft(framed);
    for (let k = 0; k < fft.bins; k++) expect(re[k]).toBeCloseTo(ref.re[k] as number, 8);
    const pow = new Float32Array(fft.bins);
    fft.power(x, pow, w, 10);
    expect(pow[3]).toBeCloseTo((ref.re[3] as number) ** 2 + (ref.im[3] as number) ** 2, 1);
  });

  it('puts a pure tone in its bin', () => {
    const n = 1024;
    const x = Float32Array.from({ length: n }, (_, t) => Math.cos((2 * Math.PI * 37 * t) / n));
    const pow = new Float32Array(n / 2 + 1);
    realFft(n).power(x, pow);
    let best = 0;
    for (let k = 1; k < pow.length; k++) if ((pow[k] as number) > (pow[best] as number)) best = k;
    expect(best).toBe(37);
    expect(Math.sqrt(pow[37] as number)).toBeCloseTo(n / 2, 3);
  });

  it.each([4, 16, 1024])('inverts its forward transform (size %i)', (n) => {
    const x = Float64Array.from({ length: n }, (_, t) => Math.sin(t * 0.7) + (t % 5) * 0.2 - 0.3);
    const fft = realFft(n);
    const re = new Float64Array(fft.bins);
    const im = new Float64Array(fft.bins);
    fft.forward(x, re, im);
    const back = new Float64Array(n);
    fft.inverse(re, im, back);
    for (let t = 0; t < n; t++) expect(back[t]).toBeCloseTo(x[t] as number, 10);
  });

  it('rejects sizes that are not powers of two and caches instances', () => {
    expect(() => new RealFft(12)).toThrow(RangeError);
    expect(() => new RealFft(2)).toThrow(RangeError);
    expect(realFft(32)).toBe(realFft(32));
    expect(nextPow2(1)).toBe(1);
    expect(nextPow2(1000)).toBe(1024);
    expect(nextPow2(1024)).toBe(1024);
  });

  it('full frames (first two stages done while loading) give the same bits as frames loaded apart', () => {
    for (const n of [8, 16, 256, 2048]) {
      const x = new Float32Array(n);
      for (let i = 0; i < n - 1; i++) x[i] = Math.sin(i * 0.37) + 0.25 * Math.cos(i * 2.1);
      // The last sample is 0: a view without it is loaded by the general path (avail < size).
      const short = x.subarray(0, n - 1);
      const win = Float64Array.from(
        { length: n },
        (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / n),
      );
      const fft = new RealFft(n);
      for (const w of [undefined, win]) {
        const p1 = new Float64Array(n / 2 + 1);
        const p2 = new Float64Array(n / 2 + 1);
        fft.power(x, p1, w);
        fft.power(short, p2, w);
        expect(Array.from(p1)).toEqual(Array.from(p2));
        const [r1, i1, r2, i2] = [0, 0, 0, 0].map(() => new Float64Array(n / 2 + 1)) as [
          Float64Array,
          Float64Array,
          Float64Array,
          Float64Array,
        ];
        fft.forward(x, r1, i1, w);
        fft.forward(short, r2, i2, w);
        expect(Array.from(r1)).toEqual(Array.from(r2));
        expect(Array.from(i1)).toEqual(Array.from(i2));
      }
    }
  });
});
