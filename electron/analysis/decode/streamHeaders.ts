/** Facts read from the first bytes of FLAC / Ogg / MP3 streams, before decoding. */

export interface FlacStreamInfo {
  sampleRate: number;
  channels: number;
  bitDepth: number;
  /** Total frames per channel; null when the encoder did not know (0 in the header). */
  totalFrames: number | null;
}

/** Parses the STREAMINFO block that follows 'fLaC'. Returns null when it is not there. */
export function parseFlacStreamInfo(head: Uint8Array): FlacStreamInfo | null {
  if (head.length < 4 + 4 + 18) return null;
  if (((head[4] as number) & 0x7f) !== 0) return null;
  const b = (i: number): number => head[8 + i] as number;
  const sampleRate = (b(10) << 12) | (b(11) << 4) | (b(12) >> 4);
  const channels = ((b(12) >> 1) & 0x07) + 1;
  const bitDepth = (((b(12) & 0x01) << 4) | (b(13) >> 4)) + 1;
  const total =
    (b(13) & 0x0f) * 2 ** 32 + ((b(14) << 24) >>> 0) + (b(15) << 16) + (b(16) << 8) + b(17);
  return { sampleRate, channels, bitDepth, totalFrames: total > 0 ? total : null };
}

export type OggCodec = 'vorbis' | 'flac' | 'opus' | 'speex' | 'unknown';

/** Identifies the codec of the first logical stream from the first Ogg page. */
export function oggCodec(head: Uint8Array): OggCodec {
  if (head.length < 28) return 'unknown';
  const segments = head[26] as number;
  const start = 27 + segments;
  const text = (at: number, n: number): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += String.fromCharCode(head[start + at + i] ?? 0);
    return s;
  };
  if (head[start] === 0x01 && text(1, 6) === 'vorbis') return 'vorbis';
  if (head[start] === 0x7f && text(1, 4) === 'FLAC') return 'flac';
  if (text(0, 8) === 'OpusHead') return 'opus';
  if (text(0, 5) === 'Speex') return 'speex';
  return 'unknown';
}

/** Size of an ID3v2 tag at the start of the bytes (0 when there is none). */
export function id3v2Size(head: Uint8Array): number {
  if (head.length < 10 || head[0] !== 0x49 || head[1] !== 0x44 || head[2] !== 0x33) return 0;
  const size =
    (((head[6] as number) & 0x7f) << 21) |
    (((head[7] as number) & 0x7f) << 14) |
    (((head[8] as number) & 0x7f) << 7) |
    ((head[9] as number) & 0x7f);
  const footer = ((head[5] as number) & 0x10) !== 0 ? 10 : 0;
  return 10 + size + footer;
}

/** Channel count from the first MPEG audio frame header at or after `offset` (null if none found). */
export function mpegChannels(bytes: Uint8Array, offset: number): number | null {
  for (let i = offset; i + 4 <= bytes.length; i++) {
    if (bytes[i] !== 0xff || ((bytes[i + 1] as number) & 0xe0) !== 0xe0) continue;
    const b1 = bytes[i + 1] as number;
    const b2 = bytes[i + 2] as number;
    const version = (b1 >> 3) & 0x03;
    const layer = (b1 >> 1) & 0x03;
    const bitrate = b2 >> 4;
    const rate = (b2 >> 2) & 0x03;
    if (version === 1 || layer === 0 || bitrate === 0x0f || rate === 0x03) continue;
    const mode = ((bytes[i + 3] as number) >> 6) & 0x03;
    return mode === 3 ? 1 : 2;
  }
  return null;
}
