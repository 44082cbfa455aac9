import { describe, expect, it } from 'vitest';
import { decide } from './decision';

describe('decide', () => {
  const classes = ['kick', 'snare', 'hihat', 'tom'] as const;

  it('returns the top class when it reaches the threshold, with candidates best first', () => {
    const d = decide([0.05, 0.85, 0.04, 0.06], classes, 0.8);
    expect(d.class).toBe('snare');
    expect(d.confidence).toBeCloseTo(0.85);
    expect(d.candidates.map((c) => c.class)).toEqual(['snare', 'tom', 'kick']);
  });

  it('returns null but keeps the candidates below the threshold', () => {
    const d = decide([0.4, 0.35, 0.2, 0.05], classes, 0.8, 2);
    expect(d.class).toBeNull();
    expect(d.confidence).toBeCloseTo(0.4);
    expect(d.candidates).toEqual([
      { class: 'kick', p: expect.closeTo(0.4) },
      { class: 'snare', p: expect.closeTo(0.35) },
    ]);
  });

  it('applies the top class own threshold when given one per class', () => {
    const perClass = [0.5, 0.9, 0.6, 0.9];
    expect(decide([0.55, 0.3, 0.1, 0.05], classes, perClass).class).toBe('kick');
    expect(decide([0.3, 0.55, 0.1, 0.05], classes, perClass).class).toBeNull();
    expect(decide([0.1, 0.1, 0.1, 0.7], classes, perClass).class).toBeNull();
    expect(decide([0.05, 0.05, 0.85, 0.05], classes, perClass).class).toBe('hihat');
  });

  it('rejects a probability row of the wrong length', () => {
    expect(() => decide([1], classes, 0.5)).toThrow(RangeError);
  });
});
