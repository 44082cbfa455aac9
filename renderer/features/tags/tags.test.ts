import { describe, expect, it } from 'vitest';
import { tagNameSchema } from '../../../shared/schemas/common';
import { normalizeTag, parseTagList, suggestTags, tagCoverage } from './tags';

describe('tags', () => {
  it('normalises like the backend schema does', () => {
    for (const raw of ['  Dark ', 'Big   Room', '808']) {
      expect(normalizeTag(raw)).toBe(tagNameSchema.parse(raw).replace(/\s+/g, ' '));
    }
    expect(normalizeTag('a,b')).toBeNull();
    expect(normalizeTag('   ')).toBeNull();
    expect(normalizeTag('x'.repeat(65))).toBeNull();
  });

  it('parses comma-separated input without duplicates', () => {
    expect(parseTagList('Dark, wide ,,  808 kick, dark')).toEqual(['dark', 'wide', '808 kick']);
  });

  it('suggests prefix matches first, most used first, skipping applied tags', () => {
    const all = [
      { name: 'dark', count: 3 },
      { name: 'darker', count: 10 },
      { name: 'very dark', count: 50 },
      { name: 'wide', count: 1 },
    ];
    expect(suggestTags(all, 'dar').map((t) => t.name)).toEqual(['darker', 'dark', 'very dark']);
    expect(suggestTags(all, 'dar', ['darker']).map((t) => t.name)).toEqual(['dark', 'very dark']);
    expect(suggestTags(all, '', [], 2).map((t) => t.name)).toEqual(['very dark', 'darker']);
  });

  it('says which tags all or some of a selection carry', () => {
    expect(tagCoverage([{ tags: ['a', 'b'] }, { tags: ['b', 'c'] }, { tags: ['b', 'b'] }])).toEqual(
      { all: ['b'], some: ['a', 'c'] },
    );
    expect(tagCoverage([])).toEqual({ all: [], some: [] });
  });
});
