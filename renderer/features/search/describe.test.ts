import { describe, expect, it } from 'vitest';
import type { DescribeParse } from '../../../shared/contract/similar';
import { emptyParse } from '../../../shared/describe/parseDescription';
import { describeChips, looksLikeDescription } from './describe';

const empty = emptyParse('');

describe('looksLikeDescription', () => {
  it('wants two or more words', () => {
    expect(looksLikeDescription('kick')).toBe(false);
    expect(looksLikeDescription('  kick  ')).toBe(false);
    expect(looksLikeDescription('punchy kick')).toBe(true);
    expect(looksLikeDescription('')).toBe(false);
  });
});

describe('describeChips', () => {
  it('is empty when nothing was understood', () => {
    expect(describeChips(empty)).toEqual([]);
  });

  it('lists class, tags, BPM, key and length in order', () => {
    const chips = describeChips({
      ...empty,
      classes: ['kick'],
      excludeClasses: ['snare'],
      kind: 'loop',
      tags: ['punchy'],
      avoidTags: ['bright'],
      bpm: { min: 118, max: 122, target: 120 },
      key: 'A minor',
      durationSec: { max: 2 },
      bars: 4,
      like: { id: 42 },
    } as DescribeParse);
    expect(chips.map((c) => c.label)).toEqual([
      'kick',
      'not snare',
      'loop',
      'punchy',
      'not bright',
      '120 BPM',
      'A minor',
      'under 2 s',
      '4 bars',
      'like #42',
    ]);
    expect(chips[0]!.kind).toBe('class');
  });

  it('shows a BPM range without a target and a soft length', () => {
    const chips = describeChips({
      ...empty,
      bpm: { min: 80, max: 100, target: null },
      length: 'short',
      like: { name: 'Kick_808' },
    });
    expect(chips.map((c) => c.label)).toEqual(['80–100 BPM', 'short', 'like Kick_808']);
  });
});
