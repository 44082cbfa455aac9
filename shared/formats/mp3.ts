import type { EmbeddedMetadata } from '../contract';
import type { ByteSource } from './byteSource';
import { mergeEmbedded } from './embedded';
import { corrupt } from './errors';
import { parseId3v1, parseId3v2 } from './id3';
import { readMpegFrameHeader, type MpegFrameHeader } from './mpegFrame';
import type { ParsedStream } from './stream';
import { latin1, u32be, u32le, uintBE } from './bytes';

/**
 * MP3 (MPEG-1/2/2.5 layer III). The first frame was found and verified by sniff.ts. The
 * duration comes from a Xing/Info or VBRI header in that frame (frame count, less the
 * encoder delay and padding of a LAME tag, i.e. the gapless length a decoder outputs),
 * else from the bitrate and the payload size (an estimate, exact for CBR). ID3v2 at the start and ID3v1 / APEv2
 * at the end are excluded from the payload; ID3 fields fill the metadata.
 */

const METADATA_CAP = 1 << 20;
/** Enough for any layer III frame (the largest is 1441 bytes at 320 kbit/s, 32 kHz). */
const FIRST_FRAME_WINDOW = 2048;

export interface Mp3Start {
  /** Offset of the first verified frame. */
  start: number;
  /** Leading ID3v2 tag, if any. */
  id3?: { offset: number; end: number } | undefined;
}

export function parseMp3(src: ByteSource, where: Mp3Start): ParsedStream {
  const frame = src.read(where.start, FIRST_FRAME_WINDOW);
  const header = readMpegFrameHeader(frame, 0);
  if (header === null) throw corrupt(`no MPEG frame at offset ${where.start}`);
  const { end, trailing } = streamEnd(src, where.start);
  const audioLength = end - where.start;
  const xing = xingInfo(frame, header);
  const vbr = xing?.frames ?? vbriFrames(frame);
  let frames: number;
  if (vbr !== null && vbr > 0) {
    frames = vbr * header.samplesPerFrame;
    // Gapless: the encoder's delay and padding (LAME tag) are not part of the audio.
    const trim = (xing?.delay ?? 0) + (xing?.padding ?? 0);
    if (trim < frames) frames -= trim;
  } else {
    frames = Math.round(((audioLength * 8) / (header.bitrate * 1000)) * header.sampleRate);
  }
  const id3v2 =
    where.id3 === undefined
      ? undefined
      : parseId3v2(
          src.read(where.id3.offset, Math.min(where.id3.end - where.id3.offset, METADATA_CAP)),
        );
  return {
    format: 'mp3',
    codec: 'mp3',
    sampleRate: header.sampleRate,
    channels: header.channels,
    bitDepth: null,
    frames,
    declaredFrames: null,
    durationSec: frames / header.sampleRate,
    audioOffset: where.start,
    audioLength,
    embedded: mergeEmbedded(id3v2, trailing),
    warnings: [],
    channelMask: 0,
  };
}

/** Side-information size, after which a Xing/Info header sits. */
function sideInfoSize(h: MpegFrameHeader): number {
  if (h.version === 1) return h.channels === 1 ? 17 : 32;
  return h.channels === 1 ? 9 : 17;
}

interface XingInfo {
  frames: number | null;
  /** Encoder delay and padding in samples, from a LAME-format tag (0 when absent). */
  delay: number;
  padding: number;
}

/**
 * Xing/Info header (LAME, ffmpeg and most VBR encoders): the frame count, and the LAME
 * tag that follows it with the encoder delay and padding for gapless playback.
 */
function xingInfo(frame: Uint8Array, h: MpegFrameHeader): XingInfo | null {
  const base = 4 + sideInfoSize(h);
  for (const at of h.protected ? [base, base + 2] : [base]) {
    const id = latin1(frame, at, at + 4);
    if ((id !== 'Xing' && id !== 'Info') || at + 8 > frame.length) continue;
    const flags = u32be(frame, at + 4);
    let pos = at + 8;
    let frames: number | null = null;
    if (flags & 1 && pos + 4 <= frame.length) frames = u32be(frame, pos);
    if (flags & 1) pos += 4;
    if (flags & 2) pos += 4;
    if (flags & 4) pos += 100;
    if (flags & 8) pos += 4;
    const encoder = latin1(frame, pos, pos + 4);
    if (
      (encoder === 'LAME' || encoder === 'Lavc' || encoder === 'Lavf') &&
      pos + 24 <= frame.length
    ) {
      const b = uintBE(frame, pos + 21, 3);
      return { frames, delay: b >> 12, padding: b & 0xfff };
    }
    return { frames, delay: 0, padding: 0 };
  }
  return null;
}

/** Frame count from a Fraunhofer VBRI header (always 32 bytes after the frame header). */
function vbriFrames(frame: Uint8Array): number | null {
  if (frame.length < 36 + 18 || latin1(frame, 36, 40) !== 'VBRI') return null;
  return u32be(frame, 36 + 14);
}

/**
 * Where the audio ends: the file end minus a trailing ID3v1 tag (128 bytes) and an
 * APEv2 tag before or instead of it. Returns the ID3v1 fields as metadata.
 */
function streamEnd(src: ByteSource, start: number): { end: number; trailing?: EmbeddedMetadata } {
  let end = src.size;
  let trailing: EmbeddedMetadata | undefined;
  const tail = src.read(Math.max(start, end - 160), Math.min(160, end - start));
  let tailEnd = tail.length;
  if (tailEnd >= 128) {
    const v1 = parseId3v1(tail.subarray(tailEnd - 128));
    if (v1 !== null) {
      trailing = v1;
      end -= 128;
      tailEnd -= 128;
    }
  }
  if (tailEnd >= 32 && latin1(tail, tailEnd - 32, tailEnd - 24) === 'APETAGEX') {
    const footer = tail.subarray(tailEnd - 32, tailEnd);
    const size = u32le(footer, 12) + (u32le(footer, 20) & 0x80000000 ? 32 : 0);
    if (size <= end - start) end -= size;
  }
  return trailing === undefined ? { end } : { end, trailing };
}
