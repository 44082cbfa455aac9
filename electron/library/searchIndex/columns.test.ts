import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../shared/random';
import { asciiLower, compareAsciiNoCase } from './columns';

describe('compareAsciiNoCase', () => {
  it('orders like comparing the ASCII-lower-cased strings, without building them', () => {
    const rand = seededRandom(3);
    const alphabet = ['a', 'B', 'b', 'Z', 'z', '_', ' ', '0', '9', 'É', 'é', 'ß', '😀', '['];
    const word = (): string =>
      Array.from(
        { length: Math.floor(rand() * 6) },
        () => alphabet[Math.floor(rand() * alphabet.length)],
      ).join('');
    for (let i = 0; i < 5000; i++) {
      const a = word();
      const b = rand() < 0.3 ? a.toUpperCase() : word();
      const x = asciiLower(a);
      const y = asciiLower(b);
      expect(compareAsciiNoCase(a, b)).toBe(x === y ? 0 : x < y ? -1 : 1);
    }
  });
});
