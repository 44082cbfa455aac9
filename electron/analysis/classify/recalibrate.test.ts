import { describe, expect, it } from 'vitest';
import { rescaleProbabilities } from './recalibrate';

describe('rescaleProbabilities', () => {
  const p = Float32Array.from([0.5, 0.3, 0.2]);
  it('leaves p as it is at t = 1 and keeps the order and the sum otherwise', () => {
    expect(rescaleProbabilities(p, 1)).toBe(p);
    for (const t of [0.5, 2]) {
      const q = [...rescaleProbabilities(p, t)];
      expect(q.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
      expect(q[0]).toBeGreaterThan(q[1] as number);
      expect(q[1]).toBeGreaterThan(q[2] as number);
    }
  });
  it('sharpens below 1 and flattens above, as softmax(logits / (T·t)) does', () => {
    // p = softmax(z) with z = log p: softmax(z / t) at t = 0.5 is p² normalised.
    const sharp = rescaleProbabilities(p, 0.5);
    const sq = [0.25, 0.09, 0.04];
    const s = sq.reduce((a, b) => a + b, 0);
    sq.forEach((v, i) => expect(sharp[i]).toBeCloseTo(v / s, 5));
    expect(rescaleProbabilities(p, 2)[0]).toBeLessThan(0.5);
  });
});
