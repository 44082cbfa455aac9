import { describe, expect, it } from 'vitest';
import {
  bpmFromText,
  embeddedFromFields,
  keyFromText,
  mergeEmbedded,
  plausibleBpm,
  splitKeywords,
} from '../../shared/formats/embedded';
import { cleanText, decodeLoose } from '../../shared/formats/text';

describe('embedded metadata helpers', () => {
  it('believes BPMs from 20 to 999 only', () => {
    expect(plausibleBpm(19.99)).toBeUndefined();
    expect(plausibleBpm(20)).toBe(20);
    expect(plausibleBpm(127.999)).toBe(128);
    expect(plausibleBpm(1000)).toBeUndefined();
    expect(plausibleBpm(Number.NaN)).toBeUndefined();
    expect(bpmFromText('120')).toBe(120);
    expect(bpmFromText(' 87,5 BPM ')).toBe(87.5);
    expect(bpmFromText('fast')).toBeUndefined();
    expect(bpmFromText('120-130')).toBeUndefined();
  });

  it.each([
    ['Am', 'A minor'],
    ['F#MIN', 'F# minor'],
    ['C', 'C major'],
    ['8A', 'A minor'],
    ['8B', 'C major'],
    ['12A', 'C# minor'],
    ['1B', 'B major'],
    ['1m', 'A minor'],
    ['1d', 'C major'],
    ['2d', 'G major'],
  ])('reads key tag %s as %s', (text, key) => {
    expect(keyFromText(text)).toBe(key);
  });

  it.each(['o', 'none', '', '13A', 'a very long key text'])('rejects key tag "%s"', (text) => {
    expect(keyFromText(text)).toBeUndefined();
  });

  it('splits keywords and drops empties and duplicates', () => {
    expect(splitKeywords('kick; dry,, kick ; 909')).toEqual(['kick', 'dry', '909']);
    expect(splitKeywords(' ; ')).toBeUndefined();
  });

  it('maps fields and merges sources, first source winning', () => {
    const fields = embeddedFromFields({ bpm: '140', key: 'Gm', title: ' T \0garbage', genre: '' });
    expect(fields).toEqual({ bpm: 140, key: 'G minor', title: 'T' });
    expect(mergeEmbedded({ bpm: 100 }, undefined, { bpm: 120, title: 'x' })).toEqual({
      bpm: 100,
      title: 'x',
    });
  });

  it('cleans and decodes tag text', () => {
    expect(cleanText('a\r\nb\tc')).toBe('a b c');
    expect(cleanText('x'.repeat(2000))?.length).toBe(1000);
    expect(cleanText(undefined)).toBeUndefined();
    expect(decodeLoose(Buffer.from('Caf\xe9', 'latin1'))).toBe('Café');
    expect(decodeLoose(Buffer.from('Café', 'utf8'))).toBe('Café');
  });
});
