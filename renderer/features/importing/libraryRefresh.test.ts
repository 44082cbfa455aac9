import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RefreshScheduler, rowsToRefresh, type RefreshPlan } from './libraryRefresh';

describe('RefreshScheduler', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('makes one refresh of a burst, 250 ms after its first event', () => {
    const runs: RefreshPlan[] = [];
    const s = new RefreshScheduler((p) => runs.push(p));
    s.add({ reason: 'import', sampleIds: [1] });
    vi.advanceTimersByTime(100);
    s.add({ reason: 'analysis', sampleIds: [2, 3] });
    vi.advanceTimersByTime(149);
    expect(runs).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(runs).toHaveLength(1);
    expect([...runs[0]!.reasons].sort()).toEqual(['analysis', 'import']);
    expect([...runs[0]!.changedIds!]).toEqual([2, 3]);
  });

  it('refreshes at most once a second under a steady stream, and never starves', () => {
    let runs = 0;
    const s = new RefreshScheduler(() => runs++);
    // An event every 200 ms for 10 s: a debounce of 250 ms would wait for the end.
    for (let t = 0; t < 10_000; t += 200) {
      s.add({ reason: 'analysis', sampleIds: [t] });
      vi.advanceTimersByTime(200);
    }
    expect(runs).toBeGreaterThanOrEqual(9);
    expect(runs).toBeLessThanOrEqual(11);
    s.dispose();
  });

  it('forgets which rows changed when an event does not say', () => {
    const runs: RefreshPlan[] = [];
    const s = new RefreshScheduler((p) => runs.push(p));
    s.add({ reason: 'analysis', sampleIds: [1] });
    s.add({ reason: 'ratings' });
    vi.advanceTimersByTime(250);
    expect(runs[0]!.changedIds).toBeNull();
    s.add({ reason: 'analysis', sampleIds: [5] });
    vi.advanceTimersByTime(1000);
    expect([...runs[1]!.changedIds!]).toEqual([5]);
  });
});

describe('rowsToRefresh', () => {
  it('re-reads only the loaded rows that changed, or all of them when unknown', () => {
    expect(rowsToRefresh([1, 2, 3, 4], new Set([2, 4, 99]))).toEqual([2, 4]);
    expect(rowsToRefresh([1, 2, 3], new Set([99]))).toEqual([]);
    expect(rowsToRefresh([1, 2], null)).toEqual([1, 2]);
  });
});
