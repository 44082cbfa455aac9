import { AppError } from '../result';

/** How PCM samples are stored in a WAV/AIFF payload. */
export interface PcmEncoding {
  sampleFormat: 'int' | 'uint' | 'float';
  bytesPerSample: 1 | 2 | 3 | 4 | 8;
  bigEndian: boolean;
}

/** The encoding an ffmpeg-style PCM codec name (pcm_s16le, pcm_f32be, pcm_u8 …) stands for. */
export function pcmEncodingOf(codec: string): PcmEncoding {
  const m = /^pcm_([suf])(8|16|24|32|64)(le|be)?$/.exec(codec);
  const bytes = m ? Number(m[2]) / 8 : 0;
  const kind = m?.[1];
  const valid =
    kind === 'f'
      ? bytes === 4 || bytes === 8
      : kind === 'u'
        ? bytes === 1
        : bytes >= 1 && bytes <= 4;
  if (!m || !valid) throw new AppError('UNSUPPORTED_FORMAT', `no PCM decoder for ${codec}`);
  return {
    sampleFormat: kind === 'f' ? 'float' : kind === 'u' ? 'uint' : 'int',
    bytesPerSample: bytes as PcmEncoding['bytesPerSample'],
    bigEndian: m[3] === 'be',
  };
}

/** ffmpeg-style codec name, e.g. pcm_s24le, pcm_f32be, pcm_u8. */
export function pcmCodecName(enc: PcmEncoding): string {
  const bits = enc.bytesPerSample * 8;
  if (enc.sampleFormat === 'uint') return `pcm_u${bits}`;
  const kind = enc.sampleFormat === 'float' ? 'f' : 's';
  if (bits === 8) return `pcm_${kind}8`;
  return `pcm_${kind}${bits}${enc.bigEndian ? 'be' : 'le'}`;
}

/**
 * Converts `frames` interleaved frames of PCM bytes into planar floats in [-1, 1).
 * `out[c]` must hold at least `frames` samples. No allocation for aligned little-endian
 * 16/32-bit and float data; 24-bit and big-endian data are read byte by byte.
 */
export function decodePcm(
  bytes: Uint8Array,
  enc: PcmEncoding,
  channels: number,
  frames: number,
  out: Float32Array[],
): void {
  const bps = enc.bytesPerSample;
  const stride = bps * channels;
  if (bytes.length < frames * stride) throw new RangeError('not enough PCM bytes for the frames');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const le = !enc.bigEndian;
  for (let c = 0; c < channels; c++) {
    const dst = out[c];
    if (!dst) throw new RangeError(`no output array for channel ${c}`);
    let p = c * bps;
    if (enc.sampleFormat === 'float') {
      if (bps === 4) {
        for (let i = 0; i < frames; i++, p += stride) dst[i] = view.getFloat32(p, le);
      } else {
        for (let i = 0; i < frames; i++, p += stride) dst[i] = view.getFloat64(p, le);
      }
      continue;
    }
    switch (bps) {
      case 1:
        if (enc.sampleFormat === 'uint') {
          for (let i = 0; i < frames; i++, p += stride) dst[i] = ((bytes[p] as number) - 128) / 128;
        } else {
          for (let i = 0; i < frames; i++, p += stride) dst[i] = view.getInt8(p) / 128;
        }
        break;
      case 2:
        for (let i = 0; i < frames; i++, p += stride) dst[i] = view.getInt16(p, le) / 32768;
        break;
      case 3:
        if (le) {
          for (let i = 0; i < frames; i++, p += stride) {
            const v =
              (bytes[p] as number) |
              ((bytes[p + 1] as number) << 8) |
              ((bytes[p + 2] as number) << 16);
            dst[i] = ((v << 8) >> 8) / 8388608;
          }
        } else {
          for (let i = 0; i < frames; i++, p += stride) {
            const v =
              ((bytes[p] as number) << 16) |
              ((bytes[p + 1] as number) << 8) |
              (bytes[p + 2] as number);
            dst[i] = ((v << 8) >> 8) / 8388608;
          }
        }
        break;
      case 4:
        for (let i = 0; i < frames; i++, p += stride) dst[i] = view.getInt32(p, le) / 2147483648;
        break;
      default:
        throw new RangeError(`unsupported integer sample size ${bps * 8}`);
    }
  }
}
