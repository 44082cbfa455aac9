/**
 * The metadata beside the ONNX model (models/sample-classifier.json): feature vector
 * version and length, tensor names, class order of each output, temperatures and
 * the thresholds of the tiers (sure / likely / guess). Validated when loaded, so a model and a feature extractor that
 * do not match fail loudly instead of classifying nonsense.
 */
import { z } from 'zod';
import { LOOP_CLASSES, ONE_SHOT_CLASSES } from '../../../shared/taxonomy';
import { CalibratorSchema } from './calibrator';

export const ModelMetaSchema = z.object({
  formatVersion: z.literal(1),
  featureVersion: z.string().min(1),
  featureLength: z.number().int().positive(),
  input: z.string().min(1),
  outputs: z.object({ oneShot: z.string(), loop: z.string(), embedding: z.string() }),
  embeddingLength: z.number().int().positive(),
  oneShotClasses: z.array(z.enum(ONE_SHOT_CLASSES)).length(ONE_SHOT_CLASSES.length),
  loopClasses: z.array(z.enum(LOOP_CLASSES)).length(LOOP_CLASSES.length),
  temperature: z.object({ oneShot: z.number().positive(), loop: z.number().positive() }),
  /**
   * A second temperature per head applied to the graph's probabilities
   * (classify/recalibrate.ts), fitted on a calibration split the networks never saw;
   * absent = 1. It changes the probability shown (confidence, candidates), not the order;
   * the tier thresholds below stay in the graph's own probabilities, where their precision
   * was measured.
   */
  recalibration: z
    .object({ oneShot: z.number().positive(), loop: z.number().positive() })
    .optional(),
  /**
   * A post-hoc calibrator per head (classify/calibrator.ts: temperature, vector scaling,
   * top-label map, Platt, one of these per class family), fitted on a calibration split the networks never saw
   * (models/training/recalibrate.ts); when present it replaces `recalibration`. Like it,
   * it sets the probability shown; the tiers stay decided on the graph's own probabilities.
   */
  calibrator: z.object({ oneShot: CalibratorSchema, loop: CalibratorSchema }).optional(),
  threshold: z.object({ oneShot: z.number().min(0).max(1), loop: z.number().min(0).max(1) }),
  /** Per-class thresholds (class order of each head); when present they replace `threshold`. */
  classThreshold: z
    .object({
      oneShot: z.array(z.number().min(0).max(1)).length(ONE_SHOT_CLASSES.length),
      loop: z.array(z.number().min(0).max(1)).length(LOOP_CLASSES.length),
    })
    .optional(),
  /**
   * Per-class sure thresholds (class order of each head), chosen on validation for a
   * precision target (models/training/calibrate.ts). The likely thresholds are
   * `classThreshold` (else `threshold`); without these no class is sure.
   */
  sureThreshold: z
    .object({
      oneShot: z.array(z.number().min(0).max(1.01)).length(ONE_SHOT_CLASSES.length),
      loop: z.array(z.number().min(0).max(1.01)).length(LOOP_CLASSES.length),
    })
    .optional(),
  normalisation: z.object({ mean: z.array(z.number()), std: z.array(z.number()) }),
  /**
   * Present when the model reads the analysis' log-mel patch too: its input is then the
   * feature vector followed by the patch (featureLength counts both).
   */
  melPatch: z
    .object({
      version: z.number().int().positive(),
      bands: z.number().int().positive(),
      columns: z.number().int().positive(),
    })
    .optional(),
});

export type ModelMeta = z.infer<typeof ModelMetaSchema>;

export function parseModelMeta(json: unknown): ModelMeta {
  const meta = ModelMetaSchema.parse(json);
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((c, i) => c === b[i]);
  if (!same(meta.oneShotClasses, ONE_SHOT_CLASSES) || !same(meta.loopClasses, LOOP_CLASSES)) {
    throw new Error('model class order differs from shared/taxonomy.ts');
  }
  for (const [head, n] of [
    ['oneShot', ONE_SHOT_CLASSES.length],
    ['loop', LOOP_CLASSES.length],
  ] as const) {
    const c = meta.calibrator?.[head];
    const classes = c?.kind === 'vector' ? c.w.length : c?.kind === 'byClass' ? c.of.length : n;
    if (classes !== n) {
      throw new Error(`the ${head} ${c?.kind} calibrator has ${classes} classes, not ${n}`);
    }
  }
  return meta;
}
