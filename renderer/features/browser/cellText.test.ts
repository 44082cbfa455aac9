import { describe, expect, it } from 'vitest';
import { sampleSummary } from '../../../shared/test-support/sampleSummary';
import { cellModifier, cellText, cellTitle } from './cellText';

describe('class cell', () => {
  it('says where the class comes from in its tooltip', () => {
    const heard = sampleSummary(1, { class: 'kick', classConfidence: 0.874, classSource: 'audio' });
    expect(cellText(heard, 'class', 0)).toBe('kick');
    expect(cellTitle(heard, 'class')).toBe('kick, 87 % sure from the sound');
    const named = sampleSummary(2, { class: 'snare', classConfidence: 0.9, classSource: 'name' });
    expect(cellTitle(named, 'class')).toBe('snare, from the file or folder name');
    expect(cellTitle(sampleSummary(3), 'class')).toBeUndefined();
  });

  it('shows the tier: a guess dimmed, its probability in the tooltip', () => {
    const guess = sampleSummary(4, {
      class: 'woodwind',
      classConfidence: 0.341,
      classSource: 'audio',
      classTier: 'guess',
    });
    expect(cellText(guess, 'class', 0)).toBe('woodwind');
    expect(cellTitle(guess, 'class')).toBe('woodwind: a guess (34 % from the sound)');
    expect(cellModifier(guess, 'class')).toBe(' cell--guess');
    expect(cellModifier(guess, 'name')).toBe('');
    const likely = {
      ...guess,
      class: 'kick' as const,
      classConfidence: 0.8,
      classTier: 'likely' as const,
    };
    expect(cellTitle(likely, 'class')).toBe('kick: likely (80 % from the sound)');
    expect(cellModifier(likely, 'class')).toBe('');
  });
});
