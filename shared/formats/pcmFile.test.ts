import { describe, expect, it } from 'vitest';
import { AppError } from '../result';
import { readExtended } from './ieeeExtended';
import { decodePcmFile } from './pcmFile';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.code : `not an AppError: ${String(error)}`;
  }
  return 'no error';
}

/** Minimal AIFF writer for the tests (big-endian PCM or AIFF-C with a compression id). */
function aiff(opts: {
  channels: number[][];
  bits: number;
  rate?: number;
  compression?: string;
  offset?: number;
}): Uint8Array {
  const ch = opts.channels.length;
  const frames = opts.channels[0]!.length;
  const float = opts.compression === 'fl32' || opts.compression === 'fl64';
  const width = opts.compression === 'fl64' ? 8 : float ? 4 : opts.bits / 8;
  const little = opts.compression === 'sowt';
  const aifc = opts.compression !== undefined;
  const commSize = aifc ? 24 : 18;
  const offset = opts.offset ?? 0;
  const ssndSize = 8 + offset + frames * ch * width;
  const total = 12 + 8 + commSize + 8 + ssndSize;
  const buf = new ArrayBuffer(total + (ssndSize % 2));
  const v = new DataView(buf);
  const b = new Uint8Array(buf);
  const put = (at: number, s: string) => [...s].forEach((c, i) => (b[at + i] = c.charCodeAt(0)));
  put(0, 'FORM');
  v.setUint32(4, total - 8);
  put(8, aifc ? 'AIFC' : 'AIFF');
  put(12, 'COMM');
  v.setUint32(16, commSize);
  v.setUint16(20, ch);
  v.setUint32(22, frames);
  v.setUint16(26, opts.bits);
  // 80-bit extended sample rate.
  const rate = opts.rate ?? 44100;
  const e = Math.floor(Math.log2(rate));
  v.setUint16(28, e + 16383);
  const mant = rate / 2 ** e; // [1,2)
  v.setUint32(30, Math.floor(mant * 2 ** 31));
  v.setUint32(34, 0);
  if (aifc) put(38, opts.compression!.padEnd(4, ' '));
  let at = 20 + commSize;
  put(at, 'SSND');
  v.setUint32(at + 4, ssndSize);
  v.setUint32(at + 8, offset);
  v.setUint32(at + 12, 0);
  at += 16 + offset;
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < ch; c++) {
      const x = opts.channels[c]![i]!;
      if (float && width === 8) v.setFloat64(at, x);
      else if (float) v.setFloat32(at, x);
      else {
        const s = Math.round(x * (2 ** (opts.bits - 1) - 1));
        if (width === 1) v.setInt8(at, s);
        else if (width === 2) v.setInt16(at, s, little);
        else if (width === 3) {
          const u = s & 0xffffff;
          b[at] = u >> 16;
          b[at + 1] = (u >> 8) & 0xff;
          b[at + 2] = u & 0xff;
        } else v.setInt32(at, s, little);
      }
      at += width;
    }
  }
  return b;
}

const signal = [0, 0.5, -0.5, 0.25, -1];

describe('decoding a whole AIFF file in memory (renderer playback)', () => {
  it('reads the 80-bit sample rate', () => {
    const b = aiff({ channels: [signal], bits: 16, rate: 48000 });
    expect(readExtended(b, 28)).toBe(48000);
    expect(readExtended(new Uint8Array(10), 0)).toBe(0);
  });

  for (const bits of [8, 16, 24, 32]) {
    it(`decodes ${bits}-bit big-endian PCM`, () => {
      const d = decodePcmFile(aiff({ channels: [signal, signal.map((x) => -x)], bits }));
      expect(d.sampleRate).toBe(44100);
      expect(d.channels).toHaveLength(2);
      const tol = bits === 8 ? 0.02 : 1e-3;
      d.channels[0]!.forEach((x, i) => expect(Math.abs(x - signal[i]!)).toBeLessThan(tol));
      d.channels[1]!.forEach((x, i) => expect(Math.abs(x + signal[i]!)).toBeLessThan(tol));
    });
  }

  it('decodes AIFF-C sowt, fl32, fl64 and skips the SSND offset', () => {
    for (const compression of ['sowt', 'fl32', 'fl64', 'NONE']) {
      const bits = compression === 'fl64' ? 64 : compression === 'fl32' ? 32 : 16;
      const d = decodePcmFile(aiff({ channels: [signal], bits, compression, offset: 4 }));
      d.channels[0]!.forEach((x, i) => expect(Math.abs(x - signal[i]!)).toBeLessThan(1e-3));
    }
  });

  it('refuses what it cannot play', () => {
    expect(codeOf(() => decodePcmFile(new Uint8Array(20)))).toBe('NOT_AUDIO');
    const ulaw = aiff({ channels: [signal], bits: 16, compression: 'ulaw' });
    expect(() => decodePcmFile(ulaw)).toThrow(/AIFF-C with µ-law/);
    const noData = aiff({ channels: [signal], bits: 16 }).slice(0, 12 + 8 + 18);
    expect(() => decodePcmFile(noData)).toThrow(/before the SSND chunk/);
    const noComm = new Uint8Array(12);
    noComm.set([70, 79, 82, 77, 0, 0, 0, 4, 65, 73, 70, 70]);
    expect(() => decodePcmFile(noComm)).toThrow(/COMM/);
  });

  it('stops at the end of truncated data', () => {
    const b = aiff({ channels: [signal], bits: 16 });
    const cut = b.slice(0, b.length - 4);
    expect(decodePcmFile(cut).channels[0]!.length).toBe(3);
  });
});
