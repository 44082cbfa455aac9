import type { EmbeddedMetadata } from '../contract';
import type { ByteSource } from './byteSource';
import { corrupt, notAudio, truncated, unsupported } from './errors';
import type { ParsedStream } from './stream';
import { readStreamInfo } from './flac';
import { parseVorbisComment } from './vorbisComment';
import { concatBytes, lastIndexOfAscii, latin1, u16be, u16le, u32le } from './bytes';

/**
 * Ogg Vorbis and Ogg Opus. Reads the header packets of the first audio stream
 * (identification + comments), and takes the duration from the granule position of
 * the stream's last page (Opus: minus the pre-skip, at 48 kHz). The audio payload is the
 * pages after the header packets.
 */

const CAPTURE_PATTERN = 'OggS';
const PAGE_HEADER = 27;
/** 27-byte header + 255 lacing values + 255 × 255 body bytes. */
const MAX_PAGE = PAGE_HEADER + 255 + 255 * 255;
const PACKET_CAP = 1 << 20;
const MAX_HEADER_PAGES = 512;
const FLAG_BOS = 0x02;

interface Page {
  offset: number;
  flags: number;
  /** -1 when no packet ends on this page. */
  granule: number;
  serial: number;
  /** Lacing values. */
  segments: Uint8Array;
  bodyOffset: number;
  bodyLength: number;
}

function readPage(src: ByteSource, offset: number): Page {
  const fixed = src.read(offset, PAGE_HEADER);
  if (fixed.length < PAGE_HEADER) throw truncated('file ends inside an Ogg page header');
  if (latin1(fixed, 0, 4) !== CAPTURE_PATTERN || fixed[4] !== 0) {
    throw corrupt(`no Ogg page at offset ${offset}`);
  }
  const count = fixed[26] ?? 0;
  const segments = src.read(offset + PAGE_HEADER, count).slice();
  if (segments.length < count) throw truncated('file ends inside an Ogg page header');
  let bodyLength = 0;
  for (const s of segments) bodyLength += s;
  return {
    offset,
    flags: fixed[5] ?? 0,
    granule: readGranule(fixed, 6),
    serial: u32le(fixed, 14),
    segments,
    bodyOffset: offset + PAGE_HEADER + count,
    bodyLength,
  };
}

function readGranule(buf: Uint8Array, at: number): number {
  const lo = u32le(buf, at);
  const hi = u32le(buf, at + 4);
  if (lo === 0xffffffff && hi === 0xffffffff) return -1;
  return hi * 0x1_0000_0000 + lo;
}

type Codec = 'vorbis' | 'opus' | 'flac';

/** Ogg FLAC's first packet: 0x7F "FLAC", version (2), header count (2), "fLaC", block header (4), STREAMINFO (34). */
const OGG_FLAC_IDENT = 51;

/** Identifies the codec from a stream's first packet; throws for non-audio or unsupported codecs. */
function codecOf(first: Uint8Array): Codec | null {
  const tag8 = latin1(first, 0, 8);
  if (first[0] === 1 && tag8.slice(1, 7) === 'vorbis') return 'vorbis';
  if (tag8 === 'OpusHead') return 'opus';
  if (tag8.startsWith('\x7fFLAC')) return 'flac';
  return null;
}

function describeOther(first: Uint8Array): never {
  const tag = latin1(first, 0, 8);
  if (tag.startsWith('Speex')) throw unsupported('Ogg Speex');
  if (tag.startsWith('\x80theora')) throw unsupported('Ogg Theora video');
  if (tag.startsWith('fishead'))
    throw unsupported('Ogg with a Skeleton stream and no Vorbis, Opus or FLAC audio');
  throw notAudio('Ogg stream with no Vorbis, Opus or FLAC audio');
}

