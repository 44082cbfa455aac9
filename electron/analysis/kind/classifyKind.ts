import type { EmbeddedMetadata, NameHints } from '../../../shared/contract/library';
import type { ValueSource } from '../../../shared/contract/analysis';
import type { SampleKind } from '../../../shared/taxonomy';
import type { TempoEstimate } from '../tempo/estimateTempo';

export interface KindEvidence {
  durationSec: number;
  onsetCount: number;
  /** RMS of the last 50 ms relative to the peak (dB). */
  endLevelDb: number;
  /** Tempo found under the loop hypothesis (circular autocorrelation + bar fit), if any. */
  tempo: TempoEstimate | null;
  hints?: NameHints | undefined;
  embedded?: EmbeddedMetadata | undefined;
}

export interface KindDecision {
  kind: SampleKind;
  /** 0.5 … 1 */
  confidence: number;
  source: ValueSource;
  /** The audio score behind the decision (> 0 means loop); for the eval report. */
  score: number;
}

function logistic(v: number): number {
  return 1 / (1 + Math.exp(-v));
}

/** Audio evidence for "loop" (positive) versus "one-shot" (negative). */
export function loopScore(e: KindEvidence): number {
  let s = 0;
  const d = e.durationSec;
  if (d < 0.75) s -= 4;
  else if (d < 1.2) s -= 1.5;
  else if (d > 30) s += 1;
  s += Math.max(-1.5, Math.min(2, (e.onsetCount - 2) * 0.5));
  // Loops keep sounding to their last sample; one-shots die away.
  s += Math.max(-1.5, Math.min(1.5, (e.endLevelDb + 35) / 10));
  if (e.tempo) {
    s += 3 * (e.tempo.periodicity - 0.3);
    s += e.tempo.beats !== null ? 1 : -0.5;
  } else s -= 1;
  return s;
}

/**
 * One-shot or loop. File metadata wins (acid one-shot flag, acid beats), then words in
 * the name ("loop", "one shot", "hit"), then the audio: duration, onset count, whether
 * the sound dies away before the end, and periodic onsets spanning whole bars.
 */
export function classifyKind(e: KindEvidence): KindDecision {
  const score = loopScore(e);
  if (e.embedded?.oneShot === true)
    return { kind: 'one-shot', confidence: 0.95, source: 'embedded', score };
  if (e.embedded?.oneShot === false && (e.embedded.beats ?? 0) > 0) {
    return { kind: 'loop', confidence: 0.95, source: 'embedded', score };
  }
  if (e.hints?.loop && !e.hints.oneShot)
    return { kind: 'loop', confidence: 0.9, source: 'name', score };
  if (e.hints?.oneShot && !e.hints.loop)
    return { kind: 'one-shot', confidence: 0.9, source: 'name', score };
  const p = logistic(score);
  return p >= 0.5
    ? { kind: 'loop', confidence: p, source: 'audio', score }
    : { kind: 'one-shot', confidence: 1 - p, source: 'audio', score };
}
