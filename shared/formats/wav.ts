import type { EmbeddedMetadata } from '../contract';
import type { ByteSource } from './byteSource';
import { mergeEmbedded } from './embedded';
import { corrupt, truncated, unsupported } from './errors';
import { parseId3v2 } from './id3';
import { durationOf, type ParsedStream } from './stream';
import { isPrintableId } from './text';
import { parseAcid, parseBext, parseIxml, parseListInfo, parseSmpl } from './wavChunks';
import { bytesEqual, fourCC, u16be, u16le, u32be, u32le, u64le } from './bytes';

/**
 * WAV: RIFF (little-endian), RIFX (big-endian), RF64 / BW64 (64-bit sizes in `ds64`).
 * PCM 8–32 bit, IEEE float 32/64, WAVE_FORMAT_EXTENSIBLE; any channel count. Walks every
 * chunk, including those after `data` (only their headers are read unless they are
 * metadata chunks we use), tolerating odd sizes with or without the pad byte.
 */

const FORMAT_PCM = 0x0001;
const FORMAT_FLOAT = 0x0003;
const FORMAT_EXTENSIBLE = 0xfffe;
/** Tail shared by the KSDATAFORMAT_SUBTYPE GUIDs: xxxxxxxx-0000-0010-8000-00aa00389b71. */
const GUID_TAIL = Uint8Array.from([
  0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71,
]);
/** Metadata chunks larger than this are read only in part (ID3 art, huge iXML). */
const METADATA_CAP = 1 << 20;
const MAX_CHUNKS = 4096;
/** Sample container sizes a larger block align may declare (24-bit samples in 32-bit words). */
const CONTAINER_BYTES = [2, 3, 4, 8];
/** Chunk ids common in the wild, to resolve a missing pad byte. */
const KNOWN_CHUNKS = new Set([
  'fmt ',
  'data',
  'fact',
  'LIST',
  'JUNK',
  'junk',
  'PAD ',
  'FLLR',
  'acid',
  'smpl',
  'inst',
  'cue ',
  'iXML',
  'id3 ',
  'ID3 ',
  'bext',
  'DISP',
  '_PMX',
  'umid',
]);

const CODEC_NAMES: Record<number, string> = {
  0x0002: 'Microsoft ADPCM',
  0x0006: 'A-law',
  0x0007: 'µ-law',
  0x0011: 'IMA ADPCM',
  0x0031: 'GSM 6.10',
  0x0050: 'MPEG',
  0x0055: 'MP3',
  0x0161: 'WMA',
  0x0162: 'WMA Pro',
  0x0163: 'WMA Lossless',
  0x00ff: 'AAC',
  0x1610: 'AAC',
  0x2000: 'AC-3',
  0xf1ac: 'FLAC',
  0x674f: 'Ogg Vorbis',
  0x6750: 'Ogg Vorbis',
  0x6751: 'Ogg Vorbis',
  0x676f: 'Ogg Vorbis',
  0x6770: 'Ogg Vorbis',
  0x6771: 'Ogg Vorbis',
};

interface FmtInfo {
  tag: number;
  channels: number;
  sampleRate: number;
  blockAlign: number;
  bits: number;
  validBits: number;
  /** WAVE_FORMAT_EXTENSIBLE speaker mask; 0 when absent. */
  channelMask: number;
}

