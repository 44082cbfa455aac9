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

/**
 * `threshold`: one confidence for every class, or one per class (in `classes` order) —
 * the top class is given when its probability reaches its own threshold.
 */
export function decide(
  probs: ArrayLike<number>,
  classes: readonly SampleClass[],
  threshold: number | readonly number[],
  topK = 3,
): Classification {
  if (probs.length !== classes.length) {
    throw new RangeError(`expected ${classes.length} probabilities, got ${probs.length}`);
  }
  const candidates = Array.from(classes, (c, i) => ({ class: c, p: probs[i] as number }))
    .sort((a, b) => b.p - a.p)
    .slice(0, Math.max(1, topK));
  const top = candidates[0] as ClassCandidate;
  const needed =
    typeof threshold === 'number' ? threshold : (threshold[classes.indexOf(top.class)] ?? 1);
  return { class: top.p >= needed ? top.class : null, confidence: top.p, candidates };
}
