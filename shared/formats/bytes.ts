/**
 * Reading numbers and text out of raw bytes, for the header parsers. Pure: works on any
 * Uint8Array (a Node Buffer is one), in Node and in the browser alike. Numeric reads are
 * bounds-checked and throw RangeError past the end, as Node's Buffer reads do.
 */

function check(bytes: Uint8Array, offset: number, width: number): void {
  if (!Number.isInteger(offset) || offset < 0 || offset + width > bytes.length) {
    throw new RangeError(
      `read of ${width} bytes at offset ${offset} is outside ${bytes.length} bytes`,
    );
  }
}

const at = (bytes: Uint8Array, i: number): number => bytes[i] as number;

export function u16le(bytes: Uint8Array, offset: number): number {
  check(bytes, offset, 2);
  return at(bytes, offset) | (at(bytes, offset + 1) << 8);
}

export function u16be(bytes: Uint8Array, offset: number): number {
  check(bytes, offset, 2);
  return (at(bytes, offset) << 8) | at(bytes, offset + 1);
}

export function u32le(bytes: Uint8Array, offset: number): number {
  check(bytes, offset, 4);
  return (
    at(bytes, offset) +
    at(bytes, offset + 1) * 0x100 +
    at(bytes, offset + 2) * 0x1_0000 +
    at(bytes, offset + 3) * 0x100_0000
  );
}

export function u32be(bytes: Uint8Array, offset: number): number {
  check(bytes, offset, 4);
  return (
    at(bytes, offset) * 0x100_0000 +
    at(bytes, offset + 1) * 0x1_0000 +
    at(bytes, offset + 2) * 0x100 +
    at(bytes, offset + 3)
  );
}

/** An unsigned big-endian integer of `width` (1–6) bytes. */
export function uintBE(bytes: Uint8Array, offset: number, width: number): number {
  check(bytes, offset, width);
  let value = 0;
  for (let i = 0; i < width; i++) value = value * 256 + at(bytes, offset + i);
  return value;
}

/** An unsigned 64-bit little-endian integer as a number (exact below 2^53). */
export function u64le(bytes: Uint8Array, offset: number): number {
  return u32le(bytes, offset) + u32le(bytes, offset + 4) * 0x1_0000_0000;
}

export function i8(bytes: Uint8Array, offset: number): number {
  check(bytes, offset, 1);
  const b = at(bytes, offset);
  return b & 0x80 ? b - 0x100 : b;
}

/** A 32-bit IEEE float, little- or big-endian. */
export function f32(bytes: Uint8Array, offset: number, littleEndian: boolean): number {
  check(bytes, offset, 4);
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getFloat32(
    offset,
    littleEndian,
  );
}

function clamp(bytes: Uint8Array, start: number, end: number): [number, number] {
  const s = Math.max(0, Math.min(bytes.length, Math.trunc(start)));
  const e = Math.max(s, Math.min(bytes.length, Math.trunc(end)));
  return [s, e];
}

/** Bytes [start, end) as latin1 text: each byte one code point (as Uint8Array's 'latin1'). */
export function latin1(bytes: Uint8Array, start = 0, end = bytes.length): string {
  const [s, e] = clamp(bytes, start, end);
  let out = '';
  for (let i = s; i < e; i += 8192) {
    out += String.fromCharCode(...bytes.subarray(i, Math.min(e, i + 8192)));
  }
  return out;
}

/** The four bytes at `offset` as a latin1 string ("RIFF", "fmt "). */
export function fourCC(bytes: Uint8Array, offset: number): string {
  return latin1(bytes, offset, offset + 4);
}

/** The global TextDecoder (Node and browsers both have it; shared/ is compiled without DOM types). */
declare const TextDecoder: new (
  label: string,
  options: { ignoreBOM: boolean },
) => { decode(bytes: Uint8Array): string };

let utf8Decoder: { decode(bytes: Uint8Array): string } | null = null;

/** Bytes [start, end) as UTF-8, invalid sequences as U+FFFD and a BOM kept (as Uint8Array's 'utf8'). */
export function utf8(bytes: Uint8Array, start = 0, end = bytes.length): string {
  const [s, e] = clamp(bytes, start, end);
  utf8Decoder ??= new TextDecoder('utf-8', { ignoreBOM: true });
  return utf8Decoder.decode(bytes.subarray(s, e));
}

/** UTF-16 code units (an odd last byte is dropped), lone surrogates kept (as Uint8Array's 'utf16le'). */
export function utf16(bytes: Uint8Array, bigEndian: boolean): string {
  const units = Math.floor(bytes.length / 2);
  let out = '';
  const chunk: number[] = [];
  for (let u = 0; u < units; u++) {
    const a = at(bytes, 2 * u);
    const b = at(bytes, 2 * u + 1);
    chunk.push(bigEndian ? (a << 8) | b : a | (b << 8));
    if (chunk.length === 8192) {
      out += String.fromCharCode(...chunk);
      chunk.length = 0;
    }
  }
  return out + String.fromCharCode(...chunk);
}

/** True when both hold the same bytes. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** One new array holding the parts one after another. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let pos = 0;
  for (const p of parts) {
    out.set(p, pos);
    pos += p.length;
  }
  return out;
}

/** Last index at or before `from` where the ASCII text `pattern` starts, or -1. */
export function lastIndexOfAscii(bytes: Uint8Array, pattern: string, from = Infinity): number {
  const n = pattern.length;
  for (let i = Math.min(from, bytes.length - n); i >= 0; i--) {
    let hit = true;
    for (let k = 0; k < n; k++) {
      if (bytes[i + k] !== pattern.charCodeAt(k)) {
        hit = false;
        break;
      }
    }
    if (hit) return i;
  }
  return -1;
}
