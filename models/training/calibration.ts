/**
 * Calibration figures and the sure thresholds of the class tiers
 * (electron/analysis/classify/decision.ts): reliability (expected calibration error) of
 * the top class's probability, precision per tier, and per-class thresholds chosen on
 * validation for a precision target.
 */
import type { ClassTier } from '../../shared/taxonomy';

/** One decision: the top class's probability, its class index, and whether it was right. */
export interface ScoredDecision {
  confidence: number;
  predicted: number;
  correct: boolean;
}

export interface ReliabilityBin {
  /** Lower edge of the bin (confidence in [lo, lo + width)). */
  lo: number;
  n: number;
  meanConfidence: number;
  accuracy: number;
}

/**
 * Expected calibration error over `bins` equal-width confidence bins: the mean over
 * decisions of |accuracy − mean confidence| of their bin (0 = calibrated).
 */
export function reliability(
  decisions: readonly Pick<ScoredDecision, 'confidence' | 'correct'>[],
  bins = 15,
): { ece: number; bins: ReliabilityBin[] } {
  const acc = Array.from({ length: bins }, () => ({ n: 0, conf: 0, ok: 0 }));
  for (const d of decisions) {
    const b = acc[Math.min(bins - 1, Math.max(0, Math.floor(d.confidence * bins)))]!;
    b.n++;
    b.conf += d.confidence;
    if (d.correct) b.ok++;
  }
  let ece = 0;
  const out: ReliabilityBin[] = [];
  acc.forEach((b, i) => {
    if (b.n === 0) return;
    const meanConfidence = b.conf / b.n;
    const accuracy = b.ok / b.n;
    ece += (b.n / decisions.length) * Math.abs(accuracy - meanConfidence);
    out.push({ lo: i / bins, n: b.n, meanConfidence, accuracy });
  });
  return { ece: decisions.length > 0 ? ece : 0, bins: out };
}

export interface TierFigure {
  tier: ClassTier;
  n: number;
  /** Share of all decisions in this tier. */
  share: number;
  /** Share of this tier's decisions that are right. */
  precision: number;
}

/** How many decisions fall in each tier and how many of those are right. */
export function tierFigures(
  tiers: readonly ClassTier[],
  correct: readonly boolean[],
): TierFigure[] {
  return (['sure', 'likely', 'guess'] as const).map((tier) => {
    const idx = tiers.flatMap((t, i) => (t === tier ? [i] : []));
    const ok = idx.filter((i) => correct[i]).length;
    return {
      tier,
      n: idx.length,
      share: tiers.length > 0 ? idx.length / tiers.length : 0,
      precision: idx.length > 0 ? ok / idx.length : 0,
    };
  });
}

/** Never sure: a threshold no probability reaches. */
export const NEVER = 1.01;

/**
 * Per predicted class, the smallest confidence τ (on a 0.005 grid from `floor` up to
 * 0.995) at which the decisions of that class with p ≥ τ are right at least `target` of
 * the time, with at least `minCount` of them, and every higher τ with at least
 * `minCount` decisions stays at or above the target too (so a lucky run of a few right
 * answers low down does not set it), raised to the lowest confidence among the decisions
 * it selects (no threshold in a gap no decision was seen in); classes without enough
 * decisions get NEVER.
 */
export function precisionThresholds(
  decisions: readonly ScoredDecision[],
  classCount: number,
  target: number,
  { floor = 0.5, minCount = 8 }: { floor?: number; minCount?: number } = {},
): number[] {
  const grid: number[] = [];
  for (let t = floor; t <= 0.995 + 1e-9; t += 0.005) grid.push(Math.round(t * 1000) / 1000);
  return Array.from({ length: classCount }, (_, c) => {
    const mine = decisions.filter((d) => d.predicted === c);
    let best = NEVER;
    let lowest = NEVER;
    // walk down from the top: keep the lowest τ while every τ above it met the target
    for (let g = grid.length - 1; g >= 0; g--) {
      const tau = grid[g] as number;
      const sel = mine.filter((d) => d.confidence >= tau);
      if (sel.length < minCount) continue;
      const precision = sel.filter((d) => d.correct).length / sel.length;
      if (precision < target) break;
      best = tau;
      lowest = Math.min(...sel.map((d) => d.confidence));
    }
    return best === NEVER ? NEVER : Math.max(best, Math.floor(lowest * 200 + 1e-9) / 200);
  });
}
