/**
 * The sample classifier at run time: loads models/sample-classifier.onnx (+ .json) with
 * onnxruntime-node and classifies feature vectors in batches. One-shots get one of the
 * 17 one-shot classes, loops one of the 5 loop content classes: always the top class,
 * with its tier (sure / likely / guess) from the model's thresholds, and the candidates.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// Loaded on first use: the CLI and the app start without the ONNX runtime.
import type * as Ort from 'onnxruntime-node';
import type { AnalysisResult } from '../../../shared/contract/analysis';
import type { SampleClass, SampleKind } from '../../../shared/taxonomy';
import { MEL_PATCH_VERSION } from '../features/melPatch';
import { applyCalibrator, calibratorOf } from './calibrator';
import { decide, tierOf, type Classification, type TierThresholds } from './decision';
import { vectorWithPatch } from './modelInput';
import { parseModelMeta, type ModelMeta } from './modelMeta';

export const MODEL_FILE = 'sample-classifier.onnx';
export const META_FILE = 'sample-classifier.json';

/**
 * The folder holding the model: $SAMPLEMIND_MODELS_DIR, else the first `models/` folder
 * with the model found walking up from this module (checkout, dist/ or app resources).
 */
export function defaultModelsDir(): string {
  const env = process.env.SAMPLEMIND_MODELS_DIR;
  if (env) return env;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'models');
    if (existsSync(join(candidate, MODEL_FILE))) return candidate;
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(`${MODEL_FILE} not found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

/**
 * The tier thresholds of one head: likely = the per-class thresholds (else the head's
 * one), sure = the per-class sure thresholds (none sure without them).
 */
export function tierThresholds(meta: ModelMeta, head: 'oneShot' | 'loop'): TierThresholds {
  return {
    sure: meta.sureThreshold?.[head] ?? 1.01,
    likely: meta.classThreshold?.[head] ?? meta.threshold[head],
  };
}

export class SampleClassifier {
  private constructor(
    private readonly ort: typeof Ort,
    private readonly session: Ort.InferenceSession,
    readonly meta: ModelMeta,
  ) {}

  static async load(modelsDir: string = defaultModelsDir()): Promise<SampleClassifier> {
    const meta = parseModelMeta(JSON.parse(readFileSync(join(modelsDir, META_FILE), 'utf8')));
    const ort = await import('onnxruntime-node');
    const session = await ort.InferenceSession.create(join(modelsDir, MODEL_FILE), {
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
      graphOptimizationLevel: 'all',
    });
    return new SampleClassifier(ort, session, meta);
  }

  private async run(
    features: readonly Float32Array[],
  ): Promise<Ort.InferenceSession.OnnxValueMapType> {
    const d = this.meta.featureLength;
    const batch = new Float32Array(features.length * d);
    features.forEach((f, i) => {
      if (f.length !== d) {
        throw new RangeError(
          `feature vector ${i} has length ${f.length}; the model expects ${d} (${this.meta.featureVersion})`,
        );
      }
      batch.set(f, i * d);
    });
    const input = new this.ort.Tensor('float32', batch, [features.length, d]);
    return this.session.run({ [this.meta.input]: input });
  }

  /**
   * Classifies a batch. `kinds[i]` says whether vector i is a one-shot (default) or a
   * loop; loops are classified into the loop content classes.
   */
  async classify(
    features: readonly Float32Array[],
    kinds: readonly SampleKind[] = [],
  ): Promise<Classification[]> {
    if (features.length === 0) return [];
    return this.decideAll(await this.run(features), features.length, kinds);
  }

  /** classify() and embed() in one run of the model. */
  async classifyAndEmbed(
    features: readonly Float32Array[],
    kinds: readonly SampleKind[] = [],
  ): Promise<{ classes: Classification[]; embeddings: Float32Array[] }> {
    if (features.length === 0) return { classes: [], embeddings: [] };
    const out = await this.run(features);
    return {
      classes: this.decideAll(out, features.length, kinds),
      embeddings: this.embeddingsOf(out, features.length),
    };
  }

  /**
   * Each input's probabilities over the classes of its head (one-shot, or loop by
   * `kinds`), as the graph returns them (`recalibrated`: calibrated as the app shows them).
   */
  async probabilities(
    features: readonly Float32Array[],
    kinds: readonly SampleKind[] = [],
    recalibrated = false,
  ): Promise<Float32Array[]> {
    if (features.length === 0) return [];
    const out = await this.run(features);
    return Array.from({ length: features.length }, (_, i) => {
      const raw = this.rawProbs(out, i, kinds[i]);
      return recalibrated ? this.rescaled(raw, kinds[i]) : raw;
    });
  }

  private rawProbs(
    out: Ort.InferenceSession.OnnxValueMapType,
    i: number,
    kind: SampleKind | undefined,
  ): Float32Array {
    const head = kind === 'loop' ? 'loop' : 'oneShot';
    const n = (kind === 'loop' ? this.meta.loopClasses : this.meta.oneShotClasses).length;
    const data = out[this.meta.outputs[head]]?.data as Float32Array;
    return data.subarray(i * n, (i + 1) * n);
  }

  /** The probabilities shown: the head's calibrator (calibrator.ts) applied to the graph's. */
  private rescaled(raw: Float32Array, kind: SampleKind | undefined): Float32Array {
    return applyCalibrator(raw, calibratorOf(this.meta, kind === 'loop' ? 'loop' : 'oneShot'));
  }

  /**
   * One decision: the class, confidence and candidates from the calibrated probabilities;
   * the tier from the graph's own probability of that class and the thresholds chosen for
   * them (their precision was measured so). Only a vector calibrator can change the top
   * class; the others keep the graph's order.
   */
  private decideOne(
    out: Ort.InferenceSession.OnnxValueMapType,
    i: number,
    kind: SampleKind,
  ): Classification {
    const loop = kind === 'loop';
    const classes = (loop ? this.meta.loopClasses : this.meta.oneShotClasses) as SampleClass[];
    const tiers = tierThresholds(this.meta, loop ? 'loop' : 'oneShot');
    const raw = this.rawProbs(out, i, kind);
    const shown = decide(this.rescaled(raw, kind), classes, tiers);
    const k = classes.indexOf(shown.class as SampleClass);
    return { ...shown, tier: tierOf(raw[k] as number, k, tiers) };
  }

  /** The decision for each of `n` model inputs, from the one-shot or loop head by kind. */
  private decideAll(
    out: Ort.InferenceSession.OnnxValueMapType,
    n: number,
    kinds: readonly SampleKind[],
  ): Classification[] {
    return Array.from({ length: n }, (_, i) =>
      this.decideOne(out, i, kinds[i] === 'loop' ? 'loop' : 'one-shot'),
    );
  }

  /** The embedding of each of `n` model inputs (copies, so the output buffer can go). */
  private embeddingsOf(out: Ort.InferenceSession.OnnxValueMapType, n: number): Float32Array[] {
    const emb = out[this.meta.outputs.embedding]?.data as Float32Array;
    const k = this.meta.embeddingLength;
    return Array.from({ length: n }, (_, i) => emb.slice(i * k, (i + 1) * k));
  }

  /**
   * The model input of analysis results (what `analyzeFile` returns): the stored feature
   * vector, followed by the log-mel patch when the model reads one. Refuses vectors and
   * patches of another version than the model's.
   */
  inputsOf(
    results: readonly Pick<AnalysisResult, 'featureVector' | 'featureVectorVersion' | 'melPatch'>[],
  ): Float32Array[] {
    const want = /^engine-v(\d+)/.exec(this.meta.featureVersion)?.[1];
    const mel = this.meta.melPatch;
    return results.map((r) => {
      if (want === undefined || String(r.featureVectorVersion) !== want) {
        throw new Error(
          `feature vector version ${r.featureVectorVersion} does not match the model (${this.meta.featureVersion})`,
        );
      }
      if (!mel) return r.featureVector;
      if (mel.version !== MEL_PATCH_VERSION || r.melPatch.length !== mel.bands * mel.columns) {
        throw new Error(
          `mel patch v${MEL_PATCH_VERSION} of ${r.melPatch.length} values does not match the model (v${mel.version}, ${mel.bands} × ${mel.columns})`,
        );
      }
      return vectorWithPatch(r.featureVector, r.melPatch);
    });
  }

  /** Classifies analysis results by their feature vector (+ mel patch) and kind. */
  async classifyResults(
    results: readonly Pick<
      AnalysisResult,
      'featureVector' | 'featureVectorVersion' | 'melPatch' | 'kind'
    >[],
  ): Promise<Classification[]> {
    return this.classify(
      this.inputsOf(results),
      results.map((r) => r.kind),
    );
  }

  /** The model's embedding output (embeddingLength values per model input), for similarity. */
  async embed(features: readonly Float32Array[]): Promise<Float32Array[]> {
    if (features.length === 0) return [];
    return this.embeddingsOf(await this.run(features), features.length);
  }

  async close(): Promise<void> {
    await this.session.release();
  }
}
