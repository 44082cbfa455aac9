/**
 * The classifier as the analysis worker uses it: loaded once per worker on first use;
 * when the model files are absent (or fail to load) every file gets `null` — the class
 * stays empty, analysis goes on.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnalysisResult } from '../../../shared/contract/analysis';
import type { SampleClassification } from './classification';

type ModelInput = Pick<
  AnalysisResult,
  'featureVector' | 'featureVectorVersion' | 'melPatch' | 'kind'
>;

interface Loaded {
  /** Class decision and embedding of each result, in one run of the model. */
  run: (r: readonly ModelInput[]) => Promise<{
    classes: Array<{
      class: SampleClassification['class'];
      tier: SampleClassification['tier'];
      confidence: number;
      candidates: SampleClassification['candidates'];
    }>;
    embeddings: Float32Array[];
  }>;
  version: string;
}

let loading: Promise<Loaded | null> | null = null;

async function load(modelsDir: string | undefined): Promise<Loaded | null> {
  try {
    const { SampleClassifier, defaultModelsDir, MODEL_FILE } =
      await import('./classifier');
    const dir = modelsDir ?? defaultModelsDir();
    const classifier = await SampleClassifier.load(dir);
    const hash = createHash('sha1')
      .update(readFileSync(join(dir, MODEL_FILE)))
      .digest('hex')
      .slice(0, 12);
    return {
      run: (r) =>
        classifier.classifyAndEmbed(
          classifier.inputsOf(r),
          r.map((x) => x.kind),
        ),
      version: `${classifier.meta.featureVersion}/${hash}`,
    };
  } catch {
    return null;
  }
}

/** Loads (once) the classifier from `modelsDir` or the default models folder; null when there is none. */
export function workerClassifier(modelsDir?: string): Promise<Loaded | null> {
  loading ??= load(modelsDir);
  return loading;
}

/** Forgets the loaded classifier (tests; a worker keeps its model for its lifetime). */
export function forgetClassifier(): void {
  loading = null;
}

/** Classifies one analysis result; null when no model is available or the vector does not fit it. */
export async function classifyResult(
  result: AnalysisResult,
  modelsDir?: string,
): Promise<SampleClassification | null> {
  const model = await workerClassifier(modelsDir);
  if (!model) return null;
  let decided;
  let embedding;
  try {
    const out = await model.run([result]);
    [decided] = out.classes;
    [embedding] = out.embeddings;
  } catch {
    return null;
  }
  if (!decided || !embedding) return null;
  return {
    class: decided.class,
    tier: decided.tier,
    classSource: decided.class === null ? null : 'audio',
    confidence: decided.confidence,
    candidates: decided.candidates,
    loopClass: result.kind === 'loop' ? decided.class : null,
    embedding,
    embeddingVersion: model.version,
  };
}
