/** How often the classifier keeps its answer when the level or stereo image of a sound changes. */
import type { SampleClassifier } from '../../electron/analysis/classify/classifier';
import type { LevelChange, LevelVariant } from './levelVariants';

export interface ChangeRobustness {
  change: LevelChange;
  samples: number;
  /** Share of variants whose top class equals the original's top class. */
  sameClass: number;
  /** Top-class accuracy on the originals and on the variants (same samples). */
  accuracyOriginal: number;
  accuracyChanged: number;
}

/**
 * Compares the top class of each variant with its original's. `topClass` maps an entry
 * id (original or variant) to the classifier's top class; ids it lacks are skipped.
 */
export function levelRobustness(
  variants: readonly LevelVariant[],
  topClass: ReadonlyMap<string, string>,
): ChangeRobustness[] {
  const counts = new Map<
    LevelChange,
    { samples: number; same: number; right: number; rightChanged: number }
  >();
  for (const v of variants) {
    const before = topClass.get(v.original.id);
    const after = topClass.get(v.entry.id);
    if (before === undefined || after === undefined) continue;
    const c = counts.get(v.change) ?? { samples: 0, same: 0, right: 0, rightChanged: 0 };
    c.samples++;
    if (before === after) c.same++;
    if (before === v.original.label) c.right++;
    if (after === v.original.label) c.rightChanged++;
    counts.set(v.change, c);
  }
  return [...counts].map(([change, { samples, same, right, rightChanged }]) => ({
    change,
    samples,
    sameClass: same / samples,
    accuracyOriginal: right / samples,
    accuracyChanged: rightChanged / samples,
  }));
}

/** Classifies the originals and variants (features by entry id) and compares their top classes. */
export async function measureLevelRobustness(
  classifier: SampleClassifier,
  variants: readonly LevelVariant[],
  features: ReadonlyMap<string, Float32Array>,
): Promise<ChangeRobustness[]> {
  const ids = [...new Set(variants.flatMap((v) => [v.original.id, v.entry.id]))].filter((id) =>
    features.has(id),
  );
  const results = await classifier.classify(
    ids.map((id) => features.get(id) as Float32Array),
    ids.map(() => 'one-shot'),
  );
  const top = new Map<string, string>();
  results.forEach((r, i) => {
    const best = r.candidates[0]?.class;
    if (best) top.set(ids[i] as string, best);
  });
  return levelRobustness(variants, top);
}
