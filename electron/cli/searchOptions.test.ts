import { describe, expect, it } from 'vitest';
import { UsageError } from './command';
import { searchQueryFromFlags } from './searchOptions';

describe('searchQueryFromFlags: class tiers', () => {
  it('filters classes to sure and likely by default, and takes guesses with --guesses', () => {
    expect(searchQueryFromFlags('', { class: 'kick,snare' }).filters).toEqual({
      classes: ['kick', 'snare'],
    });
    expect(searchQueryFromFlags('', { class: 'kick', guesses: true }).filters).toEqual({
      classes: ['kick'],
      includeGuesses: true,
    });
    expect(() => searchQueryFromFlags('', { guesses: true })).toThrow(UsageError);
  });
});
