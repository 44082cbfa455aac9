import type { AudioBlock, Speaker } from '../decode/types';
import { channelWeight } from './channelWeights';
import { kWeightingFilters, type Biquad } from './kWeighting';

export type LoudnessMethod = 'gated' | 'short' | 'silent';

export interface LoudnessResult {
  /** Integrated loudness in LUFS; null when the file is silent (below the −70 LUFS gate). */
  lufs: number | null;
  /**
   * 'gated': BS.1770-4 integrated loudness over 400 ms blocks (75 % overlap, −70 LUFS
   * absolute and −10 LU relative gates). 'short': the file is shorter than one 400 ms
   * block, so its loudness is the mean square over its own length (no zero padding),
   * still K-weighted and subject to the −70 LUFS gate. 'silent': nothing above the gate.
   */
  method: LoudnessMethod;
  /** Loudness of the loudest 400 ms block (max momentary loudness), or null. */
  maxMomentaryLufs: number | null;
  /** Number of 400 ms blocks measured. */
  blocks: number;
}

const ABSOLUTE_GATE = -70;
const RELATIVE_GATE = -10;

/** Saves a channel's filter state, flushing denormals so that silence after sound stays fast. */
function storeState(
  st: Float64Array,
  x1: number,
  x2: number,
  y1: number,
  y2: number,
  z1: number,
  z2: number,
): void {
  st[0] = x1;
  st[1] = x2;
  st[2] = Math.abs(y1) < 1e-30 ? 0 : y1;
  st[3] = Math.abs(y2) < 1e-30 ? 0 : y2;
  st[4] = Math.abs(z1) < 1e-30 ? 0 : z1;
  st[5] = Math.abs(z2) < 1e-30 ? 0 : z2;
}

function toLufs(meanSquare: number): number {
  return -0.691 + 10 * Math.log10(meanSquare);
}

/**
 * Streaming EBU R128 / BS.1770-4 loudness meter. Memory: one float per 100 ms of audio
 * (72 000 floats for a 2-hour file), so long files stay cheap.
 */
export class LoudnessMeter {
  private readonly filters: [Biquad, Biquad];
  private readonly weights: number[];
  /** Filter state per channel: x1, x2, y1, y2 of stage 1 and y1, y2 of stage 2. */
  private readonly state: Float64Array[];
  private readonly stepLen: number;
  private stepFill = 0;
  private readonly stepAcc: Float64Array;
  private steps = new Float64Array(1024);
  private stepCount = 0;
  private totalEnergy = 0;
  private totalFrames = 0;

  constructor(sampleRate: number, layout: Speaker[]) {
    this.filters = kWeightingFilters(sampleRate);
    this.weights = layout.map(channelWeight);
    this.state = layout.map(() => new Float64Array(6));
    this.stepLen = Math.max(1, Math.round(sampleRate / 10));
    this.stepAcc = new Float64Array(layout.length);
  }

  push(block: AudioBlock): void {
    let offset = 0;
    const stereo =
      this.weights.length === 2 &&
      block.channels.length >= 2 &&
      this.weights[0] !== 0 &&
      this.weights[1] !== 0;
    while (offset < block.frames) {
      const n = Math.min(block.frames - offset, this.stepLen - this.stepFill);
      if (stereo)
        this.filterPair(
          block.channels[0] as Float32Array,
          block.channels[1] as Float32Array,
          offset,
          n,
        );
      else {
        for (let c = 0; c < this.weights.length; c++) {
          const x = block.channels[c];
          if (!x || this.weights[c] === 0) continue;
          this.stepAcc[c] = (this.stepAcc[c] as number) + this.filterChannel(c, x, offset, n);
        }
      }
      this.stepFill += n;
      offset += n;
      if (this.stepFill === this.stepLen) this.closeStep();
    }
  }

  /** K-weights samples [offset, offset + n) of channel c; returns their sum of squares. */
  private filterChannel(c: number, x: Float32Array, offset: number, n: number): number {
    const [s, h] = this.filters;
    const { b0, b1, b2, a1, a2 } = s;
    const ha1 = h.a1;
    const ha2 = h.a2;
    const st = this.state[c] as Float64Array;
    let x1 = st[0] as number;
    let x2 = st[1] as number;
    let y1 = st[2] as number;
    let y2 = st[3] as number;
    let z1 = st[4] as number;
    let z2 = st[5] as number;
    let acc = 0;
    for (let i = offset, end = offset + n; i < end; i++) {
      const x0 = x[i] as number;
      const y0 = b0 * x0 + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
      const z0 = y0 - 2 * y1 + y2 - ha1 * z1 - ha2 * z2;
      x2 = x1;
      x1 = x0;
      y2 = y1;
      y1 = y0;
      z2 = z1;
      z1 = z0;
      acc += z0 * z0;
    }
    storeState(st, x1, x2, y1, y2, z1, z2);
    return acc;
  }

