import { describe, expect, it } from 'vitest';
import { decide, tierOf, withoutClass } from './decision';

describe('decide', () => {
  const classes = ['kick', 'snare', 'hihat', 'tom'] as const;
  const tiers = { sure: 0.95, likely: 0.8 };

  it('returns the top class with its tier, and the candidates best first', () => {
    const d = decide([0.05, 0.85, 0.04, 0.06], classes, tiers);
    expect(d.class).toBe('snare');
    expect(d.tier).toBe('likely');
    expect(d.confidence).toBeCloseTo(0.85);
    expect(d.candidates.map((c) => c.class)).toEqual(['snare', 'tom', 'kick']);
    expect(decide([0.01, 0.97, 0.01, 0.01], classes, tiers).tier).toBe('sure');
  });

  it('keeps the top class as a guess below the likely threshold', () => {
    const d = decide([0.4, 0.35, 0.2, 0.05], classes, tiers, 2);
    expect(d.class).toBe('kick');
    expect(d.tier).toBe('guess');
    expect(d.confidence).toBeCloseTo(0.4);
    expect(d.candidates).toEqual([
      { class: 'kick', p: expect.closeTo(0.4) },
      { class: 'snare', p: expect.closeTo(0.35) },
    ]);
  });

  it('applies the top class own thresholds when given one per class', () => {
    const perClass = { sure: [0.9, 0.99, 0.8, 1.01], likely: [0.5, 0.9, 0.6, 0.9] };
    expect(decide([0.55, 0.3, 0.1, 0.05], classes, perClass).tier).toBe('likely');
    expect(decide([0.3, 0.55, 0.1, 0.05], classes, perClass).tier).toBe('guess');
    expect(decide([0.1, 0.1, 0.1, 0.7], classes, perClass).tier).toBe('guess');
    expect(decide([0.05, 0.05, 0.85, 0.05], classes, perClass).tier).toBe('sure');
    // a sure threshold above 1 means the class is never sure
    expect(decide([0, 0, 0, 1], classes, perClass).tier).toBe('likely');
  });

  it('tierOf orders sure above likely above guess', () => {
    expect(tierOf(0.96, 0, tiers)).toBe('sure');
    expect(tierOf(0.95, 0, tiers)).toBe('sure');
    expect(tierOf(0.94, 0, tiers)).toBe('likely');
    expect(tierOf(0.79, 0, tiers)).toBe('guess');
  });

  it('withoutClass drops class and tier together and keeps the candidates', () => {
    const d = withoutClass(decide([0.05, 0.85, 0.04, 0.06], classes, tiers));
    expect(d.class).toBeNull();
    expect(d.tier).toBeNull();
    expect(d.candidates[0]?.class).toBe('snare');
  });

  it('rejects a probability row of the wrong length', () => {
    expect(() => decide([1], classes, tiers)).toThrow(RangeError);
  });
});
