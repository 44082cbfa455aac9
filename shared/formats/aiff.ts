import type { EmbeddedMetadata } from '../contract';
import { formatKey } from '../music';
import type { ByteSource } from './byteSource';
import { embeddedFromFields, mergeEmbedded, plausibleBpm } from './embedded';
import { corrupt, truncated, unsupported } from './errors';
import { parseId3v2 } from './id3';
import { readExtended } from './ieeeExtended';
import { durationOf, type ParsedStream } from './stream';
import { decodeLoose, isPrintableId } from './text';
import { fourCC, i8, u16be, u32be } from './bytes';

/**
 * AIFF and AIFF-C (big-endian IFF): COMM with its 80-bit extended sample rate, SSND,
 * the text chunks NAME/AUTH/ANNO, an embedded `ID3 ` chunk, the sampler `INST` chunk and
 * Apple Loops `basc`. Uncompressed, `sowt` (little-endian), `fl32`/`fl64` float, `in24`/
 * `in32` and `raw ` (unsigned 8-bit) are read; compressed AIFF-C is UNSUPPORTED_FORMAT.
 */

const METADATA_CAP = 1 << 20;
const MAX_CHUNKS = 4096;

/** AIFF-C compression types we read: codec name (with the bits it implies, if fixed). */
const COMPRESSIONS: Record<string, { codec: (bits: number) => string; bits?: number }> = {
  NONE: { codec: (bits) => intCodec(bits, 'be') },
  twos: { codec: (bits) => intCodec(bits, 'be') },
  sowt: { codec: (bits) => intCodec(bits, 'le') },
  in24: { codec: () => 'pcm_s24be', bits: 24 },
  in32: { codec: () => 'pcm_s32be', bits: 32 },
  '42ni': { codec: () => 'pcm_s24le', bits: 24 },
  '23ni': { codec: () => 'pcm_s32le', bits: 32 },
  'raw ': { codec: () => 'pcm_u8', bits: 8 },
  fl32: { codec: () => 'pcm_f32be', bits: 32 },
  FL32: { codec: () => 'pcm_f32be', bits: 32 },
  fl64: { codec: () => 'pcm_f64be', bits: 64 },
  FL64: { codec: () => 'pcm_f64be', bits: 64 },
};
const COMPRESSED_NAMES: Record<string, string> = {
  ulaw: 'µ-law',
  ULAW: 'µ-law',
  alaw: 'A-law',
  ALAW: 'A-law',
  ima4: 'IMA ADPCM',
  MAC3: 'MACE 3:1',
  MAC6: 'MACE 6:1',
  'GSM ': 'GSM',
  Qclp: 'QCELP',
  sdx2: 'SDX2',
};

function intCodec(bits: number, order: 'le' | 'be'): string {
  if (bits <= 8) return 'pcm_s8';
  return `pcm_s${Math.ceil(bits / 8) * 8}${order}`;
}

interface Comm {
  channels: number;
  frames: number;
  bits: number;
  sampleRate: number;
  compression: string;
}

export function parseAiff(src: ByteSource): ParsedStream {
  const aifc = fourCC(src.head, 8) === 'AIFC';
  const warnings: string[] = [];
  const meta: Record<string, EmbeddedMetadata> = {};
  const text: { title?: string; artist?: string; comment?: string } = {};
  let comm: Comm | null = null;
  let ssndOffset = -1;
  let ssndLength = 0;
  let basc: Uint8Array | null = null;
  let endedInChunk = false;
  let pos = 12;

  for (let n = 0; n < MAX_CHUNKS && pos + 8 <= src.size; n++) {
    const header = src.read(pos, 8);
    if (!isPrintableId(header, 0)) {
      if (comm !== null && ssndOffset >= 0) {
        warnings.push(`unreadable bytes at offset ${pos} after the audio; ignored`);
        break;
      }
      throw corrupt(`invalid AIFF chunk id at offset ${pos}`);
    }
    const id = fourCC(header, 0);
    const size = u32be(header, 4);
    const body = pos + 8;
    const available = src.size - body;
    if (id === 'SSND') {
      const sub = src.read(body, 8);
      if (sub.length < 8) throw truncated('file ends inside the SSND chunk header');
      const offset = u32be(sub, 0);
      ssndOffset = body + 8 + offset;
      ssndLength = Math.max(0, Math.min(size, available) - 8 - offset);
      if (size > available) {
        warnings.push(`SSND chunk declares ${size} bytes but only ${available} are present`);
        endedInChunk = true;
        break;
      }
    } else if (size > available) {
      if (id === 'COMM' || comm === null || ssndOffset < 0) {
        throw truncated(`file ends inside the "${id.trim()}" chunk, before the audio data`);
      }
      warnings.push(`"${id.trim()}" chunk after the audio is cut short`);
      endedInChunk = true;
      break;
    } else if (id === 'COMM') {
      comm = readComm(src.read(body, Math.min(size, 64)), aifc);
    } else {
      const data = () => src.read(body, Math.min(size, METADATA_CAP));
      switch (id) {
        case 'NAME':
          text.title ??= decodeLoose(data());
          break;
        case 'AUTH':
          text.artist ??= decodeLoose(data());
          break;
        case 'ANNO':
          text.comment ??= decodeLoose(data());
          break;
        case 'ID3 ':
        case 'id3 ':
          meta.id3 ??= parseId3v2(data());
          break;
        case 'INST':
          meta.inst ??= parseInst(data());
          break;
        case 'basc':
          basc ??= data().slice();
          break;
      }
    }
    pos = body + size + (size & 1);
  }

  const cutShort = endedInChunk || u32be(src.head, 4) + 8 > src.size;
  if (comm === null)
    throw cutShort ? truncated('file ends before the COMM chunk') : corrupt('no COMM chunk');
  if (ssndOffset < 0) {
    if (comm.frames === 0)
      ssndOffset = src.size; // a valid, empty AIFF may omit SSND
    else throw cutShort ? truncated('file ends before the SSND chunk') : corrupt('no SSND chunk');
  }
  const codec = codecOf(comm);
  const blockAlign = comm.channels * Math.ceil(codec.bits / 8);
  let frames = comm.frames;
  if (frames * blockAlign > ssndLength) {
    frames = Math.floor(ssndLength / blockAlign);
    warnings.push(`COMM declares ${comm.frames} frames but the sound data holds ${frames}`);
  }
  const audioLength = Math.min(ssndLength, frames * blockAlign);
  const durationSec = durationOf(frames, comm.sampleRate);
  return {
    format: 'aiff',
    codec: codec.name,
    sampleRate: comm.sampleRate,
    channels: comm.channels,
    bitDepth: codec.bits,
    frames,
    declaredFrames: comm.frames,
    durationSec,
    audioOffset: ssndOffset,
    audioLength,
    embedded: mergeEmbedded(
      basc === null ? undefined : parseBasc(basc, durationSec),
      meta.inst,
      meta.id3,
      embeddedFromFields(text),
    ),
    warnings,
    channelMask: 0,
  };
}

