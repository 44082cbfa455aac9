/**
 * Chooses the sure thresholds of the class tiers on the validation split and measures the
 * tiers and the calibration on the held-out test split, without training:
 *   npx tsx models/training/calibrate.ts [--target 0.97] [--features engine-mel]
 * Reads the manifest of the last dataset build (else builds it as train.ts does) and the features of its
 * validation and test rows (featureShard.ts can fill that cache on several cores), runs the model
 * in models/ through the app's inference, writes `sureThreshold` into
 * models/sample-classifier.json, the tier section of models/MODEL_CARD.md and
 * models/training/.data/calibration.json. Test is only measured, never used to choose.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  META_FILE,
  SampleClassifier,
  tierThresholds,
} from '../../electron/analysis/classify/classifier';
import { parseModelMeta, type ModelMeta } from '../../electron/analysis/classify/modelMeta';
import { LOOP_CLASSES, ONE_SHOT_CLASSES, type SampleKind } from '../../shared/taxonomy';
import { buildDataset } from './buildDataset';
import { precisionThresholds, type ScoredDecision } from './calibration';
import { evaluateSplit } from './evaluate';
import { computeFeatures, EXTRACTORS } from './features';
import { parseManifestJsonl } from './manifest';
import type { ManifestEntry } from './manifestTypes';
import { tierSection, writeTierSection } from './tierCard';

const here = dirname(fileURLToPath(import.meta.url));
const modelsDir = join(here, '..');
const dataDir = join(here, '.data');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? (process.argv[i + 1] as string) : fallback;
}

/**
 * The model's decisions on the rows of one split and kind, scored against their labels,
 * with the graph's own top probability (what the tier thresholds are compared with; a
 * recalibration only rescales the probability shown).
 */
export async function scoredDecisions(
  classifier: SampleClassifier,
  entries: readonly ManifestEntry[],
  features: ReadonlyMap<string, Float32Array>,
  kind: SampleKind,
  classes: readonly string[],
): Promise<ScoredDecision[]> {
  const rows = entries.filter((e) => e.kind === kind && features.has(e.id));
  const probs = await classifier.probabilities(
    rows.map((e) => features.get(e.id) as Float32Array),
    rows.map(() => kind),
  );
  return probs.map((p, i) => {
    let top = 0;
    for (let c = 1; c < p.length; c++) if ((p[c] as number) > (p[top] as number)) top = c;
    return {
      confidence: p[top] as number,
      predicted: top,
      correct: classes[top] === rows[i]?.label,
    };
  });
}

async function main(): Promise<void> {
  const started = Date.now();
  const log = (m: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0)} s] ${m}`);
  const target = Number(arg('--target', '0.97'));
  const name = arg('--features', 'engine-mel');
  const extractor = EXTRACTORS[name];
  if (!extractor) throw new Error(`unknown feature extractor '${name}'`);

  // The manifest a dataset build wrote, else a build (cached renders).
  const manifestPath = join(dataDir, 'manifest.jsonl');
  const dataset = {
    entries: existsSync(manifestPath)
      ? parseManifestJsonl(readFileSync(manifestPath, 'utf8'))
      : (await buildDataset(dataDir, log)).entries,
  };
  log(`${dataset.entries.length} manifest entries`);
  // Only validation (to choose) and test (to measure) are needed: the training rows are not.
  const heldOut = dataset.entries.filter((e) => e.split !== 'train');
  const table = await computeFeatures(heldOut, extractor, dataDir, log);
  const val = dataset.entries.filter((e) => e.split === 'val');

  let classifier = await SampleClassifier.load(modelsDir);
  const sure = {
    oneShot: precisionThresholds(
      await scoredDecisions(classifier, val, table.byId, 'one-shot', ONE_SHOT_CLASSES),
      ONE_SHOT_CLASSES.length,
      target,
    ),
    loop: precisionThresholds(
      await scoredDecisions(classifier, val, table.byId, 'loop', LOOP_CLASSES),
      LOOP_CLASSES.length,
      target,
    ),
  };
  // A sure threshold never sits below the class's likely threshold.
  const before = classifier.meta;
  const likely = {
    oneShot: tierThresholds(before, 'oneShot').likely,
    loop: tierThresholds(before, 'loop').likely,
  };
  const atLeast = (s: number[], l: number | readonly number[]) =>
    s.map((v, i) => Math.max(v, typeof l === 'number' ? l : (l[i] ?? 0)));
  await classifier.close();
  const metaPath = join(modelsDir, META_FILE);
  const meta: ModelMeta = parseModelMeta({
    ...(JSON.parse(readFileSync(metaPath, 'utf8')) as object),
    sureThreshold: {
      oneShot: atLeast(sure.oneShot, likely.oneShot),
      loop: atLeast(sure.loop, likely.loop),
    },
  });
  writeFileSync(metaPath, `${JSON.stringify(meta, null, 2)}\n`);
  log(`sure thresholds written to ${metaPath}`);

  classifier = await SampleClassifier.load(modelsDir);
  const testEval = await evaluateSplit(classifier, dataset.entries, table.byId, 'test');
  const valEval = await evaluateSplit(classifier, dataset.entries, table.byId, 'val');
  await classifier.close();
  writeFileSync(
    join(dataDir, 'calibration.json'),
    JSON.stringify(
      { target, meta: { sureThreshold: meta.sureThreshold }, test: testEval, val: valEval },
      null,
      1,
    ),
  );
  writeTierSection(
    join(modelsDir, 'MODEL_CARD.md'),
    tierSection({
      meta,
      test: testEval,
      val: valEval,
      target,
      command: `npx tsx models/training/calibrate.ts --target ${target}`,
      provenance:
        'The sure thresholds were chosen by models/training/calibrate.ts on the validation ' +
        'split: per class, the lowest probability above which the validation one-shots (or ' +
        `loops) the model gives that class are right at least ${(target * 100).toFixed(0)} % of the time, with ` +
        'at least 8 of them, and never below the likely threshold; classes without enough ' +
        'validation decisions are never sure. Caveat: the shipped networks were refitted on ' +
        'train + validation, so on validation they are more often right and surer than on ' +
        'new sounds, which pulls these thresholds down; the test rows show what that costs. ' +
        'The temperature was fitted on validation for the selected networks and carried to ' +
        'the refit (train_model.py); the ECE column shows how far it fits the refit. It ' +
        'cannot be fitted again on validation, which the refit has seen: a next training ' +
        'should keep a calibration split out of the refit (or not refit) to fit it there.',
    }),
  );
  for (const e of [testEval, valEval]) {
    const t = e.oneShot.tiers.map((x) => `${x.tier} ${x.n} (${(x.precision * 100).toFixed(1)} %)`);
    log(
      `${e.split}: one-shot top-1 ${(e.oneShot.metrics.accuracy * 100).toFixed(1)} %, drums ${(e.drumAccuracy * 100).toFixed(1)} %, ECE ${(e.oneShot.ece * 100).toFixed(1)} %; ${t.join(', ')}; loops ECE ${(e.loop.ece * 100).toFixed(1)} %`,
    );
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
