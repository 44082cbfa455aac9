import type { Descriptors } from '../../../shared/contract/analysis';
import type { SignalStatsResult } from '../stream/signalStats';
import type { EnvelopeFeatures } from './envelope';
import { BAND_COUNT, MFCC_COUNT, type FrameFeatures } from './frameAnalysis';

export interface DescriptorInputs {
  frames: FrameFeatures;
  envelope: EnvelopeFeatures;
  stats: SignalStatsResult;
  excerpt: Float32Array;
  onsets: number[];
  excerptSec: number;
  samplePeak: number;
  pitchConfidence: number;
}

function round(v: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** Summarises frame, envelope and whole-file statistics into the stored descriptors. */
export function summarizeDescriptors(inp: DescriptorInputs): Descriptors {
  const { frames: f, envelope: env, stats } = inp;
  let maxE = 0;
  for (let t = 0; t < f.frames; t++) maxE = Math.max(maxE, f.energy[t] as number);
  const active = (t: number): boolean => (f.energy[t] as number) > maxE * 1e-5 && maxE > 0;
  let eSum = 0;
  let cW = 0;
  let rW = 0;
  let flatSum = 0;
  let n = 0;
  const bands = new Float64Array(BAND_COUNT);
  const mMean = new Float64Array(MFCC_COUNT);
  const mSq = new Float64Array(MFCC_COUNT);
  for (let t = 0; t < f.frames; t++) {
    if (!active(t)) continue;
    const e = f.energy[t] as number;
    eSum += e;
    cW += e * (f.centroid[t] as number);
    rW += e * (f.rolloff[t] as number);
    flatSum += f.flatness[t] as number;
    n++;
    for (let b = 0; b < BAND_COUNT; b++)
      bands[b] = (bands[b] as number) + (f.bands[t * BAND_COUNT + b] as number);
    for (let c = 0; c < MFCC_COUNT; c++) {
      const v = f.mfcc[t * MFCC_COUNT + c] as number;
      mMean[c] = (mMean[c] as number) + v;
      mSq[c] = (mSq[c] as number) + v * v;
    }
  }
  const centroid = eSum > 0 ? cW / eSum : 0;
  const peakFrame = Math.round((env.peakIndex / env.rate) * f.frameRate);
  const rangeCentroid = (from: number, to: number): number | null => {
    let w = 0;
    let c = 0;
    for (let t = Math.max(0, from); t < Math.min(f.frames, to); t++) {
      if (!active(t)) continue;
      w += f.energy[t] as number;
      c += (f.energy[t] as number) * (f.centroid[t] as number);
    }
    return w > 0 ? c / w : null;
  };
  const early =
    rangeCentroid(peakFrame, peakFrame + Math.max(1, Math.round(0.06 * f.frameRate))) ?? centroid;
  const late = rangeCentroid(peakFrame + Math.round(0.2 * f.frameRate), f.frames) ?? early;
  let cVar = 0;
  for (let t = 0; t < f.frames; t++) {
    if (!active(t)) continue;
    cVar += ((f.centroid[t] as number) - centroid) ** 2;
  }
  // Band shares of the 20 Hz – Nyquist energy: low + mid + high = 1.
  const total = (bands[1] as number) + (bands[2] as number) + (bands[3] as number);
  const share = (b: number): number => (total > 0 ? (bands[b] as number) / total : 0);
  const mfccMean: number[] = [];
  const mfccStd: number[] = [];
  for (let c = 0; c < MFCC_COUNT; c++) {
    const mean = n > 0 ? (mMean[c] as number) / n : 0;
    mfccMean.push(round(mean));
    mfccStd.push(round(n > 0 ? Math.sqrt(Math.max(0, (mSq[c] as number) / n - mean * mean)) : 0));
  }
  const x = inp.excerpt;
  // Sign changes counted without a branch (a noisy signal's signs defeat branch prediction).
  let zc = 0;
  let prev = +((x[0] as number) >= 0);
  for (let i = 1; i < x.length; i++) {
    const sign = +((x[i] as number) >= 0);
    zc += prev ^ sign;
    prev = sign;
  }
  const crest =
    stats.rms > 0 && inp.samplePeak > 0 ? 20 * Math.log10(inp.samplePeak / stats.rms) : 0;
  return {
    attackSec: round(env.attackSec),
    decaySec: round(env.decaySec),
    tailSec: round(env.tailSec),
    effectiveLengthSec: round(env.effectiveLengthSec),
    temporalCentroidSec: round(env.temporalCentroidSec),
    endLevelDb: round(env.endLevelDb, 2),
    envelopeDb: env.shapeDb.map((v) => round(v, 2)),
    spectralCentroidHz: round(centroid, 1),
    spectralCentroidStdHz: round(n > 0 ? Math.sqrt(cVar / n) : 0, 1),
    centroidEarlyHz: round(early, 1),
    centroidLateHz: round(late, 1),
    spectralFlatness: round(n > 0 ? flatSum / n : 0),
    spectralRolloffHz: round(eSum > 0 ? rW / eSum : 0, 1),
    subRatio: round(share(0)),
    lowRatio: round(share(1)),
    midRatio: round(share(2)),
    highRatio: round(share(3)),
    airRatio: round(share(4)),
    mfccMean,
    mfccStd,
    stereoWidth: stats.stereoWidth === null ? null : round(stats.stereoWidth),
    stereoCorrelation: stats.stereoCorrelation === null ? null : round(stats.stereoCorrelation),
    clippedSamples: stats.clippedSamples,
    zeroCrossingRate: round(x.length > 1 ? zc / (x.length - 1) : 0),
    onsetRate: round(inp.excerptSec > 0 ? inp.onsets.length / inp.excerptSec : 0, 3),
    onsetCount: inp.onsets.length,
    crestFactorDb: round(crest, 2),
    dcOffset: round(stats.dcOffset, 6),
    pitchConfidence: round(inp.pitchConfidence, 3),
  };
}
