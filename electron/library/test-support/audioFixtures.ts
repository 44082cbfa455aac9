/**
 * Dependency-free writers of small audio files for tests across the project: WAV (RIFF,
 * RIFX, RF64; PCM 8/16/24/32-bit, float 32/64, WAVE_FORMAT_EXTENSIBLE; metadata chunks
 * acid/smpl/LIST-INFO/iXML/id3/bext, before or after `data`), AIFF and AIFF-C (NONE,
 * sowt, fl32, fl64; NAME/AUTH/ANNO/ID3/INST/basc), ID3v2 tags, test signals, and temp
 * folders to write them into.
 *
 * The audio they hold is real (decoders can read it): give `samples` (one Float32Array
 * per channel, values in [-1, 1]) or `frames` (that many frames of silence). For broken
 * files, take the bytes and cut or patch them, or use the documented overrides.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { writeExtended } from '../../../shared/formats/ieeeExtended';

// ---------------------------------------------------------------------------------------
// Signals

/** A sine tone: `seconds` long at `sampleRate`, peak `amplitude` (default 0.5). */
export function sine(
  frequency: number,
  seconds: number,
  sampleRate = 44_100,
  amplitude = 0.5,
): Float32Array {
  const out = new Float32Array(Math.round(seconds * sampleRate));
  for (let i = 0; i < out.length; i++)
    out[i] = amplitude * Math.sin((2 * Math.PI * frequency * i) / sampleRate);
  return out;
}

