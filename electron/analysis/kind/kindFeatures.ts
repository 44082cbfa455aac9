import type { EnvelopeFeatures } from '../features/envelope';
import type { TempoEstimate } from '../tempo/estimateTempo';
import { envelopePeaks } from './envelopePeaks';

/** Audio facts the one-shot / loop decision looks at. */
export interface KindAudio {
  durationSec: number;
  /** Onset times (s). */
  onsets: number[];
  /** Onset strength at each onset, relative to the strongest (0 … 1); not used by model v2. */
  onsetStrengths: number[];
  envelope: EnvelopeFeatures;
  /** Tempo found under the loop hypothesis (circular autocorrelation + bar fit), if any. */
  tempo: TempoEstimate | null;
}

/** Share of onsets within 25 ms of the 16th-note grid of `bpm` starting at 0. */
export function gridFit(onsets: number[], bpm: number): number {
  if (onsets.length === 0) return 0;
  const step = 60 / bpm / 4;
  let on = 0;
  for (const t of onsets) {
    const d = Math.abs(t / step - Math.round(t / step)) * step;
    if (d <= 0.025) on++;
  }
  return on / onsets.length;
}

/** Mean envelope (dB re peak) of the last quarter minus that of the second quarter. */
export function lateDecayDb(env: EnvelopeFeatures): number {
  const n = env.env.length;
  if (n < 8 || env.peak <= 0) return 0;
  const mean = (a: number, b: number): number => {
    let s = 0;
    for (let i = a; i < b; i++) s += (env.env[i] as number) ** 2;
    return 10 * Math.log10(Math.max(1e-12, s / Math.max(1, b - a)) / (env.peak * env.peak));
  };
  return (
    Math.max(-120, mean(Math.floor((3 * n) / 4), n)) -
    Math.max(-120, mean(Math.floor(n / 4), Math.floor(n / 2)))
  );
}

/**
 * Version 2 (analyzer 1.1.0): the two onset counts from spectral flux (all onsets, strong
 * onsets) gave way to the envelope event count — a sustained pad's slowly changing timbre
 * produced up to 16 flux onsets and read as a loop.
 */
export const KIND_FEATURE_NAMES = [
  'log2 duration',
  'end level (dB / 20)',
  'late decay (dB / 20)',
  'tempo periodicity',
  'grid fit',
  'envelope events (6 dB prominence, capped at 16) / 4',
] as const;

export function kindFeatures(a: KindAudio): number[] {
  const t = a.tempo;
  return [
    Math.log2(Math.max(0.01, a.durationSec)),
    Math.max(-120, a.envelope.endLevelDb) / 20,
    Math.max(-60, lateDecayDb(a.envelope)) / 20,
    t ? t.periodicity : 0,
    t ? gridFit(a.onsets, t.bpm) : 0,
    Math.min(16, envelopePeaks(a.envelope)) / 4,
  ];
}
