import { BitReader, OutOfData } from './bitReader';
import { crc16 } from './crc';
import type { FlacFrameHeader } from './frameHeader';

/** A frame that cannot be decoded (bad subframe, bad CRC-16): the caller skips it. */
export class BadFrame extends Error {}

/** Largest sample size decoded here: prediction sums stay exact in float64 up to it. */
export const MAX_FLAC_BITS = 24;

/**
 * Decodes the subframes of one FLAC frame (RFC 9639 §9.2–9.3) into integer samples held
 * in float64 (exact: 24-bit samples, 15-bit coefficients, 32 taps stay below 2^53),
 * undoes the stereo decorrelation, and writes float samples (sample / 2^(bits − 1)) into
 * the caller's channel arrays. Working buffers are reused from frame to frame.
 */
export class FlacFrameDecoder {
  private readonly reader = new BitReader();
  private work: Float64Array[] = [];
  private readonly coefs = new Float64Array(32);

  /**
   * Decodes the frame whose header (already parsed) starts at `at`. Writes its samples
   * to out[c][offset …]. Returns the byte index just past the frame (CRC-16 included).
   * Throws OutOfData when the bytes end inside the frame, BadFrame when it is damaged.
   */
  decode(
    bytes: Uint8Array,
    at: number,
    end: number,
    h: FlacFrameHeader,
    out: Float32Array[],
    offset: number,
  ): number {
    if (h.bitsPerSample > MAX_FLAC_BITS) throw new BadFrame(`${h.bitsPerSample}-bit samples`);
    const r = this.reader;
    r.reset(bytes, at + h.length, end);
    const n = h.blockSize;
    while (this.work.length < h.channels) this.work.push(new Float64Array(4608));
    for (let c = 0; c < h.channels; c++) {
      if ((this.work[c] as Float64Array).length < n) this.work[c] = new Float64Array(n);
      const side =
        (h.assignment === 8 && c === 1) ||
        (h.assignment === 9 && c === 0) ||
        (h.assignment === 10 && c === 1);
      this.subframe(this.work[c] as Float64Array, n, h.bitsPerSample + (side ? 1 : 0));
    }
    r.alignToByte();
    const crcAt = r.bytePos;
    const stored = r.read(16);
    if (crc16(bytes, at, crcAt) !== stored) throw new BadFrame('frame CRC mismatch');
    this.output(h, out, offset);
    return crcAt + 2;
  }

  private output(h: FlacFrameHeader, out: Float32Array[], offset: number): void {
    const n = h.blockSize;
    const scale = 1 / 2 ** (h.bitsPerSample - 1);
    const a = this.work[0] as Float64Array;
    if (h.assignment <= 7) {
      for (let c = 0; c < h.channels; c++) {
        const s = this.work[c] as Float64Array;
        const o = out[c] as Float32Array;
        for (let i = 0; i < n; i++) o[offset + i] = (s[i] as number) * scale;
      }
      return;
    }
    const b = this.work[1] as Float64Array;
    const l = out[0] as Float32Array;
    const rt = out[1] as Float32Array;
    if (h.assignment === 8) {
      // left, side: right = left − side
      for (let i = 0; i < n; i++) {
        const left = a[i] as number;
        l[offset + i] = left * scale;
        rt[offset + i] = (left - (b[i] as number)) * scale;
      }
    } else if (h.assignment === 9) {
      // side, right: left = side + right
      for (let i = 0; i < n; i++) {
        const right = b[i] as number;
        l[offset + i] = ((a[i] as number) + right) * scale;
        rt[offset + i] = right * scale;
      }
    } else {
      // mid, side: mid·2 + (side & 1) = left + right
      for (let i = 0; i < n; i++) {
        const side = b[i] as number;
        const sum = (a[i] as number) * 2 + (side & 1);
        l[offset + i] = ((sum + side) / 2) * scale;
        rt[offset + i] = ((sum - side) / 2) * scale;
      }
    }
  }

  private subframe(s: Float64Array, n: number, bits: number): void {
    const r = this.reader;
    if (r.read(1) !== 0) throw new BadFrame('subframe padding bit set');
    const type = r.read(6);
    let wasted = 0;
    if (r.read(1) === 1) wasted = r.unary() + 1;
    const bps = bits - wasted;
    if (bps <= 0) throw new BadFrame('more wasted bits than bits');
    if (type === 0) {
      const v = r.readSigned(bps);
      s.fill(v, 0, n);
    } else if (type === 1) {
      for (let i = 0; i < n; i++) s[i] = r.readSigned(bps);
    } else if (type >= 8 && type <= 12) {
      const order = type - 8;
      if (order > n) throw new BadFrame('predictor order above the block size');
      for (let i = 0; i < order; i++) s[i] = r.readSigned(bps);
      this.residual(s, n, order);
      fixedPredict(s, n, order);
    } else if (type >= 32) {
      const order = (type & 31) + 1;
      if (order > n) throw new BadFrame('predictor order above the block size');
      for (let i = 0; i < order; i++) s[i] = r.readSigned(bps);
      const precision = r.read(4) + 1;
      if (precision === 16) throw new BadFrame('invalid coefficient precision');
      const shift = r.readSigned(5);
      if (shift < 0) throw new BadFrame('negative LPC shift');
      const c = this.coefs;
      for (let j = 0; j < order; j++) c[j] = r.readSigned(precision);
      this.residual(s, n, order);
      lpcPredict(s, n, order, c, 1 / 2 ** shift);
    } else throw new BadFrame(`reserved subframe type ${type}`);
    if (wasted > 0) {
      const m = 2 ** wasted;
      for (let i = 0; i < n; i++) s[i] = (s[i] as number) * m;
    }
  }