  /**
   * Both channels of a stereo pair in one loop: the same filters and sums, term for term,
   * as channel by channel (so the same values to the bit), as two independent recursions
   * the CPU overlaps.
   */
  private filterPair(l: Float32Array, r: Float32Array, offset: number, n: number): void {
    const [s, h] = this.filters;
    const { b0, b1, b2, a1, a2 } = s;
    const ha1 = h.a1;
    const ha2 = h.a2;
    const sl = this.state[0] as Float64Array;
    const sr = this.state[1] as Float64Array;
    let lx1 = sl[0] as number;
    let lx2 = sl[1] as number;
    let ly1 = sl[2] as number;
    let ly2 = sl[3] as number;
    let lz1 = sl[4] as number;
    let lz2 = sl[5] as number;
    let rx1 = sr[0] as number;
    let rx2 = sr[1] as number;
    let ry1 = sr[2] as number;
    let ry2 = sr[3] as number;
    let rz1 = sr[4] as number;
    let rz2 = sr[5] as number;
    let accL = 0;
    let accR = 0;
    for (let i = offset, end = offset + n; i < end; i++) {
      const lx0 = l[i] as number;
      const rx0 = r[i] as number;
      const ly0 = b0 * lx0 + b1 * lx1 + b2 * lx2 - a1 * ly1 - a2 * ly2;
      const ry0 = b0 * rx0 + b1 * rx1 + b2 * rx2 - a1 * ry1 - a2 * ry2;
      const lz0 = ly0 - 2 * ly1 + ly2 - ha1 * lz1 - ha2 * lz2;
      const rz0 = ry0 - 2 * ry1 + ry2 - ha1 * rz1 - ha2 * rz2;
      lx2 = lx1;
      lx1 = lx0;
      ly2 = ly1;
      ly1 = ly0;
      lz2 = lz1;
      lz1 = lz0;
      rx2 = rx1;
      rx1 = rx0;
      ry2 = ry1;
      ry1 = ry0;
      rz2 = rz1;
      rz1 = rz0;
      accL += lz0 * lz0;
      accR += rz0 * rz0;
    }
    storeState(sl, lx1, lx2, ly1, ly2, lz1, lz2);
    storeState(sr, rx1, rx2, ry1, ry2, rz1, rz2);
    this.stepAcc[0] = (this.stepAcc[0] as number) + accL;
    this.stepAcc[1] = (this.stepAcc[1] as number) + accR;
  }

  private closeStep(): void {
    let sum = 0;
    for (let c = 0; c < this.weights.length; c++) {
      sum += (this.weights[c] as number) * (this.stepAcc[c] as number);
      this.stepAcc[c] = 0;
    }
    if (this.stepCount === this.steps.length) {
      const bigger = new Float64Array(this.steps.length * 2);
      bigger.set(this.steps);
      this.steps = bigger;
    }
    this.steps[this.stepCount++] = sum;
    this.totalEnergy += sum;
    this.totalFrames += this.stepFill;
    this.stepFill = 0;
  }

  result(): LoudnessResult {
    const blocks = Math.max(0, this.stepCount - 3);
    if (blocks === 0) {
      // Shorter than one gating block: mean square over the file's own length.
      let energy = this.totalEnergy;
      for (let c = 0; c < this.weights.length; c++)
        energy += (this.weights[c] as number) * (this.stepAcc[c] as number);
      const frames = this.totalFrames + this.stepFill;
      const ms = frames > 0 ? energy / frames : 0;
      const lufs = ms > 0 ? toLufs(ms) : -Infinity;
      return lufs > ABSOLUTE_GATE
        ? { lufs, method: 'short', maxMomentaryLufs: lufs, blocks: 0 }
        : { lufs: null, method: 'silent', maxMomentaryLufs: null, blocks: 0 };
    }
    const blockLen = 4 * this.stepLen;
    const ms = new Float64Array(blocks);
    let maxMs = 0;
    for (let j = 0; j < blocks; j++) {
      const e =
        (this.steps[j] as number) +
        (this.steps[j + 1] as number) +
        (this.steps[j + 2] as number) +
        (this.steps[j + 3] as number);
      ms[j] = e / blockLen;
      if ((ms[j] as number) > maxMs) maxMs = ms[j] as number;
    }
    const absThreshold = 10 ** ((ABSOLUTE_GATE + 0.691) / 10);
    let sum = 0;
    let count = 0;
    for (let j = 0; j < blocks; j++) {
      const v = ms[j] as number;
      if (v > absThreshold) {
        sum += v;
        count++;
      }
    }
    if (count === 0) return { lufs: null, method: 'silent', maxMomentaryLufs: null, blocks };
    const relThreshold = (sum / count) * 10 ** (RELATIVE_GATE / 10);
    let gated = 0;
    let gatedCount = 0;
    for (let j = 0; j < blocks; j++) {
      const v = ms[j] as number;
      if (v > absThreshold && v > relThreshold) {
        gated += v;
        gatedCount++;
      }
    }
    return {
      lufs: toLufs(gated / gatedCount),
      method: 'gated',
      maxMomentaryLufs: toLufs(maxMs),
      blocks,
    };
  }
}
