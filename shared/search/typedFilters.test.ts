import { describe, expect, it } from 'vitest';
import { typedFilters } from './typedFilters';

describe('typedFilters', () => {
  it('while typing, counts a word that could still grow only once a space follows it', () => {
    expect(typedFilters('techno loop')).toEqual({ text: 'techno loop' });
    expect(typedFilters('techno loop ')).toEqual({ text: 'techno ', kind: 'loop' });
    expect(typedFilters('pad C min')).toEqual({ text: 'pad C min' });
  });

  it('on whole text (a command line), counts the last word too and trims what is left', () => {
    expect(typedFilters('120 bpm loop', true)).toEqual({ text: '', bpm: 120, kind: 'loop' });
    expect(typedFilters('pad C min', true)).toEqual({ text: 'pad', key: 'C minor' });
    expect(typedFilters('dark 87.5BPM one-shot kick', true)).toEqual({
      text: 'dark kick',
      bpm: 87.5,
      kind: 'one-shot',
    });
    expect(typedFilters('loopmasters 1000 bpm', true)).toEqual({ text: 'loopmasters 1000 bpm' });
  });
});
