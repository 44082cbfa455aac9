/**
 * One command from nothing to a shipped model:
 *   npx tsx models/training/train.ts [--features engine-mel|engine|engine-tf|hybrid|provisional] [--jobs 2] [--skip-training]
 * dataset (Debian packages, renders, manifest) → features (the app's TS analysis code)
 * → training (Debian python3-torch) → models/sample-classifier.onnx + .json
 * → evaluation through the app's onnxruntime-node inference → models/MODEL_CARD.md.
 * Data and caches live in models/training/.data/ (gitignored).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  META_FILE,
  MODEL_FILE,
  SampleClassifier,
} from '../../electron/analysis/classify/classifier';
import type { ModelMeta } from '../../electron/analysis/classify/modelMeta';
import { MEL_PATCH_VERSION } from '../../electron/analysis/features/melPatch';
import {
  FEATURE_DIMENSIONS,
  FEATURE_VECTOR_LENGTH,
} from '../../electron/analysis/vector/featureVector';
import { LOOP_CLASSES, ONE_SHOT_CLASSES } from '../../shared/taxonomy';
import { augmentFitting } from './augment';
import { domainOf } from './domain';
import { buildDataset, voiceFxEnabled } from './buildDataset';
import { evaluateSplit } from './evaluate';
import { levelVariants } from './levelVariants';
import { measureLevelRobustness } from './robustness';
import { measureNameEffect } from './nameEffect';
import { computeFeatures, EXTRACTORS, type FeatureExtractor } from './features';
import { manifestToJsonl } from './manifest';
import { writeModelCard, type CardReport } from './modelCard';
import { tierSection, writeTierSection } from './tierCard';

const here = dirname(fileURLToPath(import.meta.url));
const modelsDir = join(here, '..');
const dataDir = join(here, '.data');
const PYTHON = '/usr/bin/python3';

/** train_model.py's report: the card's part plus what the model metadata takes. */
interface TrainReport extends CardReport {
  temperature: { oneShot: number; loop: number };
  threshold: { oneShot: number; loop: number };
  classThreshold: { oneShot: number[]; loop: number[] };
  /** Sure thresholds of the class tiers (reports before tiers have none). */
  sureThreshold?: { oneShot: number[]; loop: number[] };
  normalisation: { mean: number[]; std: number[] };
  embeddingLength: number;
}

function dimensionNamed(prefix: string): number {
  const i = FEATURE_DIMENSIONS.findIndex((d) => d.name.startsWith(prefix));
  if (i < 0) throw new Error(`no feature dimension named "${prefix}…"`);
  return i;
}

/** Where the level and stereo descriptors sit: train_model.py varies them as augmentation. */
const LEVEL_DIMS = {
  lufs: dimensionNamed('integrated loudness'),
  truePeak: dimensionNamed('true peak'),
  stereoWidth: dimensionNamed('stereo width'),
  stereoCorrelation: dimensionNamed('stereo correlation'),
};

function arg(argv: readonly string[], name: string, fallback: string): string {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? (argv[i + 1] as string) : fallback;
}

function extractorFromArgs(argv: readonly string[]): { name: string; extractor: FeatureExtractor } {
  const name = arg(argv, '--features', 'engine-mel');
  const extractor = EXTRACTORS[name];
  if (!extractor)
    throw new Error(
      `unknown feature extractor '${name}' (available: ${Object.keys(EXTRACTORS).join(', ')})`,
    );
  return { name, extractor };
}

/** Runs `jobs` featureShard.ts processes over the entries (filling the cache) and waits. */
async function computeShards(
  entriesPath: string,
  name: string,
  jobs: number,
  log: (m: string) => void,
): Promise<void> {
  await Promise.all(
    Array.from(
      { length: jobs },
      (_, i) =>
        new Promise<void>((resolve, reject) => {
          const child = spawn(
            process.execPath,
            [
              ...process.execArgv,
              join(here, 'featureShard.ts'),
              entriesPath,
              name,
              String(i),
              String(jobs),
            ],
            { stdio: 'inherit' },
          );
          child.on('error', reject);
          child.on('exit', (code) =>
            code === 0 ? resolve() : reject(new Error(`feature shard ${i} exited with ${code}`)),
          );
        }),
    ),
  );
  log(`feature shards done (${jobs} processes)`);
}

