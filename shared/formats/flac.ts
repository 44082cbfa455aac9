import type { EmbeddedMetadata } from '../contract';
import type { ByteSource } from './byteSource';
import { mergeEmbedded } from './embedded';
import { corrupt, truncated } from './errors';
import { parseId3v2 } from './id3';
import { durationOf, type ParsedStream } from './stream';
import { parseVorbisComment } from './vorbisComment';
import { fourCC, u32be, uintBE } from './bytes';

/**
 * FLAC: "fLaC", then metadata blocks (STREAMINFO first, VORBIS_COMMENT for tags,
 * PICTURE and others skipped by their headers), then frames. A leading ID3v2 tag (which
 * some taggers add) is accepted and read too. The audio payload starts after the last
 * metadata block, so re-tagging (which rewrites blocks) does not move it in content.
 */

const STREAMINFO = 0;
const VORBIS_COMMENT = 4;
const METADATA_CAP = 1 << 20;
const MAX_BLOCKS = 1024;

/** The stream facts of a 34-byte STREAMINFO block body (also inside Ogg FLAC's first packet). */
export function readStreamInfo(b: Uint8Array): {
  sampleRate: number;
  channels: number;
  bitDepth: number;
  totalSamples: number;
} {
  return {
    sampleRate: ((b[10] ?? 0) << 12) | ((b[11] ?? 0) << 4) | ((b[12] ?? 0) >> 4),
    channels: (((b[12] ?? 0) >> 1) & 7) + 1,
    bitDepth: ((((b[12] ?? 0) & 1) << 4) | ((b[13] ?? 0) >> 4)) + 1,
    totalSamples: ((b[13] ?? 0) & 0x0f) * 0x1_0000_0000 + u32be(b, 14),
  };
}

export function parseFlac(
  src: ByteSource,
  start = 0,
  id3?: { offset: number; end: number },
): ParsedStream {
  if (fourCC(src.read(start, 4), 0) !== 'fLaC') throw corrupt('no "fLaC" signature');
  const warnings: string[] = [];
  let streamInfo: Uint8Array | null = null;
  let comments: EmbeddedMetadata | undefined;
  let pos = start + 4;
  let last = false;
  for (let n = 0; n < MAX_BLOCKS && !last; n++) {
    const header = src.read(pos, 4);
    if (header.length < 4) throw truncated('file ends inside the FLAC metadata');
    const b0 = header[0] ?? 0;
    last = (b0 & 0x80) !== 0;
    const type = b0 & 0x7f;
    const length = uintBE(header, 1, 3);
    const body = pos + 4;
    if (n === 0 && type !== STREAMINFO)
      throw corrupt('first FLAC metadata block is not STREAMINFO');
    if (type === 127) throw corrupt(`invalid FLAC metadata block type at offset ${pos}`);
    if (body + length > src.size) throw truncated('file ends inside the FLAC metadata');
    if (type === STREAMINFO) {
      if (length < 34) throw corrupt(`STREAMINFO block is ${length} bytes, needs 34`);
      streamInfo ??= src.read(body, 34).slice();
    } else if (type === VORBIS_COMMENT) {
      comments ??= parseVorbisComment(src.read(body, Math.min(length, METADATA_CAP)));
    }
    pos = body + length;
  }
  if (streamInfo === null) throw corrupt('no STREAMINFO block');

  const { sampleRate, channels, bitDepth, totalSamples } = readStreamInfo(streamInfo);
  if (sampleRate === 0) throw corrupt('STREAMINFO says sample rate 0');
  if (pos >= src.size) throw truncated('file ends after the FLAC metadata: no audio frames');
  const sync = src.read(pos, 2);
  if (sync[0] !== 0xff || ((sync[1] ?? 0) & 0xfe) !== 0xf8) {
    warnings.push('no FLAC frame sync right after the metadata');
  }
  const frames = totalSamples > 0 ? totalSamples : null;
  if (frames === null)
    warnings.push('STREAMINFO does not give the number of samples; duration unknown');
  const id3Meta =
    id3 === undefined
      ? undefined
      : parseId3v2(src.read(id3.offset, Math.min(id3.end - id3.offset, METADATA_CAP)));
  return {
    format: 'flac',
    codec: 'flac',
    sampleRate,
    channels,
    bitDepth,
    frames,
    declaredFrames: frames,
    durationSec: durationOf(frames, sampleRate),
    audioOffset: pos,
    audioLength: src.size - pos,
    embedded: mergeEmbedded(comments, id3Meta),
    warnings,
    channelMask: 0,
  };
}
