/**
 * Evaluates the exported model through the app's own inference path
 * (electron/analysis/classify/classifier.ts, onnxruntime-node) on a split of the manifest.
 */
import type { SampleClassifier } from '../../electron/analysis/classify/classifier';
import {
  isTrustedTier,
  LOOP_CLASSES,
  ONE_SHOT_CLASSES,
  type ClassTier,
} from '../../shared/taxonomy';
import { reliability, tierFigures, type ReliabilityBin, type TierFigure } from './calibration';
import type { ManifestEntry, Split } from './manifestTypes';
import { accuracyOver, computeMetrics, type Metrics } from './metrics';

export const DRUM_GOAL_CLASSES = ['kick', 'snare', 'hihat', 'cymbal', 'tom'] as const;

export interface HeadEvaluation {
  metrics: Metrics;
  /** Share of samples whose class is trusted (tier sure or likely: confidence ≥ its likely threshold). */
  coverage: number;
  /** Accuracy among the samples whose class is trusted. */
  selectiveAccuracy: number;
  /** Every sample has a class (the top one): how many fall in each tier, and how precise each is. */
  tiers: TierFigure[];
  /** Expected calibration error of the top class's probability (15 bins), and the bins. */
  ece: number;
  reliability: ReliabilityBin[];
  /** Accuracy per source (argmax). */
  bySource: { source: string; n: number; accuracy: number }[];
  /** Misclassified samples (argmax), for the card's weaknesses. */
  misses: { id: string; truth: string; predicted: string; confidence: number }[];
}

export interface Evaluation {
  split: Split;
  oneShot: HeadEvaluation;
  loop: HeadEvaluation;
  drumAccuracy: number;
  /** Inference time per sample (ms), batched, median of repeated runs. */
  msPerSample: number;
  batchSize: number;
}

async function evaluateHead(
  classifier: SampleClassifier,
  entries: readonly ManifestEntry[],
  features: Map<string, Float32Array>,
  classes: readonly string[],
): Promise<HeadEvaluation> {
  const rows = entries.filter((e) => features.has(e.id));
  const kind = rows[0]?.kind ?? 'one-shot';
  const results = await classifier.classify(
    rows.map((e) => features.get(e.id) as Float32Array),
    rows.map(() => kind),
  );
  const truth = rows.map((e) => e.label as string);
  const predicted = results.map((r) => (r.candidates[0] as { class: string }).class);
  const decided = results.filter((r) => r.class !== null && isTrustedTier(r.tier));
  const decidedOk = results.filter(
    (r, i) => r.class !== null && isTrustedTier(r.tier) && r.class === truth[i],
  ).length;
  const correct = results.map((_, i) => predicted[i] === truth[i]);
  const calib = reliability(
    results.map((r, i) => ({ confidence: r.confidence, correct: correct[i] as boolean })),
  );
  const sources = [...new Set(rows.map((e) => e.source))].sort();
  return {
    metrics: computeMetrics(classes, truth, predicted),
    coverage: rows.length > 0 ? decided.length / rows.length : 0,
    selectiveAccuracy: decided.length > 0 ? decidedOk / decided.length : 0,
    tiers: tierFigures(
      results.map((r) => r.tier ?? ('guess' as ClassTier)),
      correct,
    ),
    ece: calib.ece,
    reliability: calib.bins,
    bySource: sources.map((source) => {
      const idx = rows.flatMap((e, i) => (e.source === source ? [i] : []));
      return {
        source,
        n: idx.length,
        accuracy: idx.filter((i) => truth[i] === predicted[i]).length / idx.length,
      };
    }),
    misses: rows.flatMap((e, i) =>
      truth[i] === predicted[i]
        ? []
        : [
            {
              id: e.id,
              truth: truth[i] as string,
              predicted: predicted[i] as string,
              confidence: (results[i] as { confidence: number }).confidence,
            },
          ],
    ),
  };
}

/** Median batched inference time per sample over `repeats` runs of one batch. */
export async function timeInference(
  classifier: SampleClassifier,
  batch: readonly Float32Array[],
  repeats = 20,
): Promise<number> {
  if (batch.length === 0) return 0;
  await classifier.classify(batch); // warm-up
  const times: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = process.hrtime.bigint();
    await classifier.classify(batch);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6 / batch.length);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

export async function evaluateSplit(
  classifier: SampleClassifier,
  entries: readonly ManifestEntry[],
  features: Map<string, Float32Array>,
  split: Split,
): Promise<Evaluation> {
  const inSplit = entries.filter((e) => e.split === split);
  const oneShots = inSplit.filter((e) => e.kind === 'one-shot');
  const loops = inSplit.filter((e) => e.kind === 'loop');
  const oneShot = await evaluateHead(classifier, oneShots, features, ONE_SHOT_CLASSES);
  const loop = await evaluateHead(classifier, loops, features, LOOP_CLASSES);
  const truth = oneShots.filter((e) => features.has(e.id)).map((e) => e.label as string);
  const predictedAll = await classifier.classify(
    oneShots.filter((e) => features.has(e.id)).map((e) => features.get(e.id) as Float32Array),
  );
  const predicted = predictedAll.map((r) => (r.candidates[0] as { class: string }).class);
  const batch = oneShots
    .slice(0, 1000)
    .filter((e) => features.has(e.id))
    .map((e) => features.get(e.id) as Float32Array);
  return {
    split,
    oneShot,
    loop,
    drumAccuracy: accuracyOver(DRUM_GOAL_CLASSES, truth, predicted),
    msPerSample: await timeInference(classifier, batch),
    batchSize: batch.length,
  };
}