async function main(): Promise<void> {
  const started = Date.now();
  const log = (m: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0)} s] ${m}`);
  mkdirSync(dataDir, { recursive: true });
  const { name, extractor } = extractorFromArgs(process.argv.slice(2));
  const jobs = Math.max(1, Number(arg(process.argv.slice(2), '--jobs', '2')));

  log('1/5 dataset');
  const dataset = await buildDataset(dataDir, log);

  const augmented = await augmentFitting(dataset.entries, join(dataDir, 'augment'), {
    space: voiceFxEnabled(),
  });
  log(`augmentation: ${augmented.length} variants of train and validation files`);
  const all = [...dataset.entries, ...augmented];

  log(`2/5 features (${extractor.version})`);
  const entriesPath = join(dataDir, 'feature-input.jsonl');
  writeFileSync(entriesPath, manifestToJsonl(all));
  if (jobs > 1) await computeShards(entriesPath, name, jobs, log);
  const table = await computeFeatures(all, extractor, dataDir, log);
  const kept = all.filter((e) => table.byId.has(e.id));
  const datasetJson = join(dataDir, 'dataset.json');
  // Vectors go to dataset.f32 (row-major float32) beside the JSON: a spectrogram patch per
  // row makes them too big for one JSON string.
  const matrix = new Float32Array(kept.length * table.length);
  kept.forEach((e, i) => matrix.set(table.byId.get(e.id) as Float32Array, i * table.length));
  writeFileSync(join(dataDir, 'dataset.f32'), new Uint8Array(matrix.buffer));
  writeFileSync(
    datasetJson,
    JSON.stringify({
      featureVersion: table.version,
      vectorLength: extractor.mel ? FEATURE_VECTOR_LENGTH : table.length,
      mel: extractor.mel ?? null,
      levelDims: LEVEL_DIMS,
      oneShotClasses: ONE_SHOT_CLASSES,
      loopClasses: LOOP_CLASSES,
      rows: kept.map((e) => ({
        id: e.id,
        split: e.split,
        kind: e.kind,
        label: e.label,
        domain: domainOf(e),
      })),
    }),
  );

  const reportPath = join(dataDir, 'train-report.json');
  if (process.argv.includes('--skip-training')) {
    // Re-evaluate the model in models/ and rewrite its card (e.g. after a change to the card).
    if (!existsSync(reportPath)) throw new Error(`--skip-training needs ${reportPath} from a run`);
    log('3/5 training skipped: the model in models/ and its report are kept');
  } else {
    log('3/5 training (python3-torch)');
    execFileSync(
      PYTHON,
      [join(here, 'train_model.py'), datasetJson, join(modelsDir, MODEL_FILE), reportPath],
      { stdio: 'inherit' },
    );
  }
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as TrainReport;
  const meta: ModelMeta = {
    formatVersion: 1,
    featureVersion: table.version,
    featureLength: table.length,
    input: 'features',
    outputs: { oneShot: 'oneshot_probs', loop: 'loop_probs', embedding: 'embedding' },
    embeddingLength: report.embeddingLength,
    oneShotClasses: [...ONE_SHOT_CLASSES],
    loopClasses: [...LOOP_CLASSES],
    temperature: report.temperature,
    threshold: report.threshold,
    classThreshold: report.classThreshold,
    ...(report.sureThreshold ? { sureThreshold: report.sureThreshold } : {}),
    normalisation: report.normalisation,
    ...(extractor.mel ? { melPatch: { version: MEL_PATCH_VERSION, ...extractor.mel } } : {}),
  };
  writeFileSync(join(modelsDir, META_FILE), `${JSON.stringify(meta, null, 2)}\n`);

  log('4/5 evaluation (onnxruntime-node)');
  const classifier = await SampleClassifier.load(modelsDir);
  const test = await evaluateSplit(classifier, dataset.entries, table.byId, 'test');
  const val = await evaluateSplit(classifier, dataset.entries, table.byId, 'val');
  const variants = await levelVariants(dataset.entries, join(dataDir, 'level'));
  const variantTable = await computeFeatures(
    variants.map((v) => v.entry),
    extractor,
    dataDir,
    log,
  );
  const robustness = await measureLevelRobustness(
    classifier,
    variants,
    new Map([...table.byId, ...variantTable.byId]),
  );
  const names = await measureNameEffect(classifier, dataset.entries, table.byId);
  await classifier.close();
  writeFileSync(
    join(dataDir, 'evaluation.json'),
    JSON.stringify({ test, val, robustness, names }, null, 1),
  );
  log(
    `test: one-shot macro-F1 ${(test.oneShot.metrics.macroF1 * 100).toFixed(1)} %, drum accuracy ${(test.drumAccuracy * 100).toFixed(1)} %, ` +
      `loop macro-F1 ${(test.loop.metrics.macroF1 * 100).toFixed(1)} %, ${test.msPerSample.toFixed(4)} ms/sample`,
  );

  log('5/5 model card');
  writeModelCard(join(modelsDir, 'MODEL_CARD.md'), {
    dataset,
    augmented: augmented.length,
    features: table,
    meta,
    report,
    test,
    val,
    robustness,
    names,
  });
  if (report.sureThreshold)
    writeTierSection(
      join(modelsDir, 'MODEL_CARD.md'),
      tierSection({
        meta,
        test,
        val,
        target: 0.97,
        command: 'npm run train:classifier',
        provenance:
          'The sure thresholds were chosen by train_model.py on the validation split with ' +
          'the selected networks (which never saw it), for 97 % precision per class, as the ' +
          'likely thresholds were for 90 %; the shipped refit keeps them.',
      }),
    );
  log('done');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
