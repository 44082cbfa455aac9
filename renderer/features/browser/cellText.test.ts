import { describe, expect, it } from 'vitest';
import { sampleSummary } from '../../../shared/test-support/sampleSummary';
import { cellText, cellTitle } from './cellText';

describe('class cell', () => {
  it('says where the class comes from in its tooltip', () => {
    const heard = sampleSummary(1, { class: 'kick', classConfidence: 0.874, classSource: 'audio' });
    expect(cellText(heard, 'class', 0)).toBe('kick');
    expect(cellTitle(heard, 'class')).toBe('kick, 87 % sure from the sound');
    const named = sampleSummary(2, { class: 'snare', classConfidence: 0.9, classSource: 'name' });
    expect(cellTitle(named, 'class')).toBe('snare, from the file or folder name');
    expect(cellTitle(sampleSummary(3), 'class')).toBeUndefined();
  });
});