export function parseWav(src: ByteSource): ParsedStream {
  const head = src.head;
  const magic = fourCC(head, 0);
  const le = magic !== 'RIFX';
  const u32 = (b: Uint8Array, o: number) => (le ? u32le(b, o) : u32be(b, o));
  const warnings: string[] = [];
  const meta: Record<string, EmbeddedMetadata> = {};
  let fmt: FmtInfo | null = null;
  let ds64DataSize: number | null = null;
  let dataOffset = -1;
  let dataSize = 0;
  /** What the header says the data holds (more than dataSize when the file is cut short). */
  let declaredSize = 0;
  let endedInChunk = false;
  let pos = 12;
  let prevOdd = false;

  for (let n = 0; n < MAX_CHUNKS && pos + 8 <= src.size; n++) {
    let header = src.read(pos, 8);
    if (prevOdd && !KNOWN_CHUNKS.has(fourCC(header, 0))) {
      // After an odd-sized chunk, a writer may have left out the pad byte: believe the
      // unpadded position when it holds a plausible chunk and the padded one does not
      // (or the unpadded one is a chunk we know and the padded one is not).
      const unpadded = src.read(pos - 1, 8);
      const known = KNOWN_CHUNKS.has(fourCC(unpadded, 0));
      if (
        chunkFits(unpadded, pos - 1, src.size, le) &&
        (known || !chunkFits(header, pos, src.size, le))
      ) {
        // The writer left out the pad byte after an odd-sized chunk.
        pos -= 1;
        header = unpadded;
        warnings.push('odd-sized chunk without its pad byte');
      }
    }
    if (!isPrintableId(header, 0)) {
      if (dataOffset === pos && dataSize === 0) {
        // An unfinished recording: the writer never filled in the data size.
        dataSize = src.size - dataOffset;
        declaredSize = dataSize;
        warnings.push('data chunk size is 0; taking the rest of the file as audio');
        endedInChunk = true;
        break;
      }
      if (fmt !== null && dataOffset >= 0) {
        warnings.push(`unreadable bytes at offset ${pos} after the audio; ignored`);
        break;
      }
      throw corrupt(`invalid RIFF chunk id at offset ${pos}`);
    }
    const id = fourCC(header, 0);
    let size = u32(header, 4);
    const body = pos + 8;
    if (id === 'data' && size === 0xffffffff && ds64DataSize !== null) size = ds64DataSize;
    const available = src.size - body;

    if (id === 'data') {
      dataOffset = body;
      if (size > available) {
        warnings.push(`data chunk declares ${size} bytes but only ${available} are present`);
        dataSize = available;
        // 0xFFFFFFFF without ds64: a streaming writer never set the size, nothing is missing.
        declaredSize = size === 0xffffffff ? available : size;
        endedInChunk = true;
        break;
      }
      dataSize = size;
      declaredSize = size;
    } else if (size > available) {
      if (id === 'fmt ' || id === 'ds64') throw truncated(`file ends inside the "${id}" chunk`);
      if (fmt === null || dataOffset < 0) {
        throw truncated(`file ends inside the "${id.trim()}" chunk, before the audio data`);
      }
      warnings.push(`"${id.trim()}" chunk after the audio is cut short`);
      endedInChunk = true;
      readMetadataChunk(id, src.read(body, Math.min(available, METADATA_CAP)), le, meta);
      break;
    } else if (id === 'fmt ') {
      fmt = readFmt(src.read(body, Math.min(size, 64)), le);
    } else if (id === 'ds64') {
      const ds = src.read(body, 28);
      if (ds.length >= 16) ds64DataSize = u64le(ds, 8);
    } else {
      readMetadataChunk(id, src.read(body, Math.min(size, METADATA_CAP)), le, meta);
    }
    prevOdd = (size & 1) === 1;
    pos = body + size + (size & 1);
  }

  // A missing chunk means a cut-off file when the RIFF header promised more bytes.
  const cutShort = endedInChunk || u32(head, 4) + 8 > src.size;
  if (fmt === null) {
    throw cutShort ? truncated('file ends before the "fmt " chunk') : corrupt('no "fmt " chunk');
  }
  if (dataOffset < 0) {
    throw cutShort ? truncated('file ends before the "data" chunk') : corrupt('no "data" chunk');
  }
  const codec = codecOf(fmt, le, warnings);
  const frames = Math.floor(dataSize / codec.blockAlign);
  if (dataSize % codec.blockAlign !== 0 && !endedInChunk) {
    warnings.push('data chunk size is not a whole number of sample frames');
  }
  return {
    format: 'wav',
    codec: codec.name,
    sampleRate: fmt.sampleRate,
    channels: fmt.channels,
    bitDepth: codec.bitDepth,
    frames,
    declaredFrames: Math.floor(declaredSize / codec.blockAlign),
    durationSec: durationOf(frames, fmt.sampleRate),
    audioOffset: dataOffset,
    audioLength: dataSize,
    embedded: mergeEmbedded(meta.acid, meta.smpl, meta.id3, meta.ixml, meta.info, meta.bext),
    channelMask: fmt.channelMask,
    warnings,
  };
}

