import { describe, expect, it } from 'vitest';
import { drumClassOfName, normaliseDrumName } from '../../electron/library/fixtures/drumNames';

describe('drumClassOfName', () => {
  it.each([
    ['Kick', 'kick'],
    ['Bass Drum', 'kick'],
    ['BassDrum', 'kick'],
    ['BD_01.aiff', 'kick'],
    ['c3 - bass drum 1', 'kick'],
    ['Kick (Tama Superstar 22")', 'kick'],
    ['36-Pearl22Kick', 'kick'],
    ['Snare Jazz', 'snare'],
    ['Snare Rimshot (Pearl Free Floating Maple 14x3.5)', 'snare'],
    ['snare_rim01.ogg', 'snare'],
    ['Rim Click (Pearl Free Floating Maple 14x3.5)', 'percussion'],
    ['Pearl Side Stick', 'percussion'],
    ['Stick', 'percussion'],
    ['Hand Clap', 'clap'],
    ['Clap Hard', 'clap'],
    ['Closed HH', 'hihat'],
    ['Side OHH', 'hihat'],
    ['Hi-Hat Semiopen (Paiste Alpha Metal edge 14")', 'hihat'],
    ['Sabian Hat Swish', 'hihat'],
    ['hihat_foot_pedal01.ogg', 'hihat'],
    ['Ride Jazz', 'cymbal'],
    ['Crash/Ride Bell (Paiste Rude Crash/Ride 18")', 'cymbal'],
    ['China (Paiste Alpha 18")', 'cymbal'],
    ['Zildjian Splash Choke', 'cymbal'],
    ['ride-cup', 'cymbal'],
    ['Bell', 'cymbal'],
    ['Tom Low', 'tom'],
    ['Floor Tom', 'tom'],
    ['tomhi2', 'tom'],
    ['Pearl Tom 1', 'tom'],
    ['Cowbell', 'percussion'],
    ['Shaker', 'percussion'],
    ['Conga 1', 'percussion'],
    ['Tambourine Pedal (Pearl PTM-10GH)', 'percussion'],
    ['Djembe1 Bass', 'percussion'],
    ['Sangban1 Bell Hit', 'percussion'],
    ['Finger Snaps', 'percussion'],
    ['clav01.ogg', 'percussion'],
  ])('%s → %s', (name, cls) => {
    expect(drumClassOfName(name)).toBe(cls);
  });

  it.each([
    '17',
    '',
    'Sample: beats_01-10.flac',
    'f#4 - ',
    'Drum 1',
    'Zap 1',
    'FX',
    'Click',
    'redo super opaco',
    'nasty_bass01.ogg',
  ])('drops the ambiguous name %j', (name) => {
    expect(drumClassOfName(name)).toBeNull();
  });

  it('normalises separators, note prefixes and digits', () => {
    expect(normaliseDrumName('c#3 - Snare_Rock-02.wav')).toBe('snare rock');
  });
});
