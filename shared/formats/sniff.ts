import type { AudioFormat } from '../contract';
import type { ByteSource } from './byteSource';
import { corrupt, notAudio, truncated, unsupported } from './errors';
import { readId3v2Header } from './id3';
import { findFrameChain, frameChainAt, readMpegFrameHeader } from './mpegFrame';
import { fourCC, latin1, utf8 } from './bytes';

/**
 * Decides what a file is from its bytes (never its name): one of the formats we read,
 * with where its stream starts, or an AppError saying why not (NOT_AUDIO, TRUNCATED_FILE,
 * CORRUPT_FILE, or UNSUPPORTED_FORMAT naming the format, e.g. M4A, WMA, MIDI).
 */
export interface Sniffed {
  format: AudioFormat;
  /** Offset where the format's own bytes begin (after leading ID3v2 tags for FLAC/MP3). */
  start: number;
  /** Leading ID3v2 tag (FLAC/MP3), as [offset, end) clipped to the file. */
  id3?: { offset: number; end: number };
  warnings: string[];
}

/** How far past a leading ID3 tag, or into a headerless file, we look for MPEG frames. */
const SCAN_WINDOW = 16_384;

/** Magic at offset 0 of formats we recognise but do not read. */
const UNSUPPORTED_MAGIC: Array<[string, string]> = [
  ['MThd', 'MIDI file'],
  ['MAC ', "Monkey's Audio (APE)"],
  ['wvpk', 'WavPack'],
  ['caff', 'Core Audio Format (CAF)'],
  ['TTA1', 'True Audio (TTA)'],
  ['MPCK', 'Musepack'],
  ['MP+', 'Musepack'],
  ['#!AMR', 'AMR'],
  ['.snd', 'Sun/NeXT AU'],
  ['DSD ', 'DSD (DSF)'],
  ['FRM8', 'DSD (DFF)'],
  ['OFR ', 'OptimFROG'],
  ['ajkg', 'Shorten'],
  ['\x1aE\xdf\xa3', 'Matroska/WebM audio'],
  ['\x30\x26\xb2\x75\x8e\x66\xcf\x11', 'WMA (ASF container)'],
  ['riff\x2e\x91\xcf\x11', 'Sony Wave64'],
];
/** Beginnings of signatures, to tell a cut-off audio file from a tiny non-audio one. */
const KNOWN_PREFIXES = ['RIFF', 'RIFX', 'RF64', 'BW64', 'FORM', 'fLaC', 'OggS', 'ID3'];
/** Enough bytes to tell every signature above apart. */
const MIN_SNIFF = 12;

export function sniff(src: ByteSource): Sniffed {
  const head = src.head;
  if (src.size < MIN_SNIFF) return tooShort(head);
  const magic = fourCC(head, 0);
  const sub = fourCC(head, 8);
  const plain = (format: AudioFormat): Sniffed => ({ format, start: 0, warnings: [] });
  switch (magic) {
    case 'RIFF':
      if (sub === 'WAVE') return plain('wav');
      return riffOther(sub);
    case 'RIFX':
    case 'RF64':
    case 'BW64':
      if (sub === 'WAVE') return plain('wav');
      throw notAudio(`${magic} container of type "${printable(sub)}" is not WAVE audio`);
    case 'FORM':
      if (sub === 'AIFF' || sub === 'AIFC') return plain('aiff');
      if (sub === '8SVX' || sub === '16SV') throw unsupported(`IFF ${sub} audio`);
      throw notAudio(`IFF container of type "${printable(sub)}" is not audio`);
    case 'fLaC':
      return plain('flac');
    case 'OggS':
      return plain('ogg');
  }
  if (head[0] === 0x49 && head[1] === 0x44 && head[2] === 0x33) return afterId3(src);
  if (fourCC(head, 4) === 'ftyp') {
    throw unsupported(`MPEG-4 audio (M4A/AAC/ALAC, brand "${printable(sub)}")`);
  }
  for (const [sig, name] of UNSUPPORTED_MAGIC) {
    if (latin1(head, 0, sig.length) === sig) throw unsupported(name);
  }
  const end = Math.min(src.size, head.length);
  if (frameChainAt(head, 0, 2, src.size) !== null) return mpeg(head, 0, []);
  if (isAdts(head, 0)) throw unsupported('AAC (ADTS stream)');
  const found = findFrameChain(head, 1, Math.min(end, SCAN_WINDOW * 4), 3, src.size);
  if (found > 0)
    return mpeg(head, found, [`${found} bytes of non-audio data before the first MPEG frame`]);
  throw notAudio(describeUnknown(head));
}

