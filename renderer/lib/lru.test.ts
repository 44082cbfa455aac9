import { describe, expect, it } from 'vitest';
import { Lru } from './lru';

describe('Lru', () => {
  it('evicts the least recently used entries over budget', () => {
    const evicted: string[] = [];
    const lru = new Lru<string, number>(10, (k) => evicted.push(k));
    lru.set('a', 1, 4);
    lru.set('b', 2, 4);
    expect(lru.get('a')).toBe(1); // a is now the most recent
    lru.set('c', 3, 4);
    expect(evicted).toEqual(['b']);
    expect(lru.has('a')).toBe(true);
    expect(lru.cost).toBe(8);
    expect(lru.size).toBe(2);
  });

  it('keeps a single entry larger than the budget, replaces and deletes', () => {
    const lru = new Lru<string, number>(5);
    lru.set('big', 1, 50);
    expect(lru.peek('big')).toBe(1);
    lru.set('big', 2, 3);
    expect(lru.cost).toBe(3);
    expect(lru.delete('big')).toBe(true);
    expect(lru.delete('big')).toBe(false);
    expect(lru.get('big')).toBeUndefined();
    lru.set('x', 1);
    lru.clear();
    expect(lru.size).toBe(0);
    expect(lru.cost).toBe(0);
  });
});
