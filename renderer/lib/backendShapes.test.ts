import { describe, expect, it } from 'vitest';
import { parseHits, parseMapPage, parseProgress } from './backendShapes';

const sample = (id: number) => ({ id, name: `s${id}.wav` });

describe('parseHits', () => {
  it('reads similar.find pages ({items: [{sample, similarity}]}) and plain sample lists', () => {
    expect(parseHits({ items: [{ sample: sample(1), similarity: 0.9 }] })).toEqual([
      { sample: sample(1), score: 0.9 },
    ]);
    expect(parseHits([sample(2)])).toEqual([{ sample: sample(2), score: null }]);
    expect(parseHits([{ sample: sample(3), score: 2 }])[0]!.score).toBe(2);
  });

  it('skips malformed entries and answers', () => {
    expect(parseHits({ items: [{ sample: { id: 'x' } }, null, 4] })).toEqual([]);
    expect(parseHits(null)).toEqual([]);
    expect(parseHits('nope')).toEqual([]);
  });
});

describe('parseMapPage', () => {
  it('zips the id/x/y/cls arrays and names classes', () => {
    const page = parseMapPage({
      ids: [5, 6, 7],
      x: [0, 100, 65535],
      y: [10, 20, 30],
      cls: [0, -1, 1],
      classNames: ['kick', 'snare'],
      nextOffset: 3,
    });
    expect(page.nextOffset).toBe(3);
    expect(page.points).toEqual([
      { id: 5, x: 0, y: 10, name: '#5', cls: 'kick' },
      { id: 6, x: 100, y: 20, name: '#6', cls: null },
      { id: 7, x: 65535, y: 30, name: '#7', cls: 'snare' },
    ]);
  });

  it('drops points with missing coordinates and ends paging without nextOffset', () => {
    const page = parseMapPage({ ids: [1, 2], x: [1], y: [1, 2] });
    expect(page.points.map((p) => p.id)).toEqual([1]);
    expect(page.nextOffset).toBeNull();
    expect(parseMapPage(undefined)).toEqual({ points: [], nextOffset: null });
  });
});

describe('parseProgress', () => {
  it('reads analysis.progress and fills missing counts with 0', () => {
    expect(
      parseProgress({ state: 'running', queued: 4, running: 2, filesPerSec: 3.5, etaSec: 2 }),
    ).toEqual({
      state: 'running',
      queued: 4,
      running: 2,
      completed: 0,
      failed: 0,
      filesPerSec: 3.5,
      etaSec: 2,
    });
    expect(parseProgress({ state: 'idle' })?.etaSec).toBeNull();
  });

  it('rejects answers without a state', () => {
    expect(parseProgress({ queued: 1 })).toBeNull();
    expect(parseProgress(null)).toBeNull();
  });
});