export function parseOgg(src: ByteSource): ParsedStream {
  const warnings: string[] = [];
  // Beginning-of-stream pages come first; pick the first Vorbis/Opus/FLAC stream among them.
  let pos = 0;
  let serial = -1;
  let codec: Codec | null = null;
  let firstOther: Uint8Array | null = null;
  let headerCount = 0;
  let page = readPage(src, pos);
  for (let n = 0; n < 16 && page.flags & FLAG_BOS; n++) {
    const first = src.read(page.bodyOffset, Math.min(page.bodyLength, 64));
    const c = codecOf(first);
    if (c !== null && codec === null) {
      codec = c;
      serial = page.serial;
      headerCount = headerPacketCount(c, first);
    } else if (c === null) firstOther ??= first.slice();
    pos = page.bodyOffset + page.bodyLength;
    if (pos + PAGE_HEADER > src.size) break;
    page = readPage(src, pos);
  }
  if (codec === null) {
    if (firstOther !== null) describeOther(firstOther);
    throw corrupt('Ogg file has no beginning-of-stream page');
  }

  const { packets, audioOffset } = headerPackets(src, serial, headerCount);
  const [ident, tags] = packets;
  if (ident === undefined) throw truncated('Ogg identification header is missing');
  let sampleRate: number;
  let channels: number;
  let preSkip = 0;
  let bitDepth: number | null = null;
  let embedded: EmbeddedMetadata = {};
  if (codec === 'vorbis') {
    if (ident.length < 30) throw truncated('Vorbis identification header is cut short');
    channels = ident[11] ?? 0;
    sampleRate = u32le(ident, 12);
    if (tags !== undefined && tags[0] === 3) embedded = parseVorbisComment(tags, 7);
  } else if (codec === 'flac') {
    if (ident.length < OGG_FLAC_IDENT) throw truncated('Ogg FLAC header is cut short');
    if (latin1(ident, 9, 13) !== 'fLaC' || ((ident[13] ?? 0) & 0x7f) !== 0) {
      throw corrupt('Ogg FLAC header has no STREAMINFO');
    }
    const info = readStreamInfo(ident.subarray(17, OGG_FLAC_IDENT));
    channels = info.channels;
    sampleRate = info.sampleRate;
    bitDepth = info.bitDepth;
    // The second header packet is a VORBIS_COMMENT metadata block (4-byte block header).
    if (tags !== undefined && ((tags[0] ?? 0) & 0x7f) === 4) embedded = parseVorbisComment(tags, 4);
  } else {
    if (ident.length < 19) throw truncated('OpusHead is cut short');
    channels = ident[9] ?? 0;
    preSkip = u16le(ident, 10);
    sampleRate = 48_000; // Opus always decodes at 48 kHz; the input rate is informational.
    if (tags !== undefined && latin1(tags, 0, 8) === 'OpusTags') {
      embedded = parseVorbisComment(tags, 8);
    }
  }
  if (channels === 0) throw corrupt(`${codec} header says 0 channels`);
  if (sampleRate === 0) throw corrupt(`${codec} header says sample rate 0`);

  const granule = lastGranule(src, serial, audioOffset);
  let frames: number | null = null;
  if (granule === null)
    warnings.push('could not find the last Ogg page of the stream; duration unknown');
  else frames = Math.max(0, granule - preSkip);
  return {
    format: 'ogg',
    codec,
    sampleRate,
    channels,
    bitDepth,
    frames,
    declaredFrames: null,
    durationSec: frames === null ? null : frames / sampleRate,
    audioOffset,
    audioLength: Math.max(0, src.size - audioOffset),
    embedded,
    warnings,
    channelMask: 0,
  };
}

/**
 * Header packets before the audio: Vorbis 3 (identification, comments, setup), Opus 2,
 * FLAC 1 plus the count its first packet gives (0 there means unknown: 1 is assumed).
 */
function headerPacketCount(codec: Codec, first: Uint8Array): number {
  if (codec === 'vorbis') return 3;
  if (codec === 'opus') return 2;
  return first.length >= 9 ? 1 + u16be(first, 7) : 1;
}

/**
 * Collects the first `count` packets of stream `serial` (each capped at 1 MiB; the rest of
 * an oversized packet, e.g. cover art in the comments, is skipped by page headers only).
 * Returns them and the offset of the first page after the one where the last one ends.
 */
function headerPackets(
  src: ByteSource,
  serial: number,
  count: number,
): { packets: Uint8Array[]; audioOffset: number } {
  const packets: Uint8Array[] = [];
  let parts: Uint8Array[] = [];
  let partLength = 0;
  let pos = 0;
  for (let n = 0; n < MAX_HEADER_PAGES && pos < src.size; n++) {
    const page = readPage(src, pos);
    pos = page.bodyOffset + page.bodyLength;
    if (page.serial !== serial) continue;
    if (page.bodyOffset + page.bodyLength > src.size)
      throw truncated('file ends inside the Ogg headers');
    let at = page.bodyOffset;
    let body: Uint8Array | null = null;
    for (const seg of page.segments) {
      // Only the identification and comment packets are kept (not the Vorbis setup packet).
      if (packets.length < 2 && partLength < PACKET_CAP && seg > 0) {
        body ??= src.read(page.bodyOffset, page.bodyLength);
        const from = at - page.bodyOffset;
        parts.push(body.slice(from, from + seg));
        partLength += seg;
      }
      at += seg;
      if (seg < 255) {
        packets.push(concatBytes(parts));
        parts = [];
        partLength = 0;
        if (packets.length === count) return { packets, audioOffset: pos };
      }
    }
  }
  throw truncated('file ends before the Ogg header packets are complete');
}

/** Most last pages are small: look at this much of the tail before reading a whole page's worth. */
const SHORT_TAIL = 8192;

/** Granule position of the last page of `serial` that has one, searching the file's tail. */
function lastGranule(src: ByteSource, serial: number, from: number): number | null {
  const short = searchTail(src, serial, Math.max(from, src.size - SHORT_TAIL));
  if (short !== null || src.size - SHORT_TAIL <= from) return short;
  return searchTail(src, serial, Math.max(from, src.size - MAX_PAGE));
}

function searchTail(src: ByteSource, serial: number, start: number): number | null {
  const tail = src.read(start, src.size - start);
  let i = lastIndexOfAscii(tail, CAPTURE_PATTERN);
  while (i >= 0) {
    if (i + PAGE_HEADER <= tail.length && tail[i + 4] === 0 && u32le(tail, i + 14) === serial) {
      const granule = readGranule(tail, i + 6);
      if (granule >= 0) return granule;
    }
    i = i > 0 ? lastIndexOfAscii(tail, CAPTURE_PATTERN, i - 1) : -1;
  }
  return null;
}
