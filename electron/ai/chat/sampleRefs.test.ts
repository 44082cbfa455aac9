import { describe, expect, it } from 'vitest';
import { sampleSummary } from '../../../shared/test-support/sampleSummary';
import { modelRow } from './sampleRefs';
import { searchQueryOf } from './tools/readTools';

describe('the class tier the assistant sees', () => {
  it('gives the tier beside the class, and nothing without a class', () => {
    expect(modelRow(sampleSummary(1, { class: 'kick', classTier: 'guess' }))).toMatchObject({
      class: 'kick',
      classTier: 'guess',
    });
    expect(modelRow(sampleSummary(2, { class: 'snare', classTier: 'sure' })).classTier).toBe(
      'sure',
    );
    expect(modelRow(sampleSummary(3))).not.toHaveProperty('classTier');
  });

  it('searches sure and likely classes unless the model asks for guesses', () => {
    expect(searchQueryOf({ classes: ['Kick'] }, 0).filters).toEqual({ classes: ['kick'] });
    expect(searchQueryOf({ classes: ['kick'], includeGuesses: true }, 0).filters).toEqual({
      classes: ['kick'],
      includeGuesses: true,
    });
    // without classes the flag means nothing
    expect(searchQueryOf({ includeGuesses: true }, 0).filters).toEqual({});
  });
});
