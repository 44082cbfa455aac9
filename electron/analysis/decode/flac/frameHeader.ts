import { crc8 } from './crc';

/** What a FLAC frame header says (RFC 9639 §9.1). */
export interface FlacFrameHeader {
  blockSize: number;
  sampleRate: number;
  /** 0–7: independent channels (count − 1); 8 left/side; 9 side/right; 10 mid/side. */
  assignment: number;
  channels: number;
  bitsPerSample: number;
  /** Bytes of the header, CRC-8 included. */
  length: number;
}

/** Stream defaults for the header codes that refer to STREAMINFO. */
export interface FlacDefaults {
  sampleRate: number;
  bitsPerSample: number;
}

const RATES = [0, 88200, 176400, 192000, 8000, 16000, 22050, 24000, 32000, 44100, 48000, 96000];
const SIZES = [0, 8, 12, 0, 16, 20, 24, 32];

/** True when bytes[at], bytes[at + 1] hold a frame sync code (0xFFF8 or 0xFFF9). */
export function isFrameSync(bytes: Uint8Array, at: number): boolean {
  return bytes[at] === 0xff && ((bytes[at + 1] as number) & 0xfe) === 0xf8;
}

/**
 * Parses the frame header at `at` (which must start with a sync code). Returns null when
 * it is not a valid header (reserved codes, bad CRC-8), or 'more' when the bytes end
 * inside it.
 */
export function parseFrameHeader(
  bytes: Uint8Array,
  at: number,
  end: number,
  defaults: FlacDefaults,
): FlacFrameHeader | null | 'more' {
  if (at + 4 > end) return 'more';
  const b2 = bytes[at + 2] as number;
  const b3 = bytes[at + 3] as number;
  const sizeCode = b2 >> 4;
  const rateCode = b2 & 0x0f;
  const assignment = b3 >> 4;
  const depthCode = (b3 >> 1) & 0x07;
  if (sizeCode === 0 || rateCode === 15 || assignment > 10 || depthCode === 3 || (b3 & 1) !== 0)
    return null;
  let p = at + 4;
  // The frame or sample number, UTF-8 style: 1–7 bytes.
  if (p >= end) return 'more';
  const lead = bytes[p] as number;
  let extra = 0;
  if (lead >= 0xfe) extra = lead === 0xfe ? 6 : -1;
  else if (lead >= 0xfc) extra = 5;
  else if (lead >= 0xf8) extra = 4;
  else if (lead >= 0xf0) extra = 3;
  else if (lead >= 0xe0) extra = 2;
  else if (lead >= 0xc0) extra = 1;
  else if (lead >= 0x80) extra = -1;
  if (extra < 0) return null;
  if (p + 1 + extra > end) return 'more';
  for (let i = 1; i <= extra; i++) if (((bytes[p + i] as number) & 0xc0) !== 0x80) return null;
  p += 1 + extra;
  let blockSize: number;
  if (sizeCode === 1) blockSize = 192;
  else if (sizeCode <= 5) blockSize = 576 << (sizeCode - 2);
  else if (sizeCode === 6) {
    if (p + 1 > end) return 'more';
    blockSize = (bytes[p] as number) + 1;
    p += 1;
  } else if (sizeCode === 7) {
    if (p + 2 > end) return 'more';
    blockSize = (((bytes[p] as number) << 8) | (bytes[p + 1] as number)) + 1;
    p += 2;
  } else blockSize = 256 << (sizeCode - 8);
  let sampleRate: number;
  if (rateCode === 0) sampleRate = defaults.sampleRate;
  else if (rateCode <= 11) sampleRate = RATES[rateCode] as number;
  else if (rateCode === 12) {
    if (p + 1 > end) return 'more';
    sampleRate = (bytes[p] as number) * 1000;
    p += 1;
  } else {
    if (p + 2 > end) return 'more';
    const v = ((bytes[p] as number) << 8) | (bytes[p + 1] as number);
    sampleRate = rateCode === 13 ? v : v * 10;
    p += 2;
  }
  if (p + 1 > end) return 'more';
  if (crc8(bytes, at, p) !== bytes[p]) return null;
  p += 1;
  const bitsPerSample = depthCode === 0 ? defaults.bitsPerSample : (SIZES[depthCode] as number);
  if (bitsPerSample === 0 || sampleRate === 0) return null;
  return {
    blockSize,
    sampleRate,
    assignment,
    channels: assignment <= 7 ? assignment + 1 : 2,
    bitsPerSample,
    length: p - at,
  };
}