/** Files shorter than any header: cut-off audio when they begin like a signature. */
function tooShort(head: Uint8Array): never {
  const text = latin1(head);
  const looksAudio =
    text.length > 0 &&
    (KNOWN_PREFIXES.some((p) => p.startsWith(text) || text.startsWith(p)) ||
      (head[0] === 0xff && (head.length < 2 || ((head[1] ?? 0) & 0xe0) === 0xe0)));
  if (looksAudio)
    throw truncated(`file is only ${head.length} bytes: too short for an audio header`);
  throw notAudio(`file is only ${head.length} bytes and has no audio signature`);
}

function riffOther(sub: string): never {
  if (sub === 'RMID') throw unsupported('MIDI file (RIFF RMID)');
  if (sub === 'sfbk') throw unsupported('SoundFont (SF2)');
  if (sub === 'AVI ') throw notAudio('RIFF AVI video, not an audio file');
  throw notAudio(`RIFF container of type "${printable(sub)}" is not WAVE audio`);
}

/** ID3v2 tag(s) first: FLAC or MP3 follows (or AAC, which we do not read). */
function afterId3(src: ByteSource): Sniffed {
  const warnings: string[] = [];
  let pos = 0;
  let tagEnd = 0;
  // Some taggers stack several tags; follow at most a few.
  for (let i = 0; i < 4; i++) {
    const header = readId3v2Header(src.read(pos, 10));
    if (header === null) break;
    tagEnd = pos + header.totalSize;
    if (tagEnd > src.size) {
      warnings.push(
        `ID3v2 tag declares ${header.totalSize} bytes, more than the file holds; ignored`,
      );
      const found = findFrameChain(src.head, pos + 10, src.head.length, 3, src.size);
      if (found < 0)
        throw corrupt('ID3v2 tag size exceeds the file and no MPEG audio frames follow it');
      return { ...mpeg(src.head, found, warnings), id3: { offset: pos, end: src.size } };
    }
    pos = tagEnd;
  }
  if (pos >= src.size) throw truncated('file ends after its ID3 tag: no audio data');
  const window = src.read(pos, SCAN_WINDOW);
  const id3 = { offset: 0, end: tagEnd };
  if (fourCC(window, 0) === 'fLaC') return { format: 'flac', start: pos, id3, warnings };
  const streamEnd = src.size - pos;
  if (frameChainAt(window, 0, 2, streamEnd) !== null) {
    return { ...mpeg(window, 0, warnings, pos), id3 };
  }
  if (isAdts(window, 0)) throw unsupported('AAC (ADTS stream)');
  const found = findFrameChain(window, 1, window.length, 3, streamEnd);
  if (found > 0) {
    if (!isZeros(window, 0, found)) {
      warnings.push(
        `${found} bytes of non-audio data between the ID3 tag and the first MPEG frame`,
      );
    }
    return { ...mpeg(window, found, warnings, pos), id3 };
  }
  throw corrupt('ID3 tag is not followed by MPEG audio frames or FLAC');
}

/** An MPEG stream found at `at` in `buf` (which starts at file offset `base`). */
function mpeg(buf: Uint8Array, at: number, warnings: string[], base = 0): Sniffed {
  const header = readMpegFrameHeader(buf, at);
  if (header === null) throw corrupt(`no MPEG frame at offset ${base + at}`);
  if (header.layer !== 3)
    throw unsupported(
      `MPEG-${header.version} audio layer ${header.layer === 2 ? 'II (MP2)' : 'I (MP1)'}`,
    );
  return { format: 'mp3', start: base + at, warnings };
}

/** AAC ADTS: 12-bit sync, layer 00, a valid rate index, and a frame length that leads to another sync. */
function isAdts(buf: Uint8Array, at: number): boolean {
  if (at + 7 > buf.length) return false;
  if (buf[at] !== 0xff || ((buf[at + 1] ?? 0) & 0xf6) !== 0xf0) return false;
  const rateIndex = ((buf[at + 2] ?? 0) >> 2) & 0xf;
  const length =
    (((buf[at + 3] ?? 0) & 3) << 11) | ((buf[at + 4] ?? 0) << 3) | ((buf[at + 5] ?? 0) >> 5);
  if (rateIndex > 12 || length < 7) return false;
  const next = at + length;
  return next + 2 > buf.length || (buf[next] === 0xff && ((buf[next + 1] ?? 0) & 0xf6) === 0xf0);
}

function isZeros(buf: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (buf[i] !== 0) return false;
  return true;
}

function printable(id: string): string {
  return id.replace(/[^\x20-\x7e]/g, '?');
}

function describeUnknown(head: Uint8Array): string {
  const sample = head.subarray(0, Math.min(head.length, 1024));
  const text = sample.indexOf(0) < 0 && !utf8(sample).includes('\uFFFD');
  return text ? 'no audio signature: looks like a text file' : 'no known audio signature';
}
