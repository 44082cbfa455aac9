import { AppError } from '../../../shared/result';
import type { AudioSource } from '../decode/types';
import { LoudnessMeter, type LoudnessResult } from '../loudness/loudnessMeter';
import { TruePeakMeter } from '../loudness/truePeak';
import { scrubNonFinite } from '../quality/nonFinite';
import { PeakBuilder } from '../peaks/peakBuilder';
import type { Peaks } from '../peaks/peaksCodec';
import { ExcerptCollector, EXCERPT_SECONDS } from './excerptCollector';
import { SignalStats, type SignalStatsResult } from './signalStats';

export interface StreamMeasurements {
  frames: number;
  loudness: LoudnessResult;
  truePeak: number;
  samplePeak: number;
  peaks: Peaks;
  stats: SignalStatsResult;
  /** NaN / ±Infinity samples found (and replaced with 0 before any meter saw them). */
  nonFinite: number;
  /** Mono mix of the first `excerptSeconds` at `analysisRate`. */
  excerpt: Float32Array;
  analysisRate: number;
  /** True when the excerpt holds the whole file. */
  excerptIsWhole: boolean;
}

export interface MeasureOptions {
  excerptSeconds?: number;
  signal?: AbortSignal;
  /** Called after each decoded block (a sign of progress for the pool's hang limit). */
  onProgress?: () => void;
}

/**
 * One pass over the decoded blocks feeding every whole-file meter (loudness, true peak,
 * peaks, statistics) and the bounded excerpt the other features use. Memory stays
 * bounded whatever the length of the file.
 */
export async function measureStream(
  source: AudioSource,
  opts: MeasureOptions = {},
): Promise<StreamMeasurements> {
  const { sampleRate, channels, layout, declaredFrames } = source.info;
  const loud = new LoudnessMeter(sampleRate, layout);
  const tp = new TruePeakMeter(sampleRate, channels);
  const peaks = new PeakBuilder(channels, sampleRate, declaredFrames);
  const stats = new SignalStats(channels);
  const excerpt = new ExcerptCollector(
    sampleRate,
    channels,
    opts.excerptSeconds ?? EXCERPT_SECONDS,
    declaredFrames,
  );
  let frames = 0;
  let nonFinite = 0;
  for await (const block of source.blocks()) {
    if (opts.signal?.aborted) throw new AppError('CANCELLED', 'analysis cancelled');
    if (block.frames === 0) continue;
    nonFinite += scrubNonFinite(block);
    loud.push(block);
    tp.push(block);
    peaks.push(block);
    stats.push(block);
    excerpt.push(block);
    frames += block.frames;
    opts.onProgress?.();
  }
  return {
    frames,
    loudness: loud.result(),
    truePeak: tp.truePeakLinear,
    samplePeak: tp.samplePeakLinear,
    peaks: peaks.result(),
    stats: stats.result(),
    nonFinite,
    excerpt: excerpt.result(),
    analysisRate: excerpt.analysisRate,
    excerptIsWhole:
      !excerpt.full || frames <= Math.ceil((opts.excerptSeconds ?? EXCERPT_SECONDS) * sampleRate),
  };
}
