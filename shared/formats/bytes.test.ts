import { describe, expect, it } from 'vitest';
import {
  bytesEqual,
  concatBytes,
  f32,
  fourCC,
  i8,
  lastIndexOfAscii,
  latin1,
  u16be,
  u16le,
  u32be,
  u32le,
  u64le,
  uintBE,
  utf16,
  utf8,
} from './bytes';

/** Random bytes from a fixed seed (xorshift), so a failure can be replayed. */
function randomBytes(n: number, seed: number): Buffer {
  const out = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

// The parsers were written against Node's Buffer readers; these must agree with them.
describe('byte readers agree with Node Buffer', () => {
  const buf = randomBytes(4096, 0x2545f491);

  it('reads integers and floats at every offset, and throws past the end as Buffer does', () => {
    for (let o = 0; o + 8 <= buf.length; o += 7) {
      expect(u16le(buf, o)).toBe(buf.readUInt16LE(o));
      expect(u16be(buf, o)).toBe(buf.readUInt16BE(o));
      expect(u32le(buf, o)).toBe(buf.readUInt32LE(o));
      expect(u32be(buf, o)).toBe(buf.readUInt32BE(o));
      expect(uintBE(buf, o, 3)).toBe(buf.readUIntBE(o, 3));
      expect(i8(buf, o)).toBe(buf.readInt8(o));
      expect(Object.is(f32(buf, o, true), buf.readFloatLE(o))).toBe(true);
      expect(Object.is(f32(buf, o, false), buf.readFloatBE(o))).toBe(true);
      expect(u64le(buf, o)).toBe(buf.readUInt32LE(o) + buf.readUInt32LE(o + 4) * 2 ** 32);
    }
    expect(() => u32le(buf, buf.length - 3)).toThrow(RangeError);
    expect(() => buf.readUInt32LE(buf.length - 3)).toThrow(RangeError);
    expect(() => u16be(buf, -1)).toThrow(RangeError);
  });

  it('decodes text like Buffer.toString: latin1, utf8 (invalid bytes, BOM) and utf16', () => {
    expect(latin1(buf)).toBe(buf.toString('latin1'));
    expect(latin1(buf, 100, 90)).toBe(buf.toString('latin1', 100, 90));
    expect(latin1(buf, 4000, 9000)).toBe(buf.toString('latin1', 4000, 9000));
    expect(utf8(buf)).toBe(buf.toString('utf8'));
    const text = Buffer.from('\uFEFFtempo=120 · Ü 🥁', 'utf8');
    expect(utf8(text)).toBe(text.toString('utf8'));
    expect(utf8(text, 3, 9)).toBe(text.toString('utf8', 3, 9));
    const even = buf.subarray(0, 1000);
    expect(utf16(even, false)).toBe(even.toString('utf16le'));
    const swapped = Buffer.from(even).swap16();
    expect(utf16(even, true)).toBe(swapped.toString('utf16le'));
    expect(utf16(buf.subarray(0, 7), false)).toBe(buf.subarray(0, 7).toString('utf16le'));
    expect(fourCC(Buffer.from('RIFF....WAVE'), 8)).toBe('WAVE');
  });

  it('compares, joins and searches', () => {
    expect(bytesEqual(buf.subarray(0, 10), Buffer.from(buf.subarray(0, 10)))).toBe(true);
    expect(bytesEqual(buf.subarray(0, 10), buf.subarray(1, 11))).toBe(false);
    expect(Buffer.from(concatBytes([buf.subarray(0, 3), buf.subarray(10, 12)]))).toEqual(
      Buffer.concat([buf.subarray(0, 3), buf.subarray(10, 12)]),
    );
    const pages = Buffer.from('xxOggSyyOggSzz', 'latin1');
    expect(lastIndexOfAscii(pages, 'OggS')).toBe(pages.lastIndexOf('OggS'));
    expect(lastIndexOfAscii(pages, 'OggS', 7)).toBe(pages.lastIndexOf('OggS', 7));
    expect(lastIndexOfAscii(pages, 'OggS', 1)).toBe(-1);
  });
});
