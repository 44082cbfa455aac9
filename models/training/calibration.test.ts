import { describe, expect, it } from 'vitest';
import { NEVER, precisionThresholds, reliability, tierFigures } from './calibration';

describe('reliability', () => {
  it('is 0 for decisions as right as they are confident, and measures the gap otherwise', () => {
    const calibrated = [
      ...Array.from({ length: 8 }, () => ({ confidence: 0.75, correct: true })),
      ...Array.from({ length: 2 }, () => ({ confidence: 0.75, correct: false })),
      ...Array.from({ length: 10 }, (_, i) => ({ confidence: 0.75, correct: i < 7 })),
    ];
    // 15 of 20 right at 0.75: calibrated
    expect(reliability(calibrated).ece).toBeCloseTo(0, 6);
    // always 0.9 sure, right half the time: ECE 0.4
    const over = Array.from({ length: 10 }, (_, i) => ({ confidence: 0.9, correct: i % 2 === 0 }));
    const r = reliability(over, 10);
    expect(r.ece).toBeCloseTo(0.4, 6);
    expect(r.bins).toEqual([
      { lo: 0.9, n: 10, meanConfidence: expect.closeTo(0.9, 9), accuracy: 0.5 },
    ]);
    // p = 1 falls in the last bin
    expect(reliability([{ confidence: 1, correct: true }], 10).bins[0]?.lo).toBe(0.9);
    expect(reliability([]).ece).toBe(0);
  });
});

describe('tierFigures', () => {
  it('counts each tier and its precision', () => {
    const f = tierFigures(['sure', 'sure', 'likely', 'guess'], [true, false, true, false]);
    expect(f).toEqual([
      { tier: 'sure', n: 2, share: 0.5, precision: 0.5 },
      { tier: 'likely', n: 1, share: 0.25, precision: 1 },
      { tier: 'guess', n: 1, share: 0.25, precision: 0 },
    ]);
  });
});

describe('precisionThresholds', () => {
  it('finds the lowest confidence above which a class is right often enough', () => {
    // class 0: right from 0.8 up, wrong from 0.64 down (the threshold stays at 0.8)
    const d = [
      ...Array.from({ length: 10 }, (_, i) => ({
        confidence: 0.8 + i * 0.01,
        predicted: 0,
        correct: true,
      })),
      ...Array.from({ length: 5 }, (_, i) => ({
        confidence: 0.6 + i * 0.01,
        predicted: 0,
        correct: false,
      })),
      // class 1: too few decisions
      { confidence: 0.99, predicted: 1, correct: true },
    ];
    const t = precisionThresholds(d, 3, 0.97);
    expect(t[0]).toBeCloseTo(0.8, 6);
    expect(t[1]).toBe(NEVER);
    expect(t[2]).toBe(NEVER);
  });

  it('does not step below a run of misses higher up', () => {
    // 10 right at 0.95+, 3 wrong around 0.9, then 30 right at 0.6–0.7: the high misses bound it
    const d = [
      ...Array.from({ length: 10 }, () => ({ confidence: 0.96, predicted: 0, correct: true })),
      ...Array.from({ length: 3 }, () => ({ confidence: 0.9, predicted: 0, correct: false })),
      ...Array.from({ length: 30 }, () => ({ confidence: 0.65, predicted: 0, correct: true })),
    ];
    expect(precisionThresholds(d, 1, 0.97)[0]).toBeCloseTo(0.96, 6);
  });
});
