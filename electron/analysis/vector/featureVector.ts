import type { AnalysisFields } from '../../../shared/contract/analysis';

/**
 * The classifier / similarity feature vector. Fixed length, every dimension a documented
 * fixed transform of a stored field (no dataset statistics), so it can be recomputed from
 * the stored JSON. Version 1 layout — append-only: never reorder or change a dimension
 * without bumping FEATURE_VECTOR_VERSION (docs/analysis.md lists every dimension).
 */
export const FEATURE_VECTOR_VERSION = 1;

function clamp01(v: number): number {
  return Number.isFinite(v) ? Math.max(0, Math.min(1, v)) : 0;
}
function clamp11(v: number): number {
  return Number.isFinite(v) ? Math.max(-1, Math.min(1, v)) : 0;
}
/** log10 mapped linearly from [lo, hi] to [0, 1]. */
function logScale(v: number, lo: number, hi: number, floor = 1e-6): number {
  return clamp01((Math.log10(Math.max(floor, v)) - lo) / (hi - lo));
}
/** Frequency on a log axis, 20 Hz → 0, 20 kHz → 1. */
function freq(hz: number): number {
  return hz > 0 ? clamp01(Math.log10(hz / 20) / 3) : 0;
}
function db(v: number, floor: number): number {
  return clamp01((v - floor) / -floor);
}

export interface VectorDimension {
  name: string;
  compute(a: AnalysisFields): number;
}

const MFCC = Array.from({ length: 13 }, (_, i) => i);
const ENV_MS = [5, 10, 20, 40, 80, 160, 320, 640];

export const FEATURE_DIMENSIONS: VectorDimension[] = [
  { name: 'duration (log10 s, 0.01 s…300 s)', compute: (a) => logScale(a.durationSec, -2, 2.5) },
  {
    name: 'attack (log10 s, 0.1 ms…3 s)',
    compute: (a) => logScale(a.descriptors.attackSec + 1e-4, -4, 0.5),
  },
  {
    name: 'decay −20 dB (log10 s, 1 ms…30 s)',
    compute: (a) => logScale(a.descriptors.decaySec + 1e-3, -3, 1.5),
  },
  {
    name: 'tail −60 dB (log10 s, 1 ms…30 s)',
    compute: (a) => logScale(a.descriptors.tailSec + 1e-3, -3, 1.5),
  },
  {
    name: 'effective length (log10 s, 1 ms…30 s)',
    compute: (a) => logScale(a.descriptors.effectiveLengthSec + 1e-3, -3, 1.5),
  },
  {
    name: 'temporal centroid / excerpt',
    compute: (a) => clamp01(a.descriptors.temporalCentroidSec / Math.max(1e-3, a.excerptSec)),
  },
  { name: 'end level (dB re peak, −120…0)', compute: (a) => db(a.descriptors.endLevelDb, -120) },
  { name: 'spectral centroid (log Hz)', compute: (a) => freq(a.descriptors.spectralCentroidHz) },
  {
    name: 'centroid std (Hz / 5000)',
    compute: (a) => clamp01(a.descriptors.spectralCentroidStdHz / 5000),
  },
  { name: 'spectral flatness', compute: (a) => clamp01(a.descriptors.spectralFlatness) },
  { name: 'roll-off 85 % (log Hz)', compute: (a) => freq(a.descriptors.spectralRolloffHz) },
  { name: 'sub share (< 80 Hz)', compute: (a) => clamp01(a.descriptors.subRatio) },
  { name: 'low share (< 250 Hz)', compute: (a) => clamp01(a.descriptors.lowRatio) },
  { name: 'mid share (250 Hz–4 kHz)', compute: (a) => clamp01(a.descriptors.midRatio) },
  { name: 'high share (> 4 kHz)', compute: (a) => clamp01(a.descriptors.highRatio) },
  { name: 'air share (> 10 kHz)', compute: (a) => clamp01(a.descriptors.airRatio) },
  {
    name: 'zero-crossing rate (sqrt)',
    compute: (a) => clamp01(Math.sqrt(a.descriptors.zeroCrossingRate)),
  },
  {
    name: 'onset rate (log2(1 + per s) / 5)',
    compute: (a) => clamp01(Math.log2(1 + a.descriptors.onsetRate) / 5),
  },
  { name: 'crest factor (dB / 40)', compute: (a) => clamp01(a.descriptors.crestFactorDb / 40) },
  {
    name: 'integrated loudness ((LUFS + 70) / 70; silent = 0)',
    compute: (a) => (a.lufs === null ? 0 : clamp01((a.lufs + 70) / 70)),
  },
  {
    name: 'true peak ((dBTP + 60) / 60; silent = 0)',
    compute: (a) => (a.truePeakDb === null ? 0 : clamp01((a.truePeakDb + 60) / 60)),
  },
  { name: 'stereo width (mono = 0)', compute: (a) => clamp01(a.descriptors.stereoWidth ?? 0) },
  {
    name: 'stereo correlation ((r + 1) / 2; mono = 1)',
    compute: (a) => clamp01(((a.descriptors.stereoCorrelation ?? 1) + 1) / 2),
  },
  { name: 'pitch confidence', compute: (a) => clamp01(a.descriptors.pitchConfidence) },
  { name: 'kind (loop = 1)', compute: (a) => (a.kind === 'loop' ? 1 : 0) },
  {
    name: 'clipping (log10(1 + samples) / 5)',
    compute: (a) => clamp01(Math.log10(1 + a.descriptors.clippedSamples) / 5),
  },
  { name: '|DC offset| × 10', compute: (a) => clamp01(Math.abs(a.descriptors.dcOffset) * 10) },
  ...MFCC.map((i) => ({
    name: i === 0 ? 'MFCC 0 mean ((c + 150) / 170)' : `MFCC ${i} mean (c / 20, clamped ±1)`,
    compute: (a: AnalysisFields): number => {
      const c = a.descriptors.mfccMean[i] ?? 0;
      return i === 0 ? clamp01((c + 150) / 170) : clamp11(c / 20);
    },
  })),
  ...MFCC.map((i) => ({
    name: `MFCC ${i} std (s / 10)`,
    compute: (a: AnalysisFields): number => clamp01((a.descriptors.mfccStd[i] ?? 0) / 10),
  })),
  ...ENV_MS.map((ms, i) => ({
    name: `envelope ${ms} ms after peak ((dB + 120) / 120)`,
    compute: (a: AnalysisFields): number => db(a.descriptors.envelopeDb[i] ?? -120, -120),
  })),
  { name: 'attack centroid (log Hz)', compute: (a) => freq(a.descriptors.centroidEarlyHz) },
  { name: 'late centroid (log Hz)', compute: (a) => freq(a.descriptors.centroidLateHz) },
  {
    name: 'tempo (BPM / 250; none = 0)',
    compute: (a) => (a.bpm === null ? 0 : clamp01(a.bpm / 250)),
  },
];

export const FEATURE_VECTOR_LENGTH = FEATURE_DIMENSIONS.length;

/** The feature vector of an analysis (length FEATURE_VECTOR_LENGTH, values in [−1, 1]). */
export function featureVector(a: AnalysisFields): Float32Array {
  const out = new Float32Array(FEATURE_VECTOR_LENGTH);
  FEATURE_DIMENSIONS.forEach((d, i) => {
    out[i] = d.compute(a);
  });
  return out;
}
