import { u16be, u32be } from './bytes';

/** Reads an IEEE 754 80-bit extended float (big-endian), as AIFF stores its sample rate. */
export function readExtended(bytes: Uint8Array, offset: number): number {
  const sign = (bytes[offset] ?? 0) & 0x80 ? -1 : 1;
  const exponent = u16be(bytes, offset) & 0x7fff;
  const hi = u32be(bytes, offset + 2);
  const lo = u32be(bytes, offset + 6);
  if (exponent === 0 && hi === 0 && lo === 0) return 0;
  if (exponent === 0x7fff) return NaN;
  const mantissa = hi * 0x1_0000_0000 + lo;
  return sign * mantissa * 2 ** (exponent - 16383 - 63);
}

/** Writes `value` as an 80-bit extended float at `offset` (exact for any double). */
export function writeExtended(value: number, out: Uint8Array, offset: number): void {
  out.fill(0, offset, offset + 10);
  if (value === 0) return;
  const sign = value < 0 ? 0x8000 : 0;
  let v = Math.abs(value);
  let exponent = Math.floor(Math.log2(v));
  let mantissa = v / 2 ** exponent; // [1, 2)
  if (mantissa >= 2) {
    mantissa /= 2;
    exponent += 1;
  }
  const e = exponent + 16383;
  out[offset] = ((sign | e) >> 8) & 0xff;
  out[offset + 1] = e & 0xff;
  v = mantissa * 2 ** 31;
  const hi = Math.floor(v);
  const lo = Math.round((v - hi) * 2 ** 32);
  for (let i = 0; i < 4; i++) out[offset + 2 + i] = (hi >>> (24 - 8 * i)) & 0xff;
  for (let i = 0; i < 4; i++) out[offset + 6 + i] = (lo >>> (24 - 8 * i)) & 0xff;
}