/** Deterministic white noise in [-amplitude, amplitude] (seeded, so fixtures are stable). */
export function noise(frames: number, amplitude = 0.5, seed = 1): Float32Array {
  const out = new Float32Array(frames);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < frames; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = ((s >>> 0) / 0xffffffff) * 2 * amplitude - amplitude;
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Sample encoding

type Order = 'le' | 'be';

/**
 * Interleaves and encodes channels: integer PCM (8-bit unsigned for WAV, signed for
 * AIFF; 16/24/32-bit signed) or IEEE float (32/64). Values are clipped to [-1, 1].
 */
export function encodeSamples(
  channels: Float32Array[],
  bitDepth: number,
  options: { float?: boolean; order?: Order; unsigned8?: boolean } = {},
): Buffer {
  const order = options.order ?? 'le';
  const bytes = Math.ceil(bitDepth / 8);
  const frames = channels[0]?.length ?? 0;
  const out = Buffer.alloc(frames * channels.length * bytes);
  let pos = 0;
  for (let i = 0; i < frames; i++) {
    for (const channel of channels) {
      const v = Math.max(-1, Math.min(1, channel[i] ?? 0));
      if (options.float) {
        if (bytes === 4 && order === 'le') out.writeFloatLE(v, pos);
        else if (bytes === 4) out.writeFloatBE(v, pos);
        else if (order === 'le') out.writeDoubleLE(v, pos);
        else out.writeDoubleBE(v, pos);
      } else if (bytes === 1) {
        const s = Math.round(v * 127);
        out[pos] = options.unsigned8 === false ? s & 0xff : s + 128;
      } else {
        const max = 2 ** (bytes * 8 - 1) - 1;
        const s = Math.round(v * max);
        if (order === 'le') out.writeIntLE(s, pos, bytes);
        else out.writeIntBE(s, pos, bytes);
      }
      pos += bytes;
    }
  }
  return out;
}

function channelData(
  samples: Float32Array[] | undefined,
  channels: number,
  frames: number,
): Float32Array[] {
  if (samples !== undefined) return samples;
  return Array.from({ length: channels }, () => new Float32Array(frames));
}

// ---------------------------------------------------------------------------------------
// WAV

/** ACID loop information. */
export interface AcidChunk {
  oneShot?: boolean;
  /** MIDI root note; written with the "root note set" flag when given. */
  rootNote?: number;
  beats?: number;
  tempo?: number;
  /** [numerator, denominator], default [4, 4]. */
  meter?: [number, number];
}

/** Sampler chunk. Loop `end` is the last frame of the loop (inclusive, as in the file). */
export interface SmplChunk {
  unityNote?: number;
  pitchFraction?: number;
  loops?: Array<{ start: number; end: number }>;
}

export interface WavChunks {
  acid?: AcidChunk;
  smpl?: SmplChunk;
  /** LIST/INFO fields by their ids, e.g. { INAM: 'Title', IART: 'Artist', IKEY: 'a; b' }. */
  list?: Record<string, string>;
  /** iXML document text. */
  ixml?: string;
  /** A complete ID3v2 tag (see id3v2Bytes), written as an `id3 ` chunk. */
  id3?: Buffer;
  /** Broadcast WAV description and originator. */
  bext?: { description?: string; originator?: string };
  /** Any other chunks, written as given (odd sizes get a pad byte unless omitPadBytes). */
  extra?: Array<{ id: string; data: Buffer }>;
  /** Put the metadata chunks after the `data` chunk instead of before it. */
  afterData?: boolean;
}

export interface WavOptions {
  /** Default 44100. */
  sampleRate?: number;
  /** Default 1, or samples.length. */
  channels?: number;
  /** 8, 16 (default), 24, 32 (int or float) or 64 (float). */
  bitDepth?: number;
  /** IEEE float samples (format tag 3). */
  float?: boolean;
  /** WAVE_FORMAT_EXTENSIBLE fmt chunk (with sub-format GUID and channel mask). */
  extensible?: boolean;
  /** wValidBitsPerSample of an extensible fmt (e.g. 20 in a 24-bit container). */
  validBits?: number;
  /** Frames of silence (ignored when samples are given). Default 0. */
  frames?: number;
  /** Audio, one array per channel. */
  samples?: Float32Array[];
  chunks?: WavChunks;
  /** RIFF (default), RIFX (big-endian) or RF64 (ds64 chunk, 0xFFFFFFFF sizes). */
  container?: 'RIFF' | 'RIFX' | 'RF64';
  /** Data chunk size to declare instead of the real one (to build broken files). */
  declaredDataSize?: number;
  /** Leave out the pad byte after odd-sized chunks (a common writer bug). */
  omitPadBytes?: boolean;
  /** Override fmt fields (e.g. { channels: 0 } or { sampleRate: 0 } for corrupt files). */
  fmtOverride?: { channels?: number; sampleRate?: number; formatTag?: number; blockAlign?: number };
}

const KSDATAFORMAT_TAIL = [0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71];

export function wavBytes(options: WavOptions = {}): Buffer {
  const container = options.container ?? 'RIFF';
  const le = container !== 'RIFX';
  const order: Order = le ? 'le' : 'be';
  const sampleRate = options.sampleRate ?? 44_100;
  const bitDepth = options.bitDepth ?? 16;
  const channels = options.samples?.length ?? options.channels ?? 1;
  const frames = options.samples?.[0]?.length ?? options.frames ?? 0;
  const data = encodeSamples(channelData(options.samples, channels, frames), bitDepth, {
    float: options.float === true,
    order,
  });
  const bytes = Math.ceil(bitDepth / 8);
  const blockAlign = channels * bytes;
  const formatTag = options.float ? 3 : 1;

  const fmt = Buffer.alloc(options.extensible ? 40 : 16);
  const u16 = (b: Buffer, v: number, o: number) =>
    le ? b.writeUInt16LE(v, o) : b.writeUInt16BE(v, o);
  const u32 = (b: Buffer, v: number, o: number) =>
    le ? b.writeUInt32LE(v, o) : b.writeUInt32BE(v, o);
  const o = options.fmtOverride ?? {};
  u16(fmt, o.formatTag ?? (options.extensible ? 0xfffe : formatTag), 0);
  u16(fmt, o.channels ?? channels, 2);
  u32(fmt, o.sampleRate ?? sampleRate, 4);
  u32(fmt, sampleRate * blockAlign, 8);
  u16(fmt, o.blockAlign ?? blockAlign, 12);
  u16(fmt, bytes * 8, 14);
  if (options.extensible) {
    u16(fmt, 22, 16);
    u16(fmt, options.validBits ?? bitDepth, 18);
    u32(fmt, channels === 2 ? 3 : channels === 1 ? 4 : 2 ** channels - 1, 20);
    u16(fmt, formatTag, 24);
    u16(fmt, 0, 26);
    Buffer.from(KSDATAFORMAT_TAIL).copy(fmt, 28);
  }

  const meta = wavMetadataChunks(options.chunks ?? {}, le, options.omitPadBytes === true);
  const chunk = (id: string, body: Buffer, declared = body.length) =>
    riffChunk(id, body, le, declared, options.omitPadBytes === true);
  const rf64 = container === 'RF64';
  const dataChunk = chunk(
    'data',
    data,
    rf64 ? 0xffffffff : (options.declaredDataSize ?? data.length),
  );
  const parts: Buffer[] = [];
  if (rf64) parts.push(chunk('ds64', Buffer.alloc(28)));
  parts.push(chunk('fmt ', fmt));
  if (options.chunks?.afterData) parts.push(dataChunk, ...meta);
  else parts.push(...meta, dataChunk);
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(12);
  header.write(container, 0, 'latin1');
  u32(header, rf64 ? 0xffffffff : body.length + 4, 4);
  header.write('WAVE', 8, 'latin1');
  const file = Buffer.concat([header, body]);
  if (rf64) {
    // ds64 body: RIFF size, data size, sample count (64-bit little-endian), table length.
    const ds = 12 + 8;
    file.writeBigUInt64LE(BigInt(file.length - 8), ds);
    file.writeBigUInt64LE(BigInt(options.declaredDataSize ?? data.length), ds + 8);
    file.writeBigUInt64LE(BigInt(frames), ds + 16);
  }
  return file;
}

/** One RIFF chunk: id, size (declared, default the real one), body, pad byte if odd. */
export function riffChunk(
  id: string,
  body: Buffer,
  le = true,
  declared = body.length,
  omitPad = false,
): Buffer {
  const header = Buffer.alloc(8);
  header.write(id.padEnd(4, ' ').slice(0, 4), 0, 'latin1');
  if (le) header.writeUInt32LE(declared >>> 0, 4);
  else header.writeUInt32BE(declared >>> 0, 4);
  const pad = body.length % 2 === 1 && !omitPad ? Buffer.alloc(1) : Buffer.alloc(0);
  return Buffer.concat([header, body, pad]);
}

function wavMetadataChunks(chunks: WavChunks, le: boolean, omitPad: boolean): Buffer[] {
  const out: Buffer[] = [];
  const c = (id: string, body: Buffer) => riffChunk(id, body, le, body.length, omitPad);
  if (chunks.acid) out.push(c('acid', acidBody(chunks.acid, le)));
  if (chunks.smpl) out.push(c('smpl', smplBody(chunks.smpl, le)));
  if (chunks.list) out.push(c('LIST', listInfoBody(chunks.list, le)));
  if (chunks.ixml !== undefined) out.push(c('iXML', Buffer.from(chunks.ixml, 'utf8')));
  if (chunks.id3) out.push(c('id3 ', chunks.id3));
  if (chunks.bext) {
    const b = Buffer.alloc(602);
    b.write(chunks.bext.description ?? '', 0, 256, 'latin1');
    b.write(chunks.bext.originator ?? '', 256, 32, 'latin1');
    out.push(c('bext', b));
  }
  for (const extra of chunks.extra ?? []) out.push(c(extra.id, extra.data));
  return out;
}

function acidBody(acid: AcidChunk, le: boolean): Buffer {
  const b = Buffer.alloc(24);
  const flags = (acid.oneShot ? 0x01 : 0) | (acid.rootNote !== undefined ? 0x02 : 0);
  const [num, den] = acid.meter ?? [4, 4];
  if (le) {
    b.writeUInt32LE(flags, 0);
    b.writeUInt16LE(acid.rootNote ?? 60, 4);
    b.writeUInt32LE(acid.beats ?? 0, 12);
    b.writeUInt16LE(den, 16);
    b.writeUInt16LE(num, 18);
    b.writeFloatLE(acid.tempo ?? 0, 20);
  } else {
    b.writeUInt32BE(flags, 0);
    b.writeUInt16BE(acid.rootNote ?? 60, 4);
    b.writeUInt32BE(acid.beats ?? 0, 12);
    b.writeUInt16BE(den, 16);
    b.writeUInt16BE(num, 18);
    b.writeFloatBE(acid.tempo ?? 0, 20);
  }
  return b;
}

function smplBody(smpl: SmplChunk, le: boolean): Buffer {
  const loops = smpl.loops ?? [];
  const b = Buffer.alloc(36 + loops.length * 24);
  const u32 = (v: number, o: number) =>
    le ? b.writeUInt32LE(v >>> 0, o) : b.writeUInt32BE(v >>> 0, o);
  u32(smpl.unityNote ?? 60, 12);
  u32(smpl.pitchFraction ?? 0, 16);
  u32(loops.length, 28);
  loops.forEach((loop, i) => {
    const at = 36 + i * 24;
    u32(i, at);
    u32(0, at + 4);
    u32(loop.start, at + 8);
    u32(loop.end, at + 12);
  });
  return b;
}

function listInfoBody(fields: Record<string, string>, le: boolean): Buffer {
  const parts: Buffer[] = [Buffer.from('INFO', 'latin1')];
  for (const [id, text] of Object.entries(fields)) {
    parts.push(riffChunk(id, Buffer.from(`${text}\0`, 'utf8'), le));
  }
  return Buffer.concat(parts);
}

// ---------------------------------------------------------------------------------------
// AIFF

export interface AiffChunks {
  name?: string;
  author?: string;
  annotation?: string;
  /** A complete ID3v2 tag, written as an `ID3 ` chunk. */
  id3?: Buffer;
  /** Sampler INST chunk (base note; key range default 0–127). */
  inst?: { baseNote: number; lowNote?: number; highNote?: number };
  /** Apple Loops `basc`. */
  basc?: {
    beats: number;
    rootNote: number;
    scale?: 'minor' | 'major' | 'neither' | 'both';
    loopType?: 'loop' | 'one-shot';
    meter?: [number, number];
  };
  extra?: Array<{ id: string; data: Buffer }>;
}

export interface AiffOptions {
  sampleRate?: number;
  channels?: number;
  /** 8, 16 (default), 24, 32; for fl32/fl64 it follows the compression. */
  bitDepth?: number;
  /** Write AIFF-C (FORM AIFC, FVER, compression in COMM). Implied by compression ≠ NONE. */
  aifc?: boolean;
  compression?: 'NONE' | 'sowt' | 'fl32' | 'fl64' | (string & {});
  frames?: number;
  samples?: Float32Array[];
  chunks?: AiffChunks;
  /** Frame count to declare in COMM instead of the real one. */
  declaredFrames?: number;
  /** Put the metadata chunks after SSND. */
  afterData?: boolean;
}

export function aiffBytes(options: AiffOptions = {}): Buffer {
  const compression = options.compression ?? 'NONE';
  const aifc = options.aifc === true || compression !== 'NONE';
  const float = compression === 'fl32' || compression === 'fl64';
  const bitDepth =
    compression === 'fl32' ? 32 : compression === 'fl64' ? 64 : (options.bitDepth ?? 16);
  const channels = options.samples?.length ?? options.channels ?? 1;
  const frames = options.samples?.[0]?.length ?? options.frames ?? 0;
  const sampleRate = options.sampleRate ?? 44_100;
  const data = encodeSamples(channelData(options.samples, channels, frames), bitDepth, {
    float,
    order: compression === 'sowt' ? 'le' : 'be',
    unsigned8: false,
  });
  const compName = Buffer.from(compressionName(compression), 'latin1');
  const pstring = Buffer.concat([Buffer.from([compName.length]), compName]);
  const pstringPadded =
    pstring.length % 2 === 1 ? Buffer.concat([pstring, Buffer.alloc(1)]) : pstring;
  const comm = Buffer.alloc(18);
  comm.writeUInt16BE(channels, 0);
  comm.writeUInt32BE(options.declaredFrames ?? frames, 2);
  comm.writeUInt16BE(bitDepth, 6);
  writeExtended(sampleRate, comm, 8);
  const commBody = aifc
    ? Buffer.concat([
        comm,
        Buffer.from(compression.padEnd(4, ' ').slice(0, 4), 'latin1'),
        pstringPadded,
      ])
    : comm;
  const ssnd = Buffer.concat([Buffer.alloc(8), data]);
  const meta = aiffMetadataChunks(options.chunks ?? {});
  const parts: Buffer[] = [];
  if (aifc) {
    const fver = Buffer.alloc(4);
    fver.writeUInt32BE(0xa2805140, 0);
    parts.push(iffChunk('FVER', fver));
  }
  parts.push(iffChunk('COMM', commBody));
  if (options.afterData) parts.push(iffChunk('SSND', ssnd), ...meta);
  else parts.push(...meta, iffChunk('SSND', ssnd));
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(12);
  header.write('FORM', 0, 'latin1');
  header.writeUInt32BE(body.length + 4, 4);
  header.write(aifc ? 'AIFC' : 'AIFF', 8, 'latin1');
  return Buffer.concat([header, body]);
}

function compressionName(type: string): string {
  switch (type) {
    case 'NONE':
      return 'not compressed';
    case 'sowt':
      return '';
    case 'fl32':
      return '32-bit floating point';
    case 'fl64':
      return '64-bit floating point';
    default:
      return type;
  }
}

/** One big-endian IFF chunk with its pad byte. */
export function iffChunk(id: string, body: Buffer, declared = body.length): Buffer {
  const header = Buffer.alloc(8);
  header.write(id.padEnd(4, ' ').slice(0, 4), 0, 'latin1');
  header.writeUInt32BE(declared >>> 0, 4);
  return Buffer.concat([header, body, body.length % 2 === 1 ? Buffer.alloc(1) : Buffer.alloc(0)]);
}

function aiffMetadataChunks(chunks: AiffChunks): Buffer[] {
  const out: Buffer[] = [];
  if (chunks.name !== undefined) out.push(iffChunk('NAME', Buffer.from(chunks.name, 'latin1')));
  if (chunks.author !== undefined) out.push(iffChunk('AUTH', Buffer.from(chunks.author, 'latin1')));
  if (chunks.annotation !== undefined)
    out.push(iffChunk('ANNO', Buffer.from(chunks.annotation, 'latin1')));
  if (chunks.id3) out.push(iffChunk('ID3 ', chunks.id3));
  if (chunks.inst) {
    const b = Buffer.alloc(20);
    b.writeInt8(chunks.inst.baseNote, 0);
    b.writeInt8(chunks.inst.lowNote ?? 0, 2);
    b.writeInt8(chunks.inst.highNote ?? 127, 3);
    b.writeInt8(1, 4);
    b.writeInt8(127, 5);
    out.push(iffChunk('INST', b));
  }
  if (chunks.basc) {
    const b = Buffer.alloc(84);
    const scales = { minor: 1, major: 2, neither: 3, both: 4 };
    const [num, den] = chunks.basc.meter ?? [4, 4];
    b.writeUInt32BE(1, 0);
    b.writeUInt32BE(chunks.basc.beats, 4);
    b.writeUInt16BE(chunks.basc.rootNote, 8);
    b.writeUInt16BE(scales[chunks.basc.scale ?? 'neither'], 10);
    b.writeUInt16BE(num, 12);
    b.writeUInt16BE(den, 14);
    b.writeUInt16BE(chunks.basc.loopType === 'one-shot' ? 1 : 0, 16);
    out.push(iffChunk('basc', b));
  }
  for (const extra of chunks.extra ?? []) out.push(iffChunk(extra.id, extra.data));
  return out;
}

// ---------------------------------------------------------------------------------------
// ID3v2

export interface Id3Options {
  /** 2, 3 (default) or 4. */
  version?: 2 | 3 | 4;
  /** Text encoding byte: 0 latin1, 1 UTF-16 with BOM, 2 UTF-16BE (v2.4), 3 UTF-8 (v2.4). Default 0 (v2.2/2.3), 3 (v2.4). */
  encoding?: 0 | 1 | 2 | 3;
  /** Zero padding after the frames. */
  padding?: number;
  /** Tag size to declare instead of the real one (e.g. an absurd size). */
  declaredSize?: number;
}

/**
 * An ID3v2 tag with the given frames: text frames by id ("TBPM": "120", "TIT2": "Name";
 * v2.2 ids like "TBP" with version 2), "COMM" (comment, language "eng", empty
 * description) and "TXXX:DESCRIPTION" (user text).
 */
export function id3v2Bytes(frames: Record<string, string>, options: Id3Options = {}): Buffer {
  const version = options.version ?? 3;
  const encoding = options.encoding ?? (version === 4 ? 3 : 0);
  const parts: Buffer[] = [];
  for (const [key, value] of Object.entries(frames)) {
    const [id = key, desc] = key.split(':');
    let body: Buffer;
    if (id === 'COMM' || id === 'COM') {
      body = Buffer.concat([
        Buffer.from([encoding]),
        Buffer.from('eng', 'latin1'),
        encodeText('', encoding, true),
        encodeText(value, encoding, false),
      ]);
    } else if (id === 'TXXX' || id === 'TXX') {
      body = Buffer.concat([
        Buffer.from([encoding]),
        encodeText(desc ?? '', encoding, true),
        encodeText(value, encoding, false),
      ]);
    } else {
      body = Buffer.concat([Buffer.from([encoding]), encodeText(value, encoding, false)]);
    }
    parts.push(id3Frame(id, body, version));
  }
  parts.push(Buffer.alloc(options.padding ?? 0));
  const tagBody = Buffer.concat(parts);
  const header = Buffer.alloc(10);
  header.write('ID3', 0, 'latin1');
  header[3] = version;
  writeSyncsafe(options.declaredSize ?? tagBody.length, header, 6);
  return Buffer.concat([header, tagBody]);
}

function encodeText(text: string, encoding: number, terminate: boolean): Buffer {
  let bytes: Buffer;
  if (encoding === 1)
    bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  else if (encoding === 2) bytes = Buffer.from(text, 'utf16le').swap16();
  else bytes = Buffer.from(text, encoding === 3 ? 'utf8' : 'latin1');
  const nul = encoding === 1 || encoding === 2 ? 2 : 1;
  return terminate ? Buffer.concat([bytes, Buffer.alloc(nul)]) : bytes;
}

function id3Frame(id: string, body: Buffer, version: number): Buffer {
  if (version === 2) {
    const h = Buffer.alloc(6);
    h.write(id.slice(0, 3), 0, 'latin1');
    h.writeUIntBE(body.length, 3, 3);
    return Buffer.concat([h, body]);
  }
  const h = Buffer.alloc(10);
  h.write(id.slice(0, 4), 0, 'latin1');
  if (version === 4) writeSyncsafe(body.length, h, 4);
  else h.writeUInt32BE(body.length, 4);
  return Buffer.concat([h, body]);
}

function writeSyncsafe(value: number, buf: Buffer, offset: number): void {
  for (let i = 0; i < 4; i++) buf[offset + i] = (value >>> (7 * (3 - i))) & 0x7f;
}

// ---------------------------------------------------------------------------------------
// Temp folders

export interface TempDir {
  path: string;
  /** Writes bytes (or text) to a file below the folder, creating sub-folders; returns its path. */
  write(name: string, content: Buffer | string): string;
  /** Removes the folder and everything in it. */
  cleanup(): void;
}

/** A fresh folder under the OS temp dir. Call cleanup() in afterAll/afterEach. */
export function makeTempDir(prefix = 'samplemind-test-'): TempDir {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return {
    path,
    write(name, content) {
      const file = join(path, name);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
      return file;
    },
    cleanup() {
      rmSync(path, { recursive: true, force: true });
    },
  };
}
