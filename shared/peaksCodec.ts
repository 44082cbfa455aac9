/**
 * Binary layout of waveform peaks (pure code: no Node APIs, so the renderer can use it).
 *
 *   offset  size  field
 *   0       4     magic "SMPK"
 *   4       1     version (1)
 *   5       1     channels stored (1 or 2; multichannel files store one mixed envelope)
 *   6       1     level count
 *   7       1     sample format (1 = int8, value / 127 = amplitude, ±127 = full scale)
 *   8       4     frames of the source (u32 LE, saturating)
 *   12      4     sample rate of the source (u32 LE)
 *   16      4·L   bucket count of each level (u32 LE), ascending
 *   then, for each level, for each channel: bucketCount × (min int8, max int8)
 */
export const PEAKS_MAGIC = 'SMPK';
export const PEAKS_VERSION = 1;

export interface PeakLevel {
  buckets: number;
  /** Per stored channel: interleaved min, max (int8, ±127 = full scale). */
  data: Int8Array[];
}

export interface Peaks {
  channels: number;
  frames: number;
  sampleRate: number;
  levels: PeakLevel[];
}

export function encodePeaks(peaks: Peaks): Uint8Array {
  const header = 16 + 4 * peaks.levels.length;
  const body = peaks.levels.reduce((n, l) => n + l.buckets * 2 * peaks.channels, 0);
  const out = new Uint8Array(header + body);
  const v = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) out[i] = PEAKS_MAGIC.charCodeAt(i);
  out[4] = PEAKS_VERSION;
  out[5] = peaks.channels;
  out[6] = peaks.levels.length;
  out[7] = 1;
  v.setUint32(8, Math.min(0xffffffff, peaks.frames), true);
  v.setUint32(12, Math.round(peaks.sampleRate), true);
  peaks.levels.forEach((l, i) => v.setUint32(16 + 4 * i, l.buckets, true));
  let o = header;
  for (const level of peaks.levels) {
    for (let c = 0; c < peaks.channels; c++) {
      const d = level.data[c];
      if (!d || d.length !== level.buckets * 2)
        throw new RangeError('peak level data has the wrong size');
      out.set(new Uint8Array(d.buffer, d.byteOffset, d.length), o);
      o += d.length;
    }
  }
  return out;
}

export function decodePeaks(bytes: Uint8Array): Peaks {
  if (bytes.length < 16) throw new RangeError('peaks blob too short');
  for (let i = 0; i < 4; i++) {
    if (bytes[i] !== PEAKS_MAGIC.charCodeAt(i)) throw new RangeError('not a peaks blob');
  }
  if (bytes[4] !== PEAKS_VERSION) throw new RangeError(`unknown peaks version ${bytes[4]}`);
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const channels = bytes[5] as number;
  const count = bytes[6] as number;
  const frames = v.getUint32(8, true);
  const sampleRate = v.getUint32(12, true);
  let o = 16 + 4 * count;
  const levels: PeakLevel[] = [];
  for (let i = 0; i < count; i++) {
    const buckets = v.getUint32(16 + 4 * i, true);
    const data: Int8Array[] = [];
    for (let c = 0; c < channels; c++) {
      if (o + buckets * 2 > bytes.length) throw new RangeError('peaks blob truncated');
      data.push(new Int8Array(bytes.buffer, bytes.byteOffset + o, buckets * 2).slice());
      o += buckets * 2;
    }
    levels.push({ buckets, data });
  }
  return { channels, frames, sampleRate, levels };
}

/** The coarsest level with at least `width` buckets (or the finest there is). */
export function levelForWidth(peaks: Peaks, width: number): PeakLevel | null {
  for (const l of peaks.levels) if (l.buckets >= width) return l;
  return peaks.levels[peaks.levels.length - 1] ?? null;
}
