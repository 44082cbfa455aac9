import type { QualityWarning } from '../../../shared/contract/analysis';

/**
 * Whether a decoded file holds anything to label. A file that is silent (digital silence,
 * dither, a bare DC offset), too short (a few samples, isolated clicks) or holds NaN /
 * Infinity samples gets a warning, and no class, tempo, key or root note — never a
 * confident label on nothing.
 */
export interface SignalEvidence {
  frames: number;
  sampleRate: number;
  /** Bits per sample of integer PCM / FLAC; null for float and lossy data. */
  bitDepth: number | null;
  /** Half the peak-to-peak excursion of the widest channel (SignalStats.swing). */
  swing: number;
  /** NaN / ±Infinity samples in the file. */
  nonFinite: number;
  /** Time the sound is within 30 dB of its peak (quality/activeSeconds.ts). */
  activeSec: number;
}

/** Quieter than this (peak excursion around the DC level, dBFS) is silence: dither, hum of a muted input. */
export const SILENCE_PEAK_DB = -66;
/** … and never within this many steps of the file's integer quantiser (8-bit dither). */
export const SILENCE_LSB = 1.5;
/** Files shorter than this hold no sound to label (s). */
export const MIN_FILE_SEC = 0.01;
/** Sound within 30 dB of its peak for less than this is a click, not a sample (s). */
export const MIN_ACTIVE_SEC = 0.002;

/** The warnings that mean: nothing to label. */
export const NOTHING_TO_LABEL: readonly QualityWarning[] = [
  'silent',
  'too-short',
  'invalid-samples',
];

export function isUnlabelled(warnings: readonly string[]): boolean {
  return warnings.some((w) => (NOTHING_TO_LABEL as readonly string[]).includes(w));
}

export function assessSignal(e: SignalEvidence): QualityWarning[] {
  const out: QualityWarning[] = [];
  if (e.nonFinite > 0) out.push('invalid-samples');
  const lsb = e.bitDepth !== null && e.bitDepth <= 24 ? 2 ** (1 - e.bitDepth) : 0;
  const floor = Math.max(10 ** (SILENCE_PEAK_DB / 20), SILENCE_LSB * lsb);
  if (e.frames < MIN_FILE_SEC * e.sampleRate) out.push('too-short');
  else if (!(e.swing > floor)) out.push('silent');
  else if (e.activeSec < MIN_ACTIVE_SEC) out.push('too-short');
  return out;
}