/** A chunk header with a typical id (letters, digits, space, underscore) whose body fits in the file. */
function chunkFits(header: Uint8Array, pos: number, size: number, le: boolean): boolean {
  if (header.length < 8 || !/^[A-Za-z0-9 _]{4}$/.test(fourCC(header, 0))) return false;
  return pos + 8 + (le ? u32le(header, 4) : u32be(header, 4)) <= size;
}

function readMetadataChunk(
  id: string,
  body: Uint8Array,
  le: boolean,
  meta: Record<string, EmbeddedMetadata>,
): void {
  switch (id) {
    case 'acid':
      meta.acid ??= parseAcid(body, le);
      break;
    case 'smpl':
      meta.smpl ??= parseSmpl(body, le);
      break;
    case 'LIST':
      if (fourCC(body, 0) === 'INFO') meta.info ??= parseListInfo(body, le);
      break;
    case 'iXML':
      meta.ixml ??= parseIxml(body);
      break;
    case 'id3 ':
    case 'ID3 ':
      meta.id3 ??= parseId3v2(body);
      break;
    case 'bext':
      meta.bext ??= parseBext(body);
      break;
  }
}

function readFmt(body: Uint8Array, le: boolean): FmtInfo {
  if (body.length < 16) throw corrupt(`"fmt " chunk is ${body.length} bytes, needs at least 16`);
  const u16 = (o: number) => (le ? u16le(body, o) : u16be(body, o));
  const u32 = (o: number) => (le ? u32le(body, o) : u32be(body, o));
  let tag = u16(0);
  const channels = u16(2);
  const sampleRate = u32(4);
  const blockAlign = u16(12);
  const bits = u16(14);
  let validBits = bits;
  let channelMask = 0;
  if (channels === 0) throw corrupt('"fmt " chunk says 0 channels');
  if (sampleRate === 0) throw corrupt('"fmt " chunk says sample rate 0');
  if (tag === FORMAT_EXTENSIBLE) {
    if (body.length < 40) throw corrupt('WAVE_FORMAT_EXTENSIBLE "fmt " chunk is too short');
    validBits = u16(18) || bits;
    channelMask = u32(20);
    if (!bytesEqual(body.subarray(28, 40), GUID_TAIL))
      throw unsupported('WAV with an unknown sub-format GUID');
    tag = u16(24);
  }
  return { tag, channels, sampleRate, blockAlign, bits, validBits, channelMask };
}

function codecOf(
  fmt: FmtInfo,
  le: boolean,
  warnings: string[],
): { name: string; bitDepth: number; blockAlign: number } {
  const { tag, bits, channels } = fmt;
  if (tag !== FORMAT_PCM && tag !== FORMAT_FLOAT) {
    const name = CODEC_NAMES[tag] ?? 'an unknown codec';
    throw unsupported(`WAV with ${name} audio (format tag 0x${tag.toString(16).padStart(4, '0')})`);
  }
  if (bits === 0) throw corrupt('"fmt " chunk says 0 bits per sample');
  let bytes = Math.ceil(bits / 8);
  // Trust a larger block align that is a whole number of bytes per channel (24 in 32 bits).
  if (fmt.blockAlign !== channels * bytes) {
    const perChannel = fmt.blockAlign / channels;
    if (CONTAINER_BYTES.includes(perChannel) && perChannel > bytes) {
      bytes = perChannel;
    } else {
      warnings.push(
        `"fmt " block align ${fmt.blockAlign} does not match ${channels} × ${bytes} bytes; using the latter`,
      );
    }
  }
  const order = le ? 'le' : 'be';
  let name: string;
  if (tag === FORMAT_FLOAT) {
    if (bytes !== 4 && bytes !== 8) throw corrupt(`${bits}-bit float WAV is not valid`);
    name = `pcm_f${bytes * 8}${order}`;
  } else {
    if (bytes > 4) throw unsupported(`${bits}-bit integer PCM WAV`);
    name = bytes === 1 ? 'pcm_u8' : `pcm_s${bytes * 8}${order}`;
  }
  const bitDepth = Math.min(fmt.validBits || bits, bytes * 8);
  return { name, bitDepth, blockAlign: channels * bytes };
}
