import { describe, expect, it, vi } from 'vitest';
import { encodePeaks } from '../../../shared/peaksCodec';
import { PeaksCache, type PeaksFetchResult } from './peaksCache';

const blob = encodePeaks({
  channels: 1,
  frames: 100,
  sampleRate: 100,
  levels: [{ buckets: 2, data: [Int8Array.from([-1, 1, -2, 2])] }],
});

function deferredFetcher() {
  const calls: number[] = [];
  const waiting = new Map<number, (r: PeaksFetchResult) => void>();
  return {
    calls,
    fetch: (id: number) =>
      new Promise<PeaksFetchResult>((resolve) => {
        calls.push(id);
        waiting.set(id, resolve);
      }),
    answer(id: number, r: PeaksFetchResult) {
      waiting.get(id)!(r);
      waiting.delete(id);
    },
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('PeaksCache', () => {
  it('fetches a few at a time, newest first, and remembers answers', async () => {
    const f = deferredFetcher();
    const cache = new PeaksCache({ fetch: f.fetch, concurrency: 2 });
    for (const id of [1, 2, 3, 4]) cache.request(id);
    expect(f.calls).toEqual([]);
    await tick();
    expect(f.calls).toEqual([4, 3]);
    let notified = 0;
    cache.subscribe(4, () => notified++);
    f.answer(4, { type: 'peaks', bytes: blob });
    await tick();
    expect(notified).toBe(1);
    expect(cache.get(4)).toMatchObject({ frames: 100 });
    expect(f.calls).toEqual([4, 3, 2]);
    f.answer(3, { type: 'none' });
    await tick();
    expect(cache.get(3)).toBe('none');
    cache.request(3);
    cache.request(4);
    expect(f.calls).toEqual([4, 3, 2, 1]);
  });

  it('holds fetches while the list scrolls, then fetches what is still wanted', async () => {
    vi.useFakeTimers();
    try {
      const f = deferredFetcher();
      const cache = new PeaksCache({ fetch: f.fetch, concurrency: 4 });
      cache.hold(30);
      for (const id of [1, 2, 3]) cache.request(id);
      await vi.advanceTimersByTimeAsync(20);
      expect(cache.held).toBe(true);
      expect(f.calls).toEqual([]);
      // Still scrolling: the hold is extended (30 ms from now) and the rows that flew past are dropped.
      cache.hold(30);
      cache.cancelPending(new Set([3]));
      cache.request(7);
      await vi.advanceTimersByTimeAsync(29);
      expect(cache.held).toBe(true);
      expect(f.calls).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(cache.held).toBe(false);
      expect(f.calls).toEqual([7, 3]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('drops queued requests for rows that scrolled away', async () => {
    const f = deferredFetcher();
    const cache = new PeaksCache({ fetch: f.fetch, concurrency: 1 });
    for (const id of [1, 2, 3]) cache.request(id);
    await tick();
    cache.cancelPending(new Set([1]));
    f.answer(3, { type: 'none' });
    await tick();
    expect(f.calls).toEqual([3, 1]);
    expect(cache.pending).toBe(1);
  });

  it('stops asking when the server has no peaks route', async () => {
    const f = deferredFetcher();
    const cache = new PeaksCache({ fetch: f.fetch, concurrency: 1 });
    cache.request(1);
    cache.request(2);
    await tick();
    f.answer(2, { type: 'unsupported' });
    await tick();
    expect(cache.routeMissing).toBe(true);
    cache.request(5);
    expect(f.calls).toEqual([2]);
  });

  it('treats broken blobs and failed requests as "no peaks", and forgets on invalidate', async () => {
    const cache = new PeaksCache({
      fetch: async (id) => {
        if (id === 1) throw new Error('network');
        return { type: 'peaks', bytes: new Uint8Array([1, 2, 3]) };
      },
    });
    cache.request(1);
    cache.request(2);
    await tick();
    await tick();
    expect(cache.get(1)).toBe('none');
    expect(cache.get(2)).toBe('none');
    let n = 0;
    const off = cache.subscribe(2, () => n++);
    cache.invalidate([2]);
    expect(cache.get(2)).toBeUndefined();
    expect(n).toBe(1);
    off();
    cache.invalidate([2]);
    expect(n).toBe(1);
  });
});