function readComm(body: Uint8Array, aifc: boolean): Comm {
  if (body.length < 18) throw corrupt(`COMM chunk is ${body.length} bytes, needs 18`);
  const channels = u16be(body, 0);
  const frames = u32be(body, 2);
  const bits = u16be(body, 6);
  const sampleRate = readExtended(body, 8);
  if (channels === 0) throw corrupt('COMM chunk says 0 channels');
  if (!(sampleRate > 0) || !Number.isFinite(sampleRate)) {
    throw corrupt(`COMM chunk says sample rate ${sampleRate}`);
  }
  let compression = 'NONE';
  if (aifc) {
    if (body.length < 22) throw corrupt('AIFF-C COMM chunk has no compression type');
    compression = fourCC(body, 18);
  }
  return { channels, frames, bits, sampleRate, compression };
}

function codecOf(comm: Comm): { name: string; bits: number } {
  const known = COMPRESSIONS[comm.compression];
  if (known === undefined) {
    const name = COMPRESSED_NAMES[comm.compression] ?? `compression "${comm.compression}"`;
    throw unsupported(`AIFF-C with ${name}`);
  }
  const bits = known.bits ?? comm.bits;
  if (bits === 0 || (bits > 32 && known.bits !== 64)) {
    throw corrupt(`COMM chunk says ${comm.bits} bits per sample`);
  }
  return { name: known.codec(bits), bits };
}

/**
 * INST (sampler) chunk: base note. A base note of 60 over the full key range is the
 * untouched default many editors write (even on drum hits), so it is not believed.
 */
function parseInst(body: Uint8Array): EmbeddedMetadata {
  if (body.length < 6) return {};
  const base = i8(body, 0);
  const low = i8(body, 2);
  const high = i8(body, 3);
  if (base < 1 || base > 127 || (base === 60 && low === 0 && high === 127)) return {};
  return { rootMidi: base };
}

const BASC_MINOR = 1;
const BASC_MAJOR = 2;
const BASC_ONE_SHOT = 1;

/**
 * Apple Loops `basc`: beats, root note, scale type (minor/major), time signature and
 * loop type. The tempo is implied by beats over duration (as libsndfile computes it).
 */
function parseBasc(body: Uint8Array, durationSec: number | null): EmbeddedMetadata {
  if (body.length < 18) return {};
  const beats = u32be(body, 4);
  const root = u16be(body, 8);
  const scale = u16be(body, 10);
  const denominator = u16be(body, 14);
  const loopType = u16be(body, 16);
  const out: EmbeddedMetadata = {};
  if (root >= 1 && root <= 127) {
    out.rootMidi = root;
    if (scale === BASC_MINOR || scale === BASC_MAJOR) {
      out.key = formatKey({ tonic: root % 12, mode: scale === BASC_MINOR ? 'minor' : 'major' });
    }
  }
  out.oneShot = loopType === BASC_ONE_SHOT;
  if (!out.oneShot && beats > 0 && denominator > 0 && durationSec !== null && durationSec > 0) {
    const bpm = plausibleBpm((beats * (4 / denominator) * 60) / durationSec);
    if (bpm !== undefined) {
      out.bpm = bpm;
      out.beats = beats;
    }
  }
  return out;
}
