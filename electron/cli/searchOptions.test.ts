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

describe('searchQueryFromFlags: values from a fixed list', () => {
  it('suggests the value a typo meant, as for flags and commands', () => {
    expect(() => searchQueryFromFlags('', { kind: 'lop' })).toThrow(
      '--kind is loop or one-shot, not "lop" (did you mean loop?)',
    );
    expect(() => searchQueryFromFlags('', { kind: 'oneshot' })).toThrow('(did you mean one-shot?)');
    expect(() => searchQueryFromFlags('', { key: 'C', related: 'relativ' })).toThrow(
      '(did you mean relative?)',
    );
    expect(() => searchQueryFromFlags('', { format: 'wva' })).toThrow('(did you mean wav?)');
    expect(() => searchQueryFromFlags('', { sort: 'bmp' })).toThrow('(did you mean bpm?)');
    expect(() => searchQueryFromFlags('', { sort: 'bpm:decs' })).toThrow('(did you mean bpm:desc?)');
    // Nothing close: the list alone, no invented suggestion.
    expect(() => searchQueryFromFlags('', { kind: 'xyzzy' })).toThrow(
      /^--kind is loop or one-shot, not "xyzzy"$/,
    );
    expect(searchQueryFromFlags('', { kind: 'loop' }).filters).toEqual({ kind: 'loop' });
  });
});
