import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, suggestion } from './suggest';

describe('did you mean', () => {
  it('measures typos as edits, a swap of neighbours counting once', () => {
    expect(editDistance('serch', 'search')).toBe(1);
    expect(editDistance('saerch', 'search')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests a close candidate or a prefix, and nothing for a far word', () => {
    const commands = ['import', 'search', 'similar', 'stats'];
    expect(didYouMean('serch', commands)).toBe('search');
    expect(didYouMean('sim', commands)).toBe('similar');
    expect(didYouMean('frobnicate', commands)).toBeNull();
    expect(suggestion('--limt', ['--limit', '--json'])).toBe(' (did you mean --limit?)');
    expect(suggestion('zzz', ['--limit'])).toBe('');
  });
});
