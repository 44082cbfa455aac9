import { latin1 } from './bytes';
/**
 * MPEG audio frame headers (MPEG-1, -2 and -2.5; layers I–III) and the search for the
 * first real frame of a stream. A frame only counts when the frames after it line up
 * too, which keeps random bytes and album art from passing as MP3 ("false syncs").
 */

export interface MpegFrameHeader {
  /** 1, 2 or 2.5 */
  version: 1 | 2 | 2.5;
  layer: 1 | 2 | 3;
  /** kbit/s */
  bitrate: number;
  sampleRate: number;
  channels: 1 | 2;
  /** Channel mode: 0 stereo, 1 joint, 2 dual, 3 mono. */
  channelMode: number;
  protected: boolean;
  /** Bytes of the whole frame, header included. */
  frameLength: number;
  samplesPerFrame: number;
}

const BITRATES: Record<string, readonly number[]> = {
  '1-1': [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  '1-2': [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  '1-3': [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  '2-1': [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  '2-2': [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  '2-3': [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const RATES: Record<string, readonly number[]> = {
  '1': [44100, 48000, 32000],
  '2': [22050, 24000, 16000],
  '2.5': [11025, 12000, 8000],
};

/** Decodes the 4-byte header at `offset`, or null when it is not a valid (non free-format) header. */
export function readMpegFrameHeader(buf: Uint8Array, offset: number): MpegFrameHeader | null {
  if (offset < 0 || offset + 4 > buf.length) return null;
  const b1 = buf[offset + 1] ?? 0;
  const b2 = buf[offset + 2] ?? 0;
  const b3 = buf[offset + 3] ?? 0;
  if (buf[offset] !== 0xff || (b1 & 0xe0) !== 0xe0) return null;
  const versionBits = (b1 >> 3) & 3;
  const layerBits = (b1 >> 1) & 3;
  const bitrateIndex = b2 >> 4;
  const rateIndex = (b2 >> 2) & 3;
  if (versionBits === 1 || layerBits === 0 || bitrateIndex === 0 || bitrateIndex === 15) {
    return null;
  }
  if (rateIndex === 3 || (b3 & 3) === 2) return null; // reserved rate / emphasis
  const version = versionBits === 3 ? 1 : versionBits === 2 ? 2 : 2.5;
  const layer = (4 - layerBits) as 1 | 2 | 3;
  const bitrate = BITRATES[`${version === 1 ? 1 : 2}-${layer}`]?.[bitrateIndex] ?? 0;
  const sampleRate = RATES[String(version)]?.[rateIndex] ?? 0;
  const padding = (b2 >> 1) & 1;
  const channelMode = b3 >> 6;
  let frameLength: number;
  let samplesPerFrame: number;
  if (layer === 1) {
    frameLength = (Math.floor((12 * bitrate * 1000) / sampleRate) + padding) * 4;
    samplesPerFrame = 384;
  } else if (layer === 2 || version === 1) {
    frameLength = Math.floor((144 * bitrate * 1000) / sampleRate) + padding;
    samplesPerFrame = 1152;
  } else {
    frameLength = Math.floor((72 * bitrate * 1000) / sampleRate) + padding;
    samplesPerFrame = 576;
  }
  return {
    version,
    layer,
    bitrate,
    sampleRate,
    channels: channelMode === 3 ? 1 : 2,
    channelMode,
    protected: (b1 & 1) === 0,
    frameLength,
    samplesPerFrame,
  };
}

/** True when two headers belong to the same stream (same version, layer and rate). */
function sameStream(a: MpegFrameHeader, b: MpegFrameHeader): boolean {
  return a.version === b.version && a.layer === b.layer && a.sampleRate === b.sampleRate;
}

/**
 * Checks that `count` frames in a row start at `offset` in `buf` (`end`: where the stream
 * ends, in `buf` coordinates). A chain that meets the end of the stream or a trailing tag
 * early counts; one that runs past the bytes held in `buf` does not (hand in enough bytes:
 * 8 KiB after the candidate always holds 4 frames).
 */
export function frameChainAt(
  buf: Uint8Array,
  offset: number,
  count: number,
  end = buf.length,
): MpegFrameHeader | null {
  const first = readMpegFrameHeader(buf, offset);
  if (first === null) return null;
  let pos = offset + first.frameLength;
  for (let i = 1; i < count; i++) {
    // The stream may end here (exactly, or at a trailing tag); a last frame cut short is
    // tolerated once at least one frame boundary has been confirmed.
    if (pos === end || (pos < end && isTrailingTag(buf, pos))) return first;
    if (pos > end) return i >= 2 ? first : null;
    if (pos + 4 > buf.length) return null; // not enough bytes held to confirm
    const next = readMpegFrameHeader(buf, pos);
    if (next === null || !sameStream(first, next)) return null;
    pos += next.frameLength;
  }
  return first;
}

function isTrailingTag(buf: Uint8Array, pos: number): boolean {
  const id = latin1(buf, pos, pos + 8);
  return id.startsWith('TAG') || id === 'APETAGEX' || id.startsWith('LYRICS');
}

/**
 * Finds the first offset in [from, to) where `count` consecutive frames line up, or -1.
 * `end` is the end of the stream (file size minus trailing tags) relative to `buf`.
 */
export function findFrameChain(
  buf: Uint8Array,
  from: number,
  to: number,
  count: number,
  end = buf.length,
): number {
  const limit = Math.min(to, buf.length - 3);
  for (let i = Math.max(0, from); i < limit; i++) {
    i = buf.indexOf(0xff, i);
    if (i < 0 || i >= limit) return -1;
    if (((buf[i + 1] ?? 0) & 0xe0) === 0xe0 && frameChainAt(buf, i, count, end) !== null) return i;
  }
  return -1;
}
