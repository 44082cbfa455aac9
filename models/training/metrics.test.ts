import { describe, expect, it } from 'vitest';
import { accuracyOver, computeMetrics } from './metrics';

describe('metrics', () => {
  it('computes confusion, precision, recall, F1 and macro-F1 over present classes', () => {
    const m = computeMetrics(['a', 'b', 'c'], ['a', 'a', 'b', 'b'], ['a', 'b', 'b', 'b']);
    expect(m.confusion).toEqual([
      [1, 1, 0],
      [0, 2, 0],
      [0, 0, 0],
    ]);
    expect(m.accuracy).toBeCloseTo(0.75);
    expect(m.perClass[0]).toMatchObject({ cls: 'a', support: 2, precision: 1, recall: 0.5 });
    expect(m.perClass[1]?.precision).toBeCloseTo(2 / 3);
    expect(m.perClass[1]?.f1).toBeCloseTo(0.8);
    expect(m.macroF1).toBeCloseTo((2 / 3 + 0.8) / 2);
    expect(() => computeMetrics(['a'], ['a'], [])).toThrow(RangeError);
    expect(() => computeMetrics(['a'], ['a'], ['z'])).toThrow(RangeError);
    expect(computeMetrics(['a'], [], []).accuracy).toBe(0);
  });

  it('computes accuracy over a subset of true classes', () => {
    expect(accuracyOver(['kick'], ['kick', 'kick', 'snare'], ['kick', 'tom', 'kick'])).toBeCloseTo(
      0.5,
    );
    expect(accuracyOver(['tom'], ['kick'], ['kick'])).toBe(0);
  });
});
