/**
 * Turns a row of calibrated class probabilities into a decision: always the top class,
 * with a tier saying how far it can be trusted — `sure` at or above the class's sure
 * threshold, `likely` at or above its likely threshold, otherwise `guess` — and the top
 * candidates. A later check (silence, invalid samples …) may still veto the class:
 * `withoutClass` keeps the candidates and drops class and tier together.
 */
import type { ClassTier, SampleClass } from '../../../shared/taxonomy';

export interface ClassCandidate {
  class: SampleClass;
  p: number;
}

export interface Classification {
  /** The top class; null only where a check vetoed it (withoutClass). */
  class: SampleClass | null;
  /** How far the class can be trusted; null exactly when class is null. */
  tier: ClassTier | null;
  /** Probability of the top class (calibrated). */
  confidence: number;
  /** The most probable classes, best first. */
  candidates: ClassCandidate[];
}

/** One confidence for every class, or one per class (in `classes` order). */
export type Threshold = number | readonly number[];

export interface TierThresholds {
  /** At or above: `sure`. */
  sure: Threshold;
  /** At or above (and below sure): `likely`; below: `guess`. */
  likely: Threshold;
}

function thresholdOf(t: Threshold, index: number): number {
  return typeof t === 'number' ? t : (t[index] ?? 1);
}

/** The tier of probability `p` for the class at `index`. */
export function tierOf(p: number, index: number, thresholds: TierThresholds): ClassTier {
  if (p >= thresholdOf(thresholds.sure, index)) return 'sure';
  if (p >= thresholdOf(thresholds.likely, index)) return 'likely';
  return 'guess';
}

export function decide(
  probs: ArrayLike<number>,
  classes: readonly SampleClass[],
  thresholds: TierThresholds,
  topK = 3,
): Classification {
  if (probs.length !== classes.length) {
    throw new RangeError(`expected ${classes.length} probabilities, got ${probs.length}`);
  }
  const candidates = Array.from(classes, (c, i) => ({ class: c, p: probs[i] as number }))
    .sort((a, b) => b.p - a.p)
    .slice(0, Math.max(1, topK));
  const top = candidates[0] as ClassCandidate;
  return {
    class: top.class,
    tier: tierOf(top.p, classes.indexOf(top.class), thresholds),
    confidence: top.p,
    candidates,
  };
}

/** The same decision with its class vetoed (candidates kept for the record). */
export function withoutClass<T extends Pick<Classification, 'class' | 'tier'>>(c: T): T {
  return { ...c, class: null, tier: null };
}

