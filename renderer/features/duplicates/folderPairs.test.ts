import { describe, expect, it } from 'vitest';
import { sampleSummary } from '../../../shared/test-support/sampleSummary';
import type { DuplicateRow } from './duplicates';
import { extraCopies, folderPairs } from './folderPairs';

const row = (key: string, keeperId: number, paths: Array<[number, string]>): DuplicateRow => ({
  key,
  kind: 'exact',
  keeperId,
  similarity: 1,
  differences: [],
  extraBytes: 0,
  samples: paths.map(([id, path]) => sampleSummary(id, { path })),
});

describe('duplicates by folder', () => {
  const rows = [
    row('a', 1, [
      [1, '/lib/Kits/808/kick.wav'],
      [2, '/lib/Copy/808/kick.wav'],
    ]),
    row('b', 3, [
      [3, '/lib/Kits/808/snare.wav'],
      [4, '/lib/Copy/808/snare.wav'],
      [5, '/lib/Copy/808/snare (1).wav'],
    ]),
    row('c', 6, [
      [6, '/lib/Loops/a.wav'],
      [7, '/lib/Loops/b.wav'],
    ]),
  ];

  it('counts groups per set of folders, most first', () => {
    expect(folderPairs(rows)).toEqual([
      { folders: ['/lib/Copy/808', '/lib/Kits/808'], groups: 2 },
      { folders: ['/lib/Loops'], groups: 1 },
    ]);
  });

  it('lists every copy but the keeper', () => {
    expect(extraCopies(rows)).toEqual([2, 4, 5, 7]);
  });
});
