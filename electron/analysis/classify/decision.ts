/**
 * Turns a row of calibrated class probabilities into a decision: the top class when its
 * probability reaches the threshold, otherwise `null` — never a confident wrong label —
 * and always the top candidates.
 */
import type { SampleClass } from '../../../shared/taxonomy';

export interface ClassCandidate {
  class: SampleClass;
  p: number;
}

export interface Classification {
  /** The class, or null when the model is not confident enough. */
  class: SampleClass | null;
  /** Probability of the top class (calibrated). */
  confidence: number;
  /** The most probable classes, best first. */
  candidates: ClassCandidate[];
}

export function decide(
  probs: ArrayLike<number>,
  classes: readonly SampleClass[],
  threshold: number,
  topK = 3,
): Classification {
  if (probs.length !== classes.length) {
    throw new RangeError(`expected ${classes.length} probabilities, got ${probs.length}`);
  }
  const candidates = Array.from(classes, (c, i) => ({ class: c, p: probs[i] as number }))
    .sort((a, b) => b.p - a.p)
    .slice(0, Math.max(1, topK));
  const top = candidates[0] as ClassCandidate;
  return { class: top.p >= threshold ? top.class : null, confidence: top.p, candidates };
}
