import { describe, expect, it } from 'vitest';
import { EtaSmoother } from './etaSmoother';

describe('EtaSmoother', () => {
  it('shows nothing during the warm-up, then about remaining / rate', () => {
    const e = new EtaSmoother(15_000, 4_000);
    let done = 0;
    let eta: number | null = null;
    for (let t = 0; t <= 3000; t += 1000) {
      eta = e.update(done, 1000 - done, t);
      done += 10;
    }
    expect(eta).toBeNull();
    for (let t = 4000; t <= 20_000; t += 1000) {
      eta = e.update(done, 1000 - done, t);
      done += 10;
    }
    // 10 items/s, 830 left: about 83 s.
    expect(eta).toBeGreaterThan(70);
    expect(eta).toBeLessThan(95);
  });

  it('does not swing with bursts and stalls of the work', () => {
    const e = new EtaSmoother();
    let done = 0;
    const seen: number[] = [];
    for (let t = 0; t <= 60_000; t += 1000) {
      // Work lands in bursts: 50 every 5 s (10/s on average), nothing in between.
      if (t % 5000 === 0) done += 50;
      const eta = e.update(done, 2000 - done, t);
      if (t > 20_000 && eta !== null) seen.push(eta);
    }
    expect(seen.length).toBeGreaterThan(10);
    // Between neighbouring readings the ETA never jumps by more than a quarter.
    for (let i = 1; i < seen.length; i++)
      expect(Math.abs(seen[i]! - seen[i - 1]!)).toBeLessThan(0.25 * seen[i - 1]! + 2);
  });

  it('clears when the work is done', () => {
    const e = new EtaSmoother(1000, 0);
    e.update(0, 10, 0);
    e.update(5, 5, 1000);
    expect(e.update(10, 0, 2000)).toBeNull();
  });
});
