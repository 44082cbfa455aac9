import { AppError } from '../../../shared/result';
import { defaultLayout } from './channelLayout';
import { readIeeeExtended } from './ieeeExtended';
import type { PcmEncoding } from './pcmEncoding';
import type { PcmLayout } from './pcmLayout';
import type { ByteSource } from './types';

const MAX_CHUNKS = 10_000;

function fourcc(b: Uint8Array, at: number): string {
  return String.fromCharCode(b[at] ?? 0, b[at + 1] ?? 0, b[at + 2] ?? 0, b[at + 3] ?? 0);
}

function encodingFor(compression: string, sampleSize: number): PcmEncoding {
  const bytes = Math.ceil(sampleSize / 8);
  const intBytes = (): 1 | 2 | 3 | 4 => {
    if (bytes >= 1 && bytes <= 4) return bytes as 1 | 2 | 3 | 4;
    throw new AppError('UNSUPPORTED_FORMAT', `${sampleSize}-bit AIFF is not supported`);
  };
  switch (compression) {
    case 'NONE':
    case 'twos':
      return { sampleFormat: 'int', bytesPerSample: intBytes(), bigEndian: true };
    case 'sowt':
      return { sampleFormat: 'int', bytesPerSample: intBytes(), bigEndian: false };
    case 'raw ':
      return { sampleFormat: 'uint', bytesPerSample: 1, bigEndian: true };
    case 'in24':
      return { sampleFormat: 'int', bytesPerSample: 3, bigEndian: true };
    case '42ni':
      return { sampleFormat: 'int', bytesPerSample: 3, bigEndian: false };
    case 'in32':
      return { sampleFormat: 'int', bytesPerSample: 4, bigEndian: true };
    case '23ni':
      return { sampleFormat: 'int', bytesPerSample: 4, bigEndian: false };
    case 'fl32':
    case 'FL32':
      return { sampleFormat: 'float', bytesPerSample: 4, bigEndian: true };
    case 'fl64':
    case 'FL64':
      return { sampleFormat: 'float', bytesPerSample: 8, bigEndian: true };
    default:
      throw new AppError(
        'UNSUPPORTED_FORMAT',
        `AIFC compression '${compression.trim()}' is not supported`,
      );
  }
}

/** Walks the chunks of an AIFF/AIFC file (COMM + SSND) and returns where the PCM lies. */
export async function parseAiffHeader(src: ByteSource): Promise<PcmLayout> {
  const head = await src.read(0, 12);
  if (head.length < 12) throw new AppError('TRUNCATED_FILE', 'file ends inside the FORM header');
  const isAifc = fourcc(head, 8) === 'AIFC';
  const warnings: string[] = [];
  let comm: {
    channels: number;
    frames: number;
    sampleSize: number;
    sampleRate: number;
    compression: string;
  } | null = null;
  let dataOffset = -1;
  let dataSize = 0;
  let pos = 12;
  for (let n = 0; n < MAX_CHUNKS && pos + 8 <= src.size; n++) {
    const h = await src.read(pos, 8);
    const id = fourcc(h, 0);
    const size = new DataView(h.buffer, h.byteOffset, 8).getUint32(4, false);
    const body = pos + 8;
    if (id === 'COMM') {
      const b = await src.read(body, Math.min(size, 64));
      if (b.length < 18) throw new AppError('CORRUPT_FILE', 'AIFF COMM chunk is too short');
      const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
      comm = {
        channels: v.getInt16(0, false),
        frames: v.getUint32(2, false),
        sampleSize: v.getInt16(6, false),
        sampleRate: readIeeeExtended(b, 8),
        compression: isAifc && b.length >= 22 ? fourcc(b, 18) : 'NONE',
      };
    } else if (id === 'SSND') {
      const b = await src.read(body, 8);
      const offset =
        b.length >= 4 ? new DataView(b.buffer, b.byteOffset, b.byteLength).getUint32(0, false) : 0;
      dataOffset = body + 8 + offset;
      dataSize = Math.max(0, size - 8 - offset);
      if (comm) break;
    }
    pos = body + size + (size & 1);
  }
  if (!comm) {
    throw new AppError(
      pos !== src.size && pos + 8 > src.size ? 'TRUNCATED_FILE' : 'CORRUPT_FILE',
      'AIFF file has no COMM chunk',
    );
  }
  if (comm.channels <= 0) throw new AppError('CORRUPT_FILE', 'AIFF COMM declares no channels');
  if (!(comm.sampleRate > 0) || !Number.isFinite(comm.sampleRate)) {
    throw new AppError('CORRUPT_FILE', 'AIFF COMM declares an invalid sample rate');
  }
  const encoding = encodingFor(comm.compression, comm.sampleSize);
  const blockAlign = encoding.bytesPerSample * comm.channels;
  if (dataOffset < 0) {
    if (comm.frames === 0) {
      return finish(comm, encoding, blockAlign, 0, 0, 0, warnings);
    }
    throw new AppError(
      'TRUNCATED_FILE',
      'AIFF file has no SSND chunk (file ends before the audio)',
    );
  }
  const available = Math.max(0, src.size - dataOffset);
  const declaredFrames = comm.frames;
  let frames = Math.min(comm.frames, Math.floor(Math.min(dataSize, available) / blockAlign));
  if (Math.floor(dataSize / blockAlign) < comm.frames) {
    warnings.push(
      `SSND holds fewer frames than COMM declares (${Math.floor(dataSize / blockAlign)} < ${comm.frames})`,
    );
  }
  if (dataSize > available) {
    warnings.push(`truncated: SSND declares ${dataSize} bytes, file holds ${available}`);
  }
  frames = Math.max(0, frames);
  if (frames === 0 && declaredFrames > 0) {
    throw new AppError(
      'TRUNCATED_FILE',
      'AIFF SSND chunk is empty: the file was cut before the audio',
    );
  }
  return finish(comm, encoding, blockAlign, dataOffset, frames, declaredFrames, warnings);
}

function finish(
  comm: { channels: number; sampleSize: number; sampleRate: number },
  encoding: PcmEncoding,
  blockAlign: number,
  dataOffset: number,
  frames: number,
  declaredFrames: number,
  warnings: string[],
): PcmLayout {
  return {
    format: 'aiff',
    sampleRate: comm.sampleRate,
    channels: comm.channels,
    encoding,
    bitDepth: encoding.sampleFormat === 'float' ? encoding.bytesPerSample * 8 : comm.sampleSize,
    blockAlign,
    dataOffset,
    frames,
    declaredFrames,
    layout: defaultLayout(comm.channels),
    warnings,
  };
}
