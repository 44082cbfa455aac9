import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../shared/random';
import { Bitset } from './bitset';

describe('Bitset.writeUnionIds', () => {
  it('writes the union of two sets in ascending order, bit 31 and word edges included', () => {
    const rand = seededRandom(5);
    const a = new Bitset(64);
    const b = new Bitset(64);
    const want = new Set<number>([0, 31, 32, 63, 64, 4095]);
    for (const id of [0, 31, 63]) a.add(id);
    for (const id of [32, 64, 4095]) b.add(id);
    for (let i = 0; i < 500; i++) {
      const id = Math.floor(rand() * 5000);
      (rand() < 0.5 ? a : b).add(id);
      want.add(id);
    }
    const out = new Int32Array(5001);
    const n = a.writeUnionIds(b, out);
    expect([...out.subarray(0, n)]).toEqual([...want].sort((x, y) => x - y));
    expect(a.writeUnionIds(null, out)).toBe(a.size());
  });

  it('leaves out ids that do not fit the output', () => {
    const a = Bitset.fromIds([1, 5, 40, 100]);
    const out = new Int32Array(41);
    expect([...out.subarray(0, a.writeUnionIds(null, out))]).toEqual([1, 5, 40]);
  });
});
