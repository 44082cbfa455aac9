/**
 * Writers for WAV / RF64 / AIFF / AIFC test files (tests and the eval set builder use
 * them; the app itself never writes audio).
 */
import { writeExtended } from '../../../shared/formats/ieeeExtended';

export type WavEncoding = 'u8' | 's16' | 's24' | 's32' | 'f32' | 'f64';

export interface WavOptions {
  sampleRate: number;
  channels: Float32Array[];
  encoding?: WavEncoding;
  /** Write WAVE_FORMAT_EXTENSIBLE with this channel mask (0 = none). */
  extensibleMask?: number;
  /** Write an RF64 file (ds64 chunk, 0xFFFFFFFF sizes). */
  rf64?: boolean;
  /** Extra chunks written before 'data' (id → body). */
  chunksBefore?: Array<[string, Uint8Array]>;
}

function bytesOf(enc: WavEncoding): number {
  return { u8: 1, s16: 2, s24: 3, s32: 4, f32: 4, f64: 8 }[enc];
}

function writeSample(view: DataView, p: number, v: number, enc: WavEncoding, le: boolean): void {
  const c = Math.max(-1, Math.min(1, v));
  switch (enc) {
    case 'u8':
      view.setUint8(p, Math.max(0, Math.min(255, Math.round(c * 128 + 128))));
      break;
    case 's16':
      view.setInt16(p, Math.max(-32768, Math.min(32767, Math.round(c * 32768))), le);
      break;
    case 's24': {
      const i = Math.max(-8388608, Math.min(8388607, Math.round(c * 8388608)));
      if (le) {
        view.setUint8(p, i & 0xff);
        view.setUint8(p + 1, (i >> 8) & 0xff);
        view.setUint8(p + 2, (i >> 16) & 0xff);
      } else {
        view.setUint8(p, (i >> 16) & 0xff);
        view.setUint8(p + 1, (i >> 8) & 0xff);
        view.setUint8(p + 2, i & 0xff);
      }
      break;
    }
    case 's32':
      view.setInt32(p, Math.max(-2147483648, Math.min(2147483647, Math.round(c * 2147483648))), le);
      break;
    case 'f32':
      view.setFloat32(p, v, le);
      break;
    case 'f64':
      view.setFloat64(p, v, le);
      break;
  }
}

function interleave(channels: Float32Array[], enc: WavEncoding, le: boolean): Uint8Array {
  const frames = channels[0]?.length ?? 0;
  const bps = bytesOf(enc);
  const out = new Uint8Array(frames * bps * channels.length);
  const view = new DataView(out.buffer);
  let p = 0;
  for (let i = 0; i < frames; i++) {
    for (const ch of channels) {
      writeSample(view, p, ch[i] as number, enc, le);
      p += bps;
    }
  }
  return out;
}

