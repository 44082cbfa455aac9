import { describe, expect, it } from 'vitest';
import { back, currentOf, EMPTY_TRAIL, forward, visit } from './trail';

describe('similar trail', () => {
  it('walks back and forward, and a new visit drops what lay ahead', () => {
    let t = visit(visit(visit(EMPTY_TRAIL, 1), 2), 3);
    expect(currentOf(t)).toBe(3);
    t = back(back(t));
    expect(currentOf(t)).toBe(1);
    expect(currentOf(back(t))).toBe(1);
    t = forward(t);
    expect(currentOf(t)).toBe(2);
    t = visit(t, 7);
    expect(t.ids).toEqual([1, 2, 7]);
    expect(currentOf(forward(t))).toBe(7);
  });

  it('visiting the sample already shown changes nothing', () => {
    const t = visit(EMPTY_TRAIL, 4);
    expect(visit(t, 4)).toBe(t);
    expect(currentOf(EMPTY_TRAIL)).toBeNull();
  });
});