  private residual(s: Float64Array, n: number, order: number): void {
    const r = this.reader;
    const method = r.read(2);
    if (method > 1) throw new BadFrame('reserved residual coding method');
    const paramBits = method === 0 ? 4 : 5;
    const escape = method === 0 ? 15 : 31;
    const partOrder = r.read(4);
    const per = n >> partOrder;
    if (per << partOrder !== n || per < order) throw new BadFrame('bad partition order');
    let i = order;
    for (let p = 0, parts = 1 << partOrder; p < parts; p++) {
      const count = p === 0 ? per - order : per;
      const k = r.read(paramBits);
      if (k === escape) {
        const raw = r.read(5);
        for (let j = 0; j < count; j++) s[i + j] = r.readSigned(raw);
      } else r.rice(s, i, count, k);
      i += count;
    }
  }
}

function fixedPredict(s: Float64Array, n: number, order: number): void {
  switch (order) {
    case 1:
      for (let i = 1; i < n; i++) s[i] = (s[i] as number) + (s[i - 1] as number);
      break;
    case 2:
      for (let i = 2; i < n; i++)
        s[i] = (s[i] as number) + 2 * (s[i - 1] as number) - (s[i - 2] as number);
      break;
    case 3:
      for (let i = 3; i < n; i++)
        s[i] =
          (s[i] as number) +
          3 * (s[i - 1] as number) -
          3 * (s[i - 2] as number) +
          (s[i - 3] as number);
      break;
    case 4:
      for (let i = 4; i < n; i++)
        s[i] =
          (s[i] as number) +
          4 * (s[i - 1] as number) -
          6 * (s[i - 2] as number) +
          4 * (s[i - 3] as number) -
          (s[i - 4] as number);
      break;
    default:
      break;
  }
}

/**
 * s[i] += ⌊Σ c[j]·s[i−1−j] / 2^shift⌋ (an arithmetic right shift, as in the reference
 * decoder). Every term is an integer below 2^53, so the order of the additions does not
 * change the sum: the terms on older samples are added first and only c[0]·s[i−1], on
 * the sample just decoded, waits for the previous step. Orders up to 12 (all that
 * encoders' presets use) run unrolled over 4, 8 or 12 taps, the coefficients past the
 * order set to 0 (an exact 0 term), after a short start in the plain loop.
 */
function lpcPredict(
  s: Float64Array,
  n: number,
  order: number,
  c: Float64Array,
  scale: number,
): void {
  const taps = order <= 4 ? 4 : order <= 8 ? 8 : order <= 12 ? 12 : order;
  c.fill(0, order, taps);
  const c0 = c[0] as number;
  let prev = s[order - 1] as number;
  const start = Math.min(n, taps);
  for (let i = order; i < start; i++) {
    let rest = 0;
    for (let j = 1; j < order; j++) rest += (c[j] as number) * (s[i - 1 - j] as number);
    prev = (s[i] as number) + Math.floor((rest + c0 * prev) * scale);
    s[i] = prev;
  }
  const c1 = c[1] as number,
    c2 = c[2] as number,
    c3 = c[3] as number;
  if (taps === 4) {
    for (let i = 4; i < n; i++) {
      const rest =
        c1 * (s[i - 2] as number) + (c2 * (s[i - 3] as number) + c3 * (s[i - 4] as number));
      prev = (s[i] as number) + Math.floor((rest + c0 * prev) * scale);
      s[i] = prev;
    }
    return;
  }
  const c4 = c[4] as number,
    c5 = c[5] as number,
    c6 = c[6] as number,
    c7 = c[7] as number;
  if (taps === 8) {
    for (let i = 8; i < n; i++) {
      const rest =
        c1 * (s[i - 2] as number) +
        c2 * (s[i - 3] as number) +
        (c3 * (s[i - 4] as number) + c4 * (s[i - 5] as number)) +
        (c5 * (s[i - 6] as number) + c6 * (s[i - 7] as number) + c7 * (s[i - 8] as number));
      prev = (s[i] as number) + Math.floor((rest + c0 * prev) * scale);
      s[i] = prev;
    }
    return;
  }
  if (taps === 12) {
    const c8 = c[8] as number,
      c9 = c[9] as number,
      c10 = c[10] as number,
      c11 = c[11] as number;
    for (let i = 12; i < n; i++) {
      const rest =
        c1 * (s[i - 2] as number) +
        c2 * (s[i - 3] as number) +
        (c3 * (s[i - 4] as number) + c4 * (s[i - 5] as number)) +
        (c5 * (s[i - 6] as number) + c6 * (s[i - 7] as number) + c7 * (s[i - 8] as number)) +
        (c8 * (s[i - 9] as number) +
          c9 * (s[i - 10] as number) +
          (c10 * (s[i - 11] as number) + c11 * (s[i - 12] as number)));
      prev = (s[i] as number) + Math.floor((rest + c0 * prev) * scale);
      s[i] = prev;
    }
    return;
  }
  for (let i = start; i < n; i++) {
    let rest = 0;
    for (let j = 1; j < order; j++) rest += (c[j] as number) * (s[i - 1 - j] as number);
    prev = (s[i] as number) + Math.floor((rest + c0 * prev) * scale);
    s[i] = prev;
  }
}

export { OutOfData };
