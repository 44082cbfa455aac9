import { describe, expect, it } from 'vitest';
import { principalComponents, symmetricEigen } from './linalg';
import { integerScale } from './pcmHash';
import { SimilarityIndex } from './similarityIndex';
import { syntheticRows } from './syntheticVectors';
import { FULL_DIMS } from './vectorSpace';
import { parseAspects } from '../../cli/commands/similarCommand';

describe('linear algebra', () => {
  it('finds eigenvalues and principal directions', () => {
    const { values } = symmetricEigen(Float64Array.from([2, 1, 1, 2]), 2);
    expect([...values].sort()).toEqual([expect.closeTo(1, 9), expect.closeTo(3, 9)]);
    // Points along (1, 1): the first component is ±(0.707, 0.707).
    const rows = Float32Array.from([0, 0, 1, 1, 2, 2.01, 3, 3]);
    const pc = principalComponents(rows, 4, 2, 1);
    expect(Math.abs(pc[0]!)).toBeCloseTo(Math.SQRT1_2, 2);
    expect(Math.abs(pc[1]!)).toBeCloseTo(Math.SQRT1_2, 2);
  });
});

describe('SimilarityIndex', () => {
  const rows = syntheticRows({ count: 3000, classes: 6, kitsPerClass: 5, seed: 11 });
  const index = SimilarityIndex.build(rows.ids, rows.raw, rows.count);

  it('is exact when the candidates fit the shortlist, approximate with the same answer above it', () => {
    const q = index.rowOf(5)!;
    const exact = index.search(q, [1, 1, 1, 1, 1], null, 10, 5, 1e9, 1e9);
    const fast = index.search(q, [1, 1, 1, 1, 1], null, 10, 5, 50, 400);
    const overlap = fast.neighbours.filter((n) =>
      exact.neighbours.some((e) => e.id === n.id),
    ).length;
    expect(overlap).toBeGreaterThanOrEqual(8);
    expect(exact.neighbours.every((n) => rows.classes[n.id - 1] === rows.classes[4])).toBe(true);
    expect(exact.compared).toBe(2999);
  });

  it('restricts to candidates and keeps its arrays consistent through removals and updates', () => {
    const ids = Int32Array.from([1, 2, 3, 4, 5, 99_999]);
    const r = index.search(index.rowOf(1)!, [1, 0, 0, 0, 0], { ids, length: ids.length }, 10, 1);
    expect(r.neighbours.map((n) => n.id).sort()).toEqual([2, 3, 4, 5]);
    const copy = SimilarityIndex.build(
      rows.ids.slice(0, 50),
      rows.raw.slice(0, 50 * FULL_DIMS),
      50,
    );
    const row7 = copy.rowOf(7)!;
    const last = copy.rowOf(50)!;
    expect(copy.remove(7)).toBe(true);
    expect(copy.remove(7)).toBe(false);
    expect(copy.size).toBe(49);
    expect(copy.rowOf(7)).toBeNull();
    expect(copy.rowOf(50)).toEqual(last); // moved into the freed slot intact
    copy.upsert(7, rows.raw.subarray(6 * FULL_DIMS, 7 * FULL_DIMS), false);
    expect(copy.rowOf(7)).toEqual(row7);
    expect(copy.hasEmbedding(7)).toBe(false);
    expect(copy.allIds()).toHaveLength(50);
    expect(copy.memoryBytes()).toBeGreaterThan(50 * FULL_DIMS);
    const g = copy.groupDistances(copy.rowOf(7)!, 7);
    expect(Math.max(...g)).toBeLessThan(1e-9);
  });
});

describe('helpers', () => {
  it('recovers the integer scale a decoder used', () => {
    expect(integerScale([Float32Array.from([1 / 32768, -5 / 32768])], 32768)).toBe(32768);
    expect(integerScale([Float32Array.from([1 / 32767, 12345 / 32767])], 32768)).toBe(32767);
  });

  it('parses --aspects', () => {
    expect(parseAspects('timbre=1, rhythm=0.5')).toEqual({ timbre: 1, rhythm: 0.5 });
    expect(parseAspects(undefined)).toEqual({});
    expect(() => parseAspects('colour=1')).toThrow(/aspects/);
  });
});
