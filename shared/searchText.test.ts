import { describe, expect, it } from 'vitest';
import { seededRandom } from './random';
import { indexText, queryWords, splitWord, stripExtension } from './searchText';

/** The straightforward regex definition the scanner must agree with. */
function referenceIndexText(text: string): string {
  const out: string[] = [];
  const folded = text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
  for (const m of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
    const run = m[0];
    out.push(run.toLowerCase());
    const parts = run
      .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
      .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
      .replace(/(\p{L})(\p{N})/gu, '$1 $2')
      .replace(/(\p{N})(\p{L})/gu, '$1 $2')
      .split(' ')
      .filter(Boolean);
    if (parts.length > 1) for (const p of parts) out.push(p.toLowerCase());
  }
  return out.join(' ');
}

describe('searchText', () => {
  it('indexes names so that parts and prefixes are findable', () => {
    expect(indexText('BigKick_808-Hard.wav')).toBe('bigkick big kick 808 hard wav');
    expect(indexText('TR909 Snare')).toBe('tr909 tr 909 snare');
    expect(indexText('XMLFile')).toBe('xmlfile xml file');
    expect(indexText('Café Crème')).toBe('cafe creme');
    expect(indexText('  ')).toBe('');
    expect(splitWord('aBcD')).toEqual(['a', 'Bc', 'D']);
  });

  it('agrees with the regex definition on random names', () => {
    const rand = seededRandom(3);
    const alphabet = [
      'a',
      'B',
      'k',
      'Z',
      '8',
      '0',
      '_',
      ' ',
      '-',
      'é',
      'Ü',
      'ß',
      '音',
      '٣',
      '.',
      'x',
      'Q',
      '1',
    ];
    for (let n = 0; n < 2000; n++) {
      let s = '';
      const len = Math.floor(rand() * 14);
      for (let i = 0; i < len; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
      expect(indexText(s), JSON.stringify(s)).toBe(referenceIndexText(s));
    }
  });

  it('reads query words and strips extensions', () => {
    expect(queryWords('Dark "pad" 120')).toEqual(['dark', 'pad', '120']);
    expect(queryWords('  ""  ')).toEqual([]);
    expect(stripExtension('kick.01.wav')).toBe('kick.01');
    expect(stripExtension('.hidden')).toBe('.hidden');
  });
});