function chunk(id: string, body: Uint8Array, sizeOverride?: number, le = true): Uint8Array {
  const pad = body.length & 1;
  const out = new Uint8Array(8 + body.length + pad);
  for (let i = 0; i < 4; i++) out[i] = id.charCodeAt(i);
  new DataView(out.buffer).setUint32(4, sizeOverride ?? body.length, le);
  out.set(body, 8);
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export function wavFmtBody(
  channels: number,
  sampleRate: number,
  enc: WavEncoding,
  extensibleMask?: number,
): Uint8Array {
  const bps = bytesOf(enc);
  const isFloat = enc === 'f32' || enc === 'f64';
  const ext = extensibleMask !== undefined;
  const body = new Uint8Array(ext ? 40 : 16);
  const v = new DataView(body.buffer);
  v.setUint16(0, ext ? 0xfffe : isFloat ? 3 : 1, true);
  v.setUint16(2, channels, true);
  v.setUint32(4, sampleRate, true);
  v.setUint32(8, sampleRate * bps * channels, true);
  v.setUint16(12, bps * channels, true);
  v.setUint16(14, bps * 8, true);
  if (ext) {
    v.setUint16(16, 22, true);
    v.setUint16(18, bps * 8, true);
    v.setUint32(20, extensibleMask, true);
    v.setUint16(24, isFloat ? 3 : 1, true);
    // rest of the KSDATAFORMAT GUID: 00000000-0010-8000-00aa00389b71
    body.set(
      [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71],
      26,
    );
  }
  return body;
}

export function writeWav(opts: WavOptions): Uint8Array {
  const enc = opts.encoding ?? 's16';
  const fmt = wavFmtBody(opts.channels.length, opts.sampleRate, enc, opts.extensibleMask);
  const data = interleave(opts.channels, enc, true);
  const extra = (opts.chunksBefore ?? []).map(([id, body]) => chunk(id, body));
  if (!opts.rf64) {
    const parts = [chunk('fmt ', fmt), ...extra, chunk('data', data)];
    const body = concat(parts);
    const head = new Uint8Array(12);
    head.set([0x52, 0x49, 0x46, 0x46]);
    new DataView(head.buffer).setUint32(4, 4 + body.length, true);
    head.set([0x57, 0x41, 0x56, 0x45], 8);
    return concat([head, body]);
  }
  const ds64 = new Uint8Array(28);
  const dv = new DataView(ds64.buffer);
  const dataChunk = chunk('data', data, 0xffffffff);
  const fmtChunk = chunk('fmt ', fmt);
  const riffSize =
    4 + 36 + fmtChunk.length + extra.reduce((n, p) => n + p.length, 0) + dataChunk.length;
  dv.setBigUint64(0, BigInt(riffSize), true);
  dv.setBigUint64(8, BigInt(data.length), true);
  dv.setBigUint64(16, BigInt(opts.channels[0]?.length ?? 0), true);
  const head = new Uint8Array(12);
  head.set([0x52, 0x46, 0x36, 0x34]);
  new DataView(head.buffer).setUint32(4, 0xffffffff, true);
  head.set([0x57, 0x41, 0x56, 0x45], 8);
  return concat([head, chunk('ds64', ds64), fmtChunk, ...extra, dataChunk]);
}

export type AiffCompression = 'NONE' | 'sowt' | 'fl32' | 'fl64' | 'twos';

export interface AiffOptions {
  sampleRate: number;
  channels: Float32Array[];
  /** 8, 16, 24 or 32 for integer formats. */
  bits?: number;
  /** Omit for plain AIFF; set for AIFC. */
  compression?: AiffCompression;
}

export function writeAiff(opts: AiffOptions): Uint8Array {
  const aifc = opts.compression !== undefined;
  const comp = opts.compression ?? 'NONE';
  const bits = comp === 'fl32' ? 32 : comp === 'fl64' ? 64 : (opts.bits ?? 16);
  const frames = opts.channels[0]?.length ?? 0;
  const nch = opts.channels.length;
  const comm = new Uint8Array(aifc ? 24 : 18);
  const cv = new DataView(comm.buffer);
  cv.setInt16(0, nch, false);
  cv.setUint32(2, frames, false);
  cv.setInt16(6, bits, false);
  writeExtended(opts.sampleRate, comm, 8);
  if (aifc) {
    for (let i = 0; i < 4; i++) comm[18 + i] = comp.charCodeAt(i);
    comm[22] = 0; // empty pascal string + pad
    comm[23] = 0;
  }
  const bps = bits / 8;
  const data = new Uint8Array(frames * nch * bps);
  const dv = new DataView(data.buffer);
  const le = comp === 'sowt';
  let p = 0;
  for (let i = 0; i < frames; i++) {
    for (const ch of opts.channels) {
      const v = ch[i] as number;
      const c = Math.max(-1, Math.min(1, v));
      if (comp === 'fl32') dv.setFloat32(p, v, false);
      else if (comp === 'fl64') dv.setFloat64(p, v, false);
      else if (bits === 8) dv.setInt8(p, Math.max(-128, Math.min(127, Math.round(c * 128))));
      else if (bits === 16)
        dv.setInt16(p, Math.max(-32768, Math.min(32767, Math.round(c * 32768))), le);
      else if (bits === 24) {
        const s = Math.max(-8388608, Math.min(8388607, Math.round(c * 8388608)));
        const b = [(s >> 16) & 0xff, (s >> 8) & 0xff, s & 0xff];
        if (le) b.reverse();
        data.set(b, p);
      } else
        dv.setInt32(p, Math.max(-2147483648, Math.min(2147483647, Math.round(c * 2147483648))), le);
      p += bps;
    }
  }
  const ssndHead = new Uint8Array(8);
  const ssnd = concat([ssndHead, data]);
  const parts = [
    ...(aifc ? [chunk('FVER', new Uint8Array([0xa2, 0x80, 0x51, 0x40]), undefined, false)] : []),
    chunk('COMM', comm, undefined, false),
    chunk('SSND', ssnd, undefined, false),
  ];
  const body = concat(parts);
  const head = new Uint8Array(12);
  head.set([0x46, 0x4f, 0x52, 0x4d]);
  new DataView(head.buffer).setUint32(4, 4 + body.length, false);
  const kind = aifc ? 'AIFC' : 'AIFF';
  for (let i = 0; i < 4; i++) head[8 + i] = kind.charCodeAt(i);
  return concat([head, body]);
}
