import { describe, expect, it } from 'vitest';
import type { SampleSummary } from '../../shared/contract';
import { mergeRows, reuseRows } from './mergeRows';

const row = (id: number, extra: Partial<SampleSummary> = {}) =>
  ({ id, name: `s${id}`, tags: ['a'], bpm: null, analysis: 'pending', ...extra }) as SampleSummary;

describe('mergeRows', () => {
  it('keeps the same array and objects when nothing changed', () => {
    const rows = [row(1), row(2)];
    const out = mergeRows(rows, [row(1), row(2)]);
    expect(out).toBe(rows);
  });

  it('replaces only changed rows', () => {
    const rows = [row(1), row(2), row(3)];
    const fresh2 = row(2, { analysis: 'done', bpm: 120 });
    const out = mergeRows(rows, [row(1), fresh2]);
    expect(out).not.toBe(rows);
    expect(out[0]).toBe(rows[0]);
    expect(out[1]).toBe(fresh2);
    expect(out[2]).toBe(rows[2]);
  });

  it('sees changed tags', () => {
    const rows = [row(1)];
    expect(mergeRows(rows, [row(1, { tags: ['a', 'b'] })])[0]!.tags).toEqual(['a', 'b']);
    expect(mergeRows(rows, [row(1, { tags: ['b'] })])[0]!.tags).toEqual(['b']);
  });
});

describe('reuseRows', () => {
  it('keeps the objects of unchanged rows, in the new order', () => {
    const rows = [row(1), row(2), row(3)];
    const fresh = [row(3), row(4), row(1, { bpm: 90 })];
    const out = reuseRows(rows, fresh);
    expect(out.map((r) => r.id)).toEqual([3, 4, 1]);
    expect(out[0]).toBe(rows[2]);
    expect(out[1]).toBe(fresh[1]);
    expect(out[2]).toBe(fresh[2]);
  });
});
