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

describe('folder cell', () => {
  it('tells two files of the same name apart by their folder', () => {
    const a = sampleSummary(7, {
      name: 'bd_01.flac',
      dir: 'Kit A/Kicks',
      path: '/lib/Kit A/Kicks/bd_01.flac',
    });
    const b = sampleSummary(8, {
      name: 'bd_01.flac',
      dir: 'Kit B/Kicks',
      path: '/lib/Kit B/Kicks/bd_01.flac',
    });
    expect(cellText(a, 'folder', 0)).toBe('Kit A/Kicks');
    expect(cellText(b, 'folder', 0)).not.toBe(cellText(a, 'folder', 0));
    expect(cellTitle(a, 'folder')).toBe('/lib/Kit A/Kicks');
  });

  it('names the library folder for a file at its top', () => {
    const top = sampleSummary(9, { dir: '', path: '/home/me/Samples/kick.wav' });
    expect(cellText(top, 'folder', 0)).toBe('Samples');
    expect(cellTitle(top, 'folder')).toBe('/home/me/Samples');
  });
});
