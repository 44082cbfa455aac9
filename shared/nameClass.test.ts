import { describe, expect, it } from 'vitest';
import { classFromName } from './nameClass';

const oneShot = (file: string, dir = '/lib/Pack') =>
  classFromName(file, dir)?.oneShot?.class ?? null;

describe('classFromName', () => {
  it('reads the class producers write into file names', () => {
    expect(oneShot('Kick 01.wav')).toBe('kick');
    expect(oneShot('kick_hardcore01.ogg')).toBe('kick');
    expect(oneShot('bassdrum_acoustic01.ogg')).toBe('kick');
    expect(oneShot('Snare2.wav')).toBe('snare');
    expect(oneShot('HiHatClosed-2.wav')).toBe('hihat');
    expect(oneShot('808_Hat_Closed.flac')).toBe('hihat');
    expect(oneShot('Crash18-0.wav')).toBe('cymbal');
    expect(oneShot('China-4.wav')).toBe('cymbal');
    expect(oneShot('TomLow-3.wav')).toBe('tom');
    expect(oneShot('BongoLo-Hardest.wav')).toBe('percussion');
    expect(oneShot('HandClap-Soft.wav')).toBe('clap');
    expect(oneShot('808_Bass_C.wav')).toBe('bass');
    expect(oneShot('space_strings03.ogg')).toBe('strings');
    expect(oneShot('Vox Chop Am.wav')).toBe('vocal');
  });

  it('lets one drum class decide over melodic words, and gives up on two classes', () => {
    expect(oneShot('RideBell-3.wav')).toBe('cymbal'); // "bell" alone is keys
    expect(oneShot('Bass Kick Hard.wav')).toBe('kick');
    expect(oneShot('Noise Snare.wav')).toBe('snare');
    // Rim shots: percussion to the classifier unless a snare is named.
    expect(oneShot('Snare 2 Rimshot-1.wav')).toBe('snare');
    expect(oneShot('RimClick-3.wav')).toBeNull();
    expect(oneShot('sidestick01.ogg')).toBeNull();
    expect(oneShot('Clap + Snare Layer.wav')).toBeNull();
    expect(oneShot('Guitar Pad.wav')).toBeNull();
  });

  it('says nothing without a class word, and skips words that are initials in names', () => {
    expect(classFromName('Take 3.wav', '/home/me')).toBeNull();
    expect(classFromName('808.wav', '/lib')).toBeNull();
    expect(classFromName('OH 1.wav', '/lib')).toBeNull();
    expect(classFromName('Ch 2 Mix.wav', '/lib')).toBeNull();
    expect(classFromName('Kickstarter Theme.wav', '/lib')).toBeNull();
    // GMRockKit's "Bell-Hard.wav" is a ride bell: "bell" alone settles nothing.
    expect(
      classFromName('Bell-Hard.wav', '/usr/share/hydrogen/data/drumkits/GMRockKit'),
    ).toBeNull();
  });

  it('falls back to the two nearest folders, the file name first', () => {
    expect(classFromName('01.wav', '/lib/Pack/Kicks')).toEqual({
      oneShot: { class: 'kick', from: 'folder' },
      loop: { class: 'drums', from: 'folder' },
    });
    expect(classFromName('Hard 01.wav', '/lib/Snares/Hard')?.oneShot).toEqual({
      class: 'snare',
      from: 'folder',
    });
    expect(classFromName('Kick 01.wav', '/lib/Snares')?.oneShot).toEqual({
      class: 'kick',
      from: 'file',
    });
    // "Drum" names no one-shot class: the folder says which drum (the loop class is the file's).
    expect(classFromName('Drum Hit 01.wav', '/lib/Kicks')).toEqual({
      oneShot: { class: 'kick', from: 'folder' },
      loop: { class: 'drums', from: 'file' },
    });
    // Three levels up is too far to say anything about the file.
    expect(classFromName('01.wav', '/home/Bass/Samples/Pack')).toBeNull();
    // The nearest folder that names classes decides, even when it cannot choose a
    // one-shot class (drum hits, but which?).
    expect(classFromName('01.wav', '/lib/Kicks/Kicks and Snares')).toEqual({
      oneShot: null,
      loop: { class: 'drums', from: 'folder' },
    });
    expect(classFromName('01.wav', '/lib/Kicks/Vocals and Guitars')).toBeNull();
  });

  it('gives loops their content class', () => {
    expect(classFromName('Drum Loop 120.wav', '/lib')).toEqual({
      oneShot: null,
      loop: { class: 'drums', from: 'file' },
    });
    const loop = (file: string, dir = '/lib') => classFromName(file, dir)?.loop?.class ?? null;
    expect(loop('Bass Loop 120 Am.wav')).toBe('bass');
    expect(loop('Piano Chords 90.wav')).toBe('melodic');
    expect(loop('01 120bpm.wav', '/lib/Vocal Loops')).toBe('vocal');
    // A kick-and-bass loop: the drum class for a one-shot, no single loop class.
    expect(classFromName('Kick Bass Loop.wav', '/lib')).toEqual({
      oneShot: { class: 'kick', from: 'file' },
      loop: null,
    });
  });
});
