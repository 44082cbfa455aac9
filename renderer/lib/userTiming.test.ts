import { afterEach, describe, expect, it } from 'vitest';
import { SEARCH_MEASURE, VOICE_MARK } from '../../shared/userTiming';
import { markVoice, measureSearch } from './userTiming';

afterEach(() => {
  performance.clearMarks();
  performance.clearMeasures();
});

describe('user timing entries', () => {
  it('measures a search from its request to now, with the server time as detail', async () => {
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, 5));
    measureSearch(t0, { serverMs: 2.5 });
    const [entry, ...rest] = performance.getEntriesByName(SEARCH_MEASURE, 'measure');
    expect(rest).toEqual([]);
    expect(entry!.startTime).toBe(t0);
    expect(entry!.duration).toBeGreaterThanOrEqual(4);
    expect((entry as PerformanceMeasure).detail).toEqual({ serverMs: 2.5 });
  });

  it('marks each voice change and keeps at most 500 marks, the newest last', () => {
    for (let i = 0; i < 501; i++) markVoice({ voice: 'buffer', playing: i % 2 === 0 });
    markVoice({ voice: 'media', playing: true });
    const marks = performance.getEntriesByName(VOICE_MARK, 'mark') as PerformanceMark[];
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.length).toBeLessThanOrEqual(500);
    expect(marks.at(-1)!.detail).toEqual({ voice: 'media', playing: true });
  });
});
