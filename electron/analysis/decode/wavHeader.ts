import { AppError } from '../../../shared/result';
import { defaultLayout, layoutFromMask } from './channelLayout';
import type { PcmEncoding } from './pcmEncoding';
import type { PcmLayout } from './pcmLayout';
import type { ByteSource } from './types';

const WAVE_FORMAT_PCM = 0x0001;
const WAVE_FORMAT_IEEE_FLOAT = 0x0003;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;
const MAX_CHUNKS = 10_000;

interface Fmt {
  formatTag: number;
  channels: number;
  sampleRate: number;
  blockAlign: number;
  bitsPerSample: number;
  validBits: number;
  channelMask: number;
}

function fourcc(b: Uint8Array, at: number): string {
  return String.fromCharCode(b[at] ?? 0, b[at + 1] ?? 0, b[at + 2] ?? 0, b[at + 3] ?? 0);
}

function parseFmt(body: Uint8Array, bigEndian: boolean): Fmt {
  if (body.length < 16)
    throw new AppError('CORRUPT_FILE', 'WAV fmt chunk is shorter than 16 bytes');
  const v = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const le = !bigEndian;
  const fmt: Fmt = {
    formatTag: v.getUint16(0, le),
    channels: v.getUint16(2, le),
    sampleRate: v.getUint32(4, le),
    blockAlign: v.getUint16(12, le),
    bitsPerSample: v.getUint16(14, le),
    validBits: v.getUint16(14, le),
    channelMask: 0,
  };
  if (fmt.formatTag === WAVE_FORMAT_EXTENSIBLE) {
    if (body.length < 40) {
      throw new AppError(
        'CORRUPT_FILE',
        'WAVE_FORMAT_EXTENSIBLE fmt chunk is shorter than 40 bytes',
      );
    }
    const valid = v.getUint16(18, le);
    fmt.validBits = valid > 0 ? valid : fmt.bitsPerSample;
    fmt.channelMask = v.getUint32(20, le);
    // The sub-format GUID starts with the format tag it stands for.
    fmt.formatTag = v.getUint16(24, le);
  }
  return fmt;
}

function encodingOf(fmt: Fmt, bigEndian: boolean): PcmEncoding {
  // The container size comes from blockAlign when it is a sane one (e.g. 24 bits in 32);
  // otherwise from bitsPerSample rounded up to whole bytes.
  const container = fmt.channels > 0 ? (fmt.blockAlign / fmt.channels) * 8 : 0;
  const sane = [8, 16, 24, 32, 64].includes(container) && container >= fmt.bitsPerSample;
  const bits = sane ? container : Math.ceil(fmt.bitsPerSample / 8) * 8;
  if (fmt.formatTag === WAVE_FORMAT_IEEE_FLOAT) {
    if (bits !== 32 && bits !== 64) {
      throw new AppError('UNSUPPORTED_FORMAT', `${bits}-bit float WAV is not supported`);
    }
    return { sampleFormat: 'float', bytesPerSample: bits === 32 ? 4 : 8, bigEndian };
  }
  if (fmt.formatTag !== WAVE_FORMAT_PCM) {
    throw new AppError(
      'UNSUPPORTED_FORMAT',
      `WAV format tag 0x${fmt.formatTag.toString(16).padStart(4, '0')} (compressed WAV) is not supported`,
    );
  }
  if (bits === 8) return { sampleFormat: 'uint', bytesPerSample: 1, bigEndian };
  if (bits === 16 || bits === 24 || bits === 32) {
    return { sampleFormat: 'int', bytesPerSample: (bits / 8) as 2 | 3 | 4, bigEndian };
  }
  throw new AppError('UNSUPPORTED_FORMAT', `${bits}-bit integer WAV is not supported`);
}

/**
 * Walks the RIFF/RIFX/RF64/BW64 chunks of a WAV file with positional reads and returns
 * where the PCM data lies. Tolerates truncated data chunks (reporting a warning), odd
 * chunk padding, data chunks sized 0 or 0xFFFFFFFF by streaming writers, and chunks after
 * the data. Throws AppError with TRUNCATED_FILE / CORRUPT_FILE / UNSUPPORTED_FORMAT.
 */
