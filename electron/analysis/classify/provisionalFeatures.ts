/**
 * TEMPORARY — the classifier's provisional feature vector.
 *
 * The analysis engine's own vector (electron/analysis/vector, `featureVector` of an
 * AnalysisResult) had not landed with an `analyzeFile` entry point when the classifier's
 * training pipeline was built, so this file computes a vector from the engine's committed
 * building blocks (decoder, excerpt mixer, STFT frame features, envelope, onsets) to let
 * the pipeline run end to end. It MUST be replaced by the engine's vector: train with
 * `--features engine` once it exists, and delete this file (see models/MODEL_CARD.md).
 *
 * Everything is level-independent (a gain change does not move the vector) and reads the
 * first PROVISIONAL_EXCERPT_SEC seconds of the mono mix.
 */
import { openAudio } from '../decode/openAudio';
import { envelopeFeatures } from '../features/envelope';
import { analyzeFrames, BAND_COUNT, MFCC_COUNT } from '../features/frameAnalysis';
import { detectOnsets } from '../features/onsets';
import { ExcerptCollector } from '../stream/excerptCollector';
import { spectralProfile } from './spectralProfile';

export const PROVISIONAL_FEATURE_VERSION = 'provisional-4';
export const PROVISIONAL_EXCERPT_SEC = 6;
const ENV_TIMES = [0.005, 0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64];

const log10 = (v: number, floor: number) => Math.log10(Math.max(floor, v));
const clampDb = (db: number) => Math.max(-120, Math.min(0, db)) / 120;

/** Mean strength of the strongest autocorrelation peak (40 Hz–1.5 kHz) and its frequency. */
export function periodicity(x: Float32Array, sampleRate: number, from: number): [number, number] {
  const step = Math.max(1, Math.round(sampleRate / 11025));
  const rate = sampleRate / step;
  const n = 1024;
  const minLag = Math.max(2, Math.floor(rate / 1500));
  const maxLag = Math.min(n - 1, Math.ceil(rate / 40));
  const frame = new Float64Array(n);
  let strength = 0;
  let bestF0 = 0;
  let best = -1;
  let used = 0;
  for (const offsetSec of [0.05, 0.15, 0.3]) {
    const start = from + Math.round(offsetSec * sampleRate);
    if (start + n * step > x.length) break;
    let e = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = 0; k < step; k++) s += x[start + i * step + k] as number;
      frame[i] = s / step;
      e += (frame[i] as number) ** 2;
    }
    if (e <= 1e-12) continue;
    let peak = 0;
    let peakLag = 0;
    for (let lag = minLag; lag <= maxLag; lag++) {
      let r = 0;
      let e1 = 0;
      let e2 = 0;
      for (let i = 0; i + lag < n; i++) {
        const a = frame[i] as number;
        const b = frame[i + lag] as number;
        r += a * b;
        e1 += a * a;
        e2 += b * b;
      }
      const nr = r / Math.sqrt(e1 * e2 + 1e-20);
      if (nr > peak) {
        peak = nr;
        peakLag = lag;
      }
    }
    strength += peak;
    used++;
    if (peak > best) {
      best = peak;
      bestF0 = peakLag > 0 ? rate / peakLag : 0;
    }
  }
  return used > 0 ? [strength / used, bestF0] : [0, 0];
}

