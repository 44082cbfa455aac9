/**
 * AIFF / AIFF-C to PCM, for playback: Chromium's decodeAudioData does not read AIFF,
 * which many sample packs ship. Integer PCM 8/16/24/32-bit (big-endian, or "sowt"
 * little-endian) and float 32/64 ("fl32"/"fl64"). Pure: bytes in, channels out.
 */
export interface DecodedPcm {
  sampleRate: number;
  channels: Float32Array[];
}

export function isAiff(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 12 &&
    ascii(bytes, 0, 4) === 'FORM' &&
    (ascii(bytes, 8, 4) === 'AIFF' || ascii(bytes, 8, 4) === 'AIFC')
  );
}

function ascii(b: Uint8Array, at: number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(b[at + i] ?? 0);
  return s;
}

/** IEEE 754 80-bit extended (the AIFF sample rate). */
export function readExtended(v: DataView, at: number): number {
  const expSign = v.getUint16(at);
  const hi = v.getUint32(at + 2);
  const lo = v.getUint32(at + 6);
  const sign = expSign & 0x8000 ? -1 : 1;
  const exp = expSign & 0x7fff;
  if (exp === 0 && hi === 0 && lo === 0) return 0;
  const mantissa = hi * 2 ** 32 + lo;
  return sign * mantissa * 2 ** (exp - 16383 - 63);
}

export function decodeAiff(bytes: Uint8Array): DecodedPcm {
  if (!isAiff(bytes)) throw new Error('not an AIFF file');
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const aifc = ascii(bytes, 8, 4) === 'AIFC';
  let channels = 0;
  let frames = 0;
  let bits = 0;
  let rate = 0;
  let compression = 'NONE';
  let dataAt = -1;
  let dataEnd = -1;
  let at = 12;
  while (at + 8 <= bytes.length) {
    const id = ascii(bytes, at, 4);
    const size = v.getUint32(at + 4);
    const body = at + 8;
    if (id === 'COMM') {
      channels = v.getUint16(body);
      frames = v.getUint32(body + 2);
      bits = v.getUint16(body + 6);
      rate = readExtended(v, body + 8);
      if (aifc && size >= 22) compression = ascii(bytes, body + 18, 4);
    } else if (id === 'SSND') {
      const offset = v.getUint32(body);
      dataAt = body + 8 + offset;
      dataEnd = Math.min(bytes.length, body + size);
    }
    at = body + size + (size % 2);
  }
  if (channels === 0 || rate <= 0) throw new Error('AIFF file without a usable COMM chunk');
  if (dataAt < 0) throw new Error('AIFF file without sound data');
  const kind = compression.toLowerCase();
  const float = kind === 'fl32' || kind === 'fl64';
  const little = compression === 'sowt';
  if (!float && !little && compression !== 'NONE' && compression !== 'twos')
    throw new Error(`AIFF-C compression "${compression}" is not supported for playback`);
  const width = float ? (kind === 'fl64' ? 8 : 4) : Math.ceil(bits / 8);
  if (width < 1 || width > 8) throw new Error(`unsupported AIFF sample size ${bits}`);
  const available = Math.floor((dataEnd - dataAt) / (width * channels));
  const n = Math.max(0, Math.min(frames, available));
  const out = Array.from({ length: channels }, () => new Float32Array(n));
  const scale = 2 ** (width * 8 - 1);
  let p = dataAt;
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < channels; c++) {
      let s: number;
      if (float) s = width === 8 ? v.getFloat64(p, little) : v.getFloat32(p, little);
      else if (width === 1) s = v.getInt8(p) / scale;
      else if (width === 2) s = v.getInt16(p, little) / scale;
      else if (width === 3) {
        const b0 = bytes[p]!;
        const b1 = bytes[p + 1]!;
        const b2 = bytes[p + 2]!;
        const u = little ? (b2 << 16) | (b1 << 8) | b0 : (b0 << 16) | (b1 << 8) | b2;
        s = (u & 0x800000 ? u - 0x1000000 : u) / scale;
      } else s = v.getInt32(p, little) / scale;
      out[c]![i] = s;
      p += width;
    }
  }
  return { sampleRate: rate, channels: out };
}