export async function parseWavHeader(src: ByteSource): Promise<PcmLayout> {
  const head = await src.read(0, 12);
  if (head.length < 12) throw new AppError('TRUNCATED_FILE', 'file ends inside the RIFF header');
  const magic = fourcc(head, 0);
  const bigEndian = magic === 'RIFX';
  const le = !bigEndian;
  const warnings: string[] = [];
  let ds64DataSize: number | null = null;
  let fmt: Fmt | null = null;
  let dataOffset = -1;
  let dataSize = 0;
  let pos = 12;
  for (let n = 0; n < MAX_CHUNKS && pos + 8 <= src.size; n++) {
    const h = await src.read(pos, 8);
    const id = fourcc(h, 0);
    const size = new DataView(h.buffer, h.byteOffset, 8).getUint32(4, le);
    const body = pos + 8;
    if (id === 'ds64') {
      const b = await src.read(body, Math.min(size, 28));
      if (b.length >= 16) {
        const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
        ds64DataSize = Number(v.getBigUint64(8, true));
      }
    } else if (id === 'fmt ') {
      if (body + Math.min(size, 256) > src.size) {
        throw new AppError('TRUNCATED_FILE', 'file ends inside the WAV fmt chunk');
      }
      fmt = parseFmt(await src.read(body, Math.min(size, 256)), bigEndian);
    } else if (id === 'data') {
      dataOffset = body;
      const remaining = src.size - body;
      if (size === 0xffffffff && ds64DataSize !== null) dataSize = ds64DataSize;
      else if (size === 0xffffffff || (size === 0 && remaining > 0)) {
        dataSize = remaining;
        warnings.push('data chunk size not set; using the rest of the file');
      } else dataSize = size;
      if (fmt) break;
    }
    const next = body + size + (size & 1);
    if (id === 'data' && dataSize > size) break;
    pos = next;
  }
  if (!fmt) {
    throw new AppError(
      pos !== src.size && pos + 8 > src.size ? 'TRUNCATED_FILE' : 'CORRUPT_FILE',
      'WAV file has no fmt chunk',
    );
  }
  if (fmt.channels === 0) throw new AppError('CORRUPT_FILE', 'WAV fmt declares 0 channels');
  if (fmt.sampleRate === 0)
    throw new AppError('CORRUPT_FILE', 'WAV fmt declares a 0 Hz sample rate');
  const encoding = encodingOf(fmt, bigEndian);
  const blockAlign = encoding.bytesPerSample * fmt.channels;
  if (fmt.blockAlign !== blockAlign) {
    warnings.push(`fmt blockAlign ${fmt.blockAlign} corrected to ${blockAlign}`);
  }
  if (dataOffset < 0) {
    throw new AppError('TRUNCATED_FILE', 'WAV file has no data chunk (file ends before the audio)');
  }
  const available = Math.max(0, src.size - dataOffset);
  const declaredFrames = Math.floor(dataSize / blockAlign);
  let bytes = dataSize;
  if (dataSize > available) {
    warnings.push(`truncated: data chunk declares ${dataSize} bytes, file holds ${available}`);
    bytes = available;
  }
  const frames = Math.floor(bytes / blockAlign);
  if (frames === 0 && declaredFrames > 0) {
    throw new AppError(
      'TRUNCATED_FILE',
      'WAV data chunk is empty: the file was cut before the audio',
    );
  }
  const layout =
    fmt.channelMask !== 0
      ? layoutFromMask(fmt.channelMask, fmt.channels)
      : defaultLayout(fmt.channels);
  return {
    format: 'wav',
    sampleRate: fmt.sampleRate,
    channels: fmt.channels,
    encoding,
    bitDepth:
      encoding.sampleFormat === 'float'
        ? encoding.bytesPerSample * 8
        : Math.min(fmt.validBits, encoding.bytesPerSample * 8),
    blockAlign,
    dataOffset,
    frames,
    declaredFrames,
    layout,
    warnings,
  };
}