/** The provisional vector of a mono excerpt; `durationSec` is the whole file's length. */
export function provisionalFeatureVector(
  input: Float32Array,
  sampleRate: number,
  durationSec: number,
): Float32Array {
  // Peak-normalise first: the log-mel floor would otherwise make MFCCs depend on level.
  let inPeak = 0;
  for (const v of input) inPeak = Math.max(inPeak, Math.abs(v));
  const x = inPeak > 0 ? input.map((v) => v / inPeak) : input;
  const out: number[] = [];
  const env = envelopeFeatures(x, sampleRate);
  out.push(
    log10(durationSec, 1e-3) / 2,
    log10(env.attackSec + 1e-4, 1e-4) / 4,
    log10(env.decaySec + 1e-3, 1e-3) / 3,
    log10(env.tailSec + 1e-3, 1e-3) / 3,
    log10(env.effectiveLengthSec + 1e-3, 1e-3) / 3,
    env.temporalCentroidSec / Math.max(1e-3, x.length / sampleRate),
    clampDb(env.endLevelDb),
    clampDb(env.startLevelDb),
  );
  for (const t of ENV_TIMES) {
    const w = env.peakIndex + Math.round(t * env.rate);
    const v = w < env.env.length ? (env.env[w] as number) : 0;
    out.push(clampDb(env.peak > 0 ? 20 * Math.log10(Math.max(v, 1e-12) / env.peak) : -120));
  }

  const f = analyzeFrames(x, sampleRate);
  let maxE = 0;
  let peakFrame = 0;
  for (let t = 0; t < f.frames; t++) {
    if ((f.energy[t] as number) > maxE) {
      maxE = f.energy[t] as number;
      peakFrame = t;
    }
  }
  const active: number[] = [];
  for (let t = 0; t < f.frames; t++) if ((f.energy[t] as number) > maxE * 1e-5) active.push(t);
  if (active.length === 0) active.push(0);
  const early = active.filter((t) => t >= peakFrame && (t - peakFrame) / f.frameRate <= 0.06);
  const lateAll = active.filter((t) => (t - peakFrame) / f.frameRate >= 0.2);
  const late = lateAll.length > 0 ? lateAll : early;
  const mfccMean = (frames: number[], from: number): number[] =>
    Array.from({ length: MFCC_COUNT - from }, (_, j) => {
      let s = 0;
      for (const t of frames) s += f.mfcc[t * MFCC_COUNT + j + from] as number;
      return s / Math.max(1, frames.length) / 20;
    });
  // MFCC 0 is the log level: keep only its spread, not its mean.
  out.push(...mfccMean(active, 1));
  const means = mfccMean(active, 0).map((m) => m * 20);
  for (let j = 0; j < MFCC_COUNT; j++) {
    let v = 0;
    for (const t of active)
      v += ((f.mfcc[t * MFCC_COUNT + j] as number) - (means[j] as number)) ** 2;
    out.push(Math.sqrt(v / active.length) / 10);
  }
  out.push(...mfccMean(early.length > 0 ? early : active, 1), ...mfccMean(late, 1));

  let wSum = 0;
  let cMean = 0;
  let rMean = 0;
  let flat = 0;
  let flux = 0;
  const bands = new Float64Array(BAND_COUNT);
  for (const t of active) {
    const w = f.energy[t] as number;
    wSum += w;
    cMean += w * log10(f.centroid[t] as number, 20);
    rMean += w * log10(f.rolloff[t] as number, 20);
    flat += f.flatness[t] as number;
    flux += f.flux[t] as number;
    for (let b = 0; b < BAND_COUNT; b++)
      bands[b] = (bands[b] as number) + (f.bands[t * BAND_COUNT + b] as number);
  }
  cMean /= wSum || 1;
  rMean /= wSum || 1;
  let cVar = 0;
  let flatVar = 0;
  for (const t of active) {
    cVar +=
      ((f.energy[t] as number) / (wSum || 1)) * (log10(f.centroid[t] as number, 20) - cMean) ** 2;
    flatVar += ((f.flatness[t] as number) - flat / active.length) ** 2;
  }
  const centroidOf = (frames: number[]) => {
    let s = 0;
    let w = 0;
    for (const t of frames) {
      s += (f.energy[t] as number) * log10(f.centroid[t] as number, 20);
      w += f.energy[t] as number;
    }
    return w > 0 ? s / w : cMean;
  };
  const bandTotal = bands.reduce((a, b) => a + b, 0) || 1;
  out.push(
    (cMean - 1.3) / 3,
    Math.sqrt(cVar),
    (rMean - 1.3) / 3,
    flat / active.length,
    Math.sqrt(flatVar / active.length),
    (centroidOf(early.length > 0 ? early : active) - 1.3) / 3,
    (centroidOf(late) - 1.3) / 3,
    flux / active.length / 10,
    ...Array.from(bands, (b) => b / bandTotal),
  );

  const onsets = detectOnsets(f.flux, f.frameRate);
  const excerptSec = Math.max(1e-3, x.length / sampleRate);
  let zc = 0;
  let peak = 0;
  let sq = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (i > 0 && v >= 0 !== (x[i - 1] as number) >= 0) zc++;
    peak = Math.max(peak, Math.abs(v));
    sq += v * v;
  }
  const rms = Math.sqrt(sq / Math.max(1, x.length));
  const [pitchStrength, f0] = periodicity(
    x,
    sampleRate,
    Math.round((env.peakIndex / env.rate) * sampleRate),
  );
  out.push(
    Math.log1p(onsets.length) / 3,
    Math.log1p(onsets.length / excerptSec) / 3,
    Math.sqrt(zc / Math.max(1, x.length)),
    rms > 0 ? (20 * Math.log10(peak / rms)) / 40 : 0,
    pitchStrength,
    f0 > 0 ? log10(f0, 20) - 2 : 0,
    ...spectralProfile(x, sampleRate),
  );
  return Float32Array.from(out, (v) => (Number.isFinite(v) ? v : 0));
}

export const PROVISIONAL_FEATURE_LENGTH = provisionalFeatureVector(
  new Float32Array(4410),
  44100,
  0.1,
).length;

/** Decodes the first PROVISIONAL_EXCERPT_SEC s of a file and returns its provisional vector. */
export async function provisionalFeaturesOfFile(path: string): Promise<Float32Array> {
  const source = await openAudio(path);
  try {
    const { sampleRate, channels } = source.info;
    const excerpt = new ExcerptCollector(
      sampleRate,
      channels,
      PROVISIONAL_EXCERPT_SEC,
      source.info.declaredFrames,
    );
    let frames = 0;
    for await (const block of source.blocks()) {
      excerpt.push(block);
      frames += block.frames;
      if (excerpt.full && source.info.declaredFrames !== null) {
        frames = source.info.declaredFrames;
        break;
      }
    }
    return provisionalFeatureVector(excerpt.result(), excerpt.analysisRate, frames / sampleRate);
  } finally {
    await source.close();
  }
}
