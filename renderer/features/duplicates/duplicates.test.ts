import { describe, expect, it } from 'vitest';
import type { SampleSummary } from '../../../shared/contract';
import { sampleSummary } from '../../../shared/test-support/sampleSummary';
import { duplicateRows, duplicatesHeadline } from './duplicates';

function sample(id: number, sizeBytes: number): SampleSummary {
  return sampleSummary(id, { sizeBytes, channels: 1, kind: 'one-shot' });
}

describe('duplicateRows', () => {
  const report = {
    exact: [{ contentHash: 'abc', samples: [sample(1, 100), sample(2, 100)], keeperId: 2 }],
    near: [
      {
        samples: [sample(3, 50), sample(4, 70)],
        keeperId: 3,
        similarity: 0.97,
        differences: ['gain'],
      },
      {
        samples: [sample(5, 10), sample(6, 20), sample(7, 30)],
        keeperId: 7,
        similarity: 0.99,
        differences: [],
      },
    ],
    tookMs: 1,
  };

  it('lists exact groups first, then near groups by similarity', () => {
    const rows = duplicateRows(report);
    expect(rows.map((r) => r.kind)).toEqual(['exact', 'near', 'near']);
    expect(rows[0]!.similarity).toBe(1);
    expect(rows[1]!.similarity).toBe(0.99);
    expect(rows[2]!.differences).toEqual(['gain']);
    expect(new Set(rows.map((r) => r.key)).size).toBe(3);
  });

  it('counts extra bytes without the keeper', () => {
    const rows = duplicateRows(report);
    expect(rows[0]!.extraBytes).toBe(100);
    expect(rows[1]!.extraBytes).toBe(30); // keeper 7 (30 B) excluded
    expect(rows[2]!.extraBytes).toBe(70);
    expect(duplicatesHeadline(rows)).toEqual({ exact: 1, near: 2, extraBytes: 200 });
  });

  it('handles an empty report', () => {
    expect(duplicateRows({ exact: [], near: [], tookMs: 0 })).toEqual([]);
    expect(duplicatesHeadline([])).toEqual({ exact: 0, near: 0, extraBytes: 0 });
  });
});
