import { mkdtempSync, readFileSync, copyFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOOP_CLASSES, ONE_SHOT_CLASSES } from '../../../shared/taxonomy';
import {
  defaultModelsDir,
  META_FILE,
  MODEL_FILE,
  SampleClassifier,
  tierThresholds,
} from './classifier';
import { tierOf } from './decision';
import { parseModelMeta } from './modelMeta';
import { analyzeFile } from '../analyzeFile';
import { FEATURE_VECTOR_VERSION } from '../vector/featureVector';

const KITS = '/usr/share/hydrogen/data/drumkits';
// Kits of the held-out test split (models/training/split.ts), one file each.
const HELD_OUT: [string, string][] = [
  ['TR808EmulationKit/808_Kick_Long.flac', 'kick'],
  ['TR808EmulationKit/808_Tom_Low.flac', 'tom'],
  ['TR808EmulationKit/808_Cymbal.flac', 'cymbal'],
  ['ForzeeStereo/Kick-0.wav', 'kick'],
  ['ForzeeStereo/TomLow-2.wav', 'tom'],
  ['ForzeeStereo/Snare-3.wav', 'snare'],
  ['ForzeeStereo/HiHatClosed-2.wav', 'hihat'],
  ['ForzeeStereo/Crash18-2.wav', 'cymbal'],
];

describe('SampleClassifier (committed model)', () => {
  let classifier: SampleClassifier;
  /** The model input of a file, as the analysis worker builds it. */
  const featuresOf = async (path: string) =>
    classifier.inputsOf([await analyzeFile(path)])[0] as Float32Array;
  beforeAll(async () => {
    classifier = await SampleClassifier.load();
  });
  afterAll(async () => {
    await classifier.close();
  });

  it('finds the committed model and its metadata matches the taxonomy and the engine feature vector', () => {
    expect(defaultModelsDir().endsWith('models')).toBe(true);
    expect(classifier.meta.oneShotClasses).toEqual([...ONE_SHOT_CLASSES]);
    expect(classifier.meta.loopClasses).toEqual([...LOOP_CLASSES]);
    // engine-v<FEATURE_VECTOR_VERSION>, optionally @<analyser version> and +<own input features>
    expect(classifier.meta.featureVersion).toMatch(
      new RegExp(`^engine-v${FEATURE_VECTOR_VERSION}($|[@+])`),
    );
  });

  it('classifies real held-out drum samples in one batch', async () => {
    const features = await Promise.all(HELD_OUT.map(([f]) => featuresOf(join(KITS, f))));
    const results = await classifier.classify(features);
    // The graph's own probabilities decide the tier (recalibration only rescales what is shown).
    const raw = await classifier.probabilities(features);
    expect(results).toHaveLength(HELD_OUT.length);
    for (const [k, r] of results.entries()) {
      const top = Math.max(...(raw[k] as Float32Array));
      const total = r.candidates.reduce((a, c) => a + c.p, 0);
      expect(total).toBeLessThanOrEqual(1.0001);
      expect(r.candidates).toHaveLength(3);
      expect(r.candidates[0]?.p).toBeCloseTo(r.confidence, 6);
      // always the top class, with the tier its thresholds give
      expect(r.class).toBe(r.candidates[0]?.class);
      const i = (ONE_SHOT_CLASSES as readonly string[]).indexOf(r.class as string);
      const t = tierThresholds(classifier.meta, 'oneShot');
      const likely = typeof t.likely === 'number' ? t.likely : (t.likely[i] as number);
      const sure = typeof t.sure === 'number' ? t.sure : (t.sure[i] as number);
      expect(r.tier).toBe(top >= sure ? 'sure' : top >= likely ? 'likely' : 'guess');
      expect(ONE_SHOT_CLASSES).toContain(r.candidates[0]?.class);
    }
    const right = results.filter((r, i) => r.candidates[0]?.class === HELD_OUT[i]?.[1]).length;
    expect(right).toBeGreaterThanOrEqual(HELD_OUT.length / 2);
    // batching does not change answers
    const single = await classifier.classify([features[0] as Float32Array]);
    expect(single[0]?.confidence).toBeCloseTo(results[0]?.confidence as number, 5);
  });

  it('gives loops a loop content class and returns embeddings', async () => {
    const f = await featuresOf('/usr/share/lmms/samples/beats/break01.ogg');
    const [loop] = await classifier.classify([f], ['loop']);
    expect(LOOP_CLASSES).toContain(loop?.candidates[0]?.class);
    const [emb] = await classifier.embed([f]);
    expect(emb).toHaveLength(classifier.meta.embeddingLength);
    // one run gives both, the same as separate runs
    const both = await classifier.classifyAndEmbed([f], ['loop']);
    expect(both.classes[0]).toEqual(loop);
    expect([...both.embeddings[0]!]).toEqual([...emb!]);
    expect(await classifier.embed([])).toEqual([]);
    expect(await classifier.classify([])).toEqual([]);
  });

  it('classifies analysis results by their kind, and refuses another vector version', async () => {
    const kick = await analyzeFile(join(KITS, 'TR808EmulationKit/808_Kick_Long.flac'));
    const loop = await analyzeFile('/usr/share/lmms/samples/beats/break01.ogg');
    const [a, b] = await classifier.classifyResults([kick, loop]);
    expect(ONE_SHOT_CLASSES).toContain(a?.candidates[0]?.class);
    expect(loop.kind === 'loop' ? LOOP_CLASSES : ONE_SHOT_CLASSES).toContain(
      b?.candidates[0]?.class,
    );
    await expect(
      classifier.classifyResults([{ ...kick, featureVectorVersion: 999 }]),
    ).rejects.toThrow(/version 999/);
    if (classifier.meta.melPatch) {
      await expect(
        classifier.classifyResults([{ ...kick, melPatch: new Float32Array(7) }]),
      ).rejects.toThrow(/mel patch .* 7 values/);
    }
  });

  it('refuses vectors of the wrong length', async () => {
    await expect(classifier.classify([new Float32Array(3)])).rejects.toThrow(/length 3/);
  });

  it('classifies a batch of 512 (its speed is measured by the model card, not here)', async () => {
    const batch = Array.from({ length: 512 }, (_, i) =>
      new Float32Array(classifier.meta.featureLength).fill(i / 512),
    );
    const out = await classifier.classify(batch);
    expect(out).toHaveLength(512);
    expect(out.every((r) => r.candidates.length === 3)).toBe(true);
  });
});

describe('model metadata', () => {
  const meta = JSON.parse(readFileSync(join(defaultModelsDir(), META_FILE), 'utf8')) as Record<
    string,
    unknown
  >;

  it('rejects a class order that differs from the taxonomy', () => {
    const swapped = [...ONE_SHOT_CLASSES];
    [swapped[0], swapped[1]] = [
      swapped[1] as (typeof swapped)[number],
      swapped[0] as (typeof swapped)[number],
    ];
    expect(() => parseModelMeta({ ...meta, oneShotClasses: swapped })).toThrow(/class order/);
    expect(() => parseModelMeta({ ...meta, featureLength: 0 })).toThrow();
    expect(() =>
      parseModelMeta({
        ...meta,
        classThreshold: { oneShot: [0.5], loop: [0.5, 0.5, 0.5, 0.5, 0.5] },
      }),
    ).toThrow();
    expect(() =>
      parseModelMeta({ ...meta, sureThreshold: { oneShot: [0.9], loop: [0.9, 0.9] } }),
    ).toThrow();
  });

  it('loads from an explicit folder and from SAMPLEMIND_MODELS_DIR', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sm-model-'));
    copyFileSync(join(defaultModelsDir(), MODEL_FILE), join(dir, MODEL_FILE));
    writeFileSync(join(dir, META_FILE), JSON.stringify(meta));
    const c = await SampleClassifier.load(dir);
    expect(c.meta.featureLength).toBe(meta.featureLength);
    await c.close();
    process.env.SAMPLEMIND_MODELS_DIR = dir;
    try {
      expect(defaultModelsDir()).toBe(dir);
    } finally {
      delete process.env.SAMPLEMIND_MODELS_DIR;
    }
  });

  describe('SampleClassifier recalibration', () => {
    it('rescales the probability shown, keeping class, order and tier', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'sm-recal-'));
      copyFileSync(join(defaultModelsDir(), MODEL_FILE), join(dir, MODEL_FILE));
      // the temperature of `recalibration` (what files without a calibrator carry)
      const { calibrator: _c, ...meta } = JSON.parse(
        readFileSync(join(defaultModelsDir(), META_FILE), 'utf8'),
      ) as Record<string, unknown>;
      const write = (t: number) =>
        writeFileSync(
          join(dir, META_FILE),
          JSON.stringify({ ...meta, recalibration: { oneShot: t, loop: t } }),
        );
      const inputs = HELD_OUT.map(async ([f]) => {
        const c = await SampleClassifier.load();
        try {
          return c.inputsOf([await analyzeFile(join(KITS, f))])[0] as Float32Array;
        } finally {
          await c.close();
        }
      });
      const features = await Promise.all(inputs);
      write(1);
      const plain = await SampleClassifier.load(dir);
      const a = await plain.classify(features);
      await plain.close();
      write(0.5);
      const sharp = await SampleClassifier.load(dir);
      const b = await sharp.classify(features);
      const raw = await sharp.probabilities(features);
      await sharp.close();
      a.forEach((x, i) => {
        const y = b[i] as (typeof b)[number];
        expect(y.class).toBe(x.class);
        expect(y.tier).toBe(x.tier);
        expect(y.candidates.map((c) => c.class)).toEqual(x.candidates.map((c) => c.class));
        // t = 0.5 squares and renormalises: the top class gains unless it was already ~1
        expect(y.confidence).toBeGreaterThanOrEqual(x.confidence - 1e-6);
        expect(Math.max(...(raw[i] as Float32Array))).toBeCloseTo(x.confidence, 5);
      });
      expect(b.some((y, i) => y.confidence > (a[i] as (typeof a)[number]).confidence + 0.01)).toBe(
        true,
      );
    });

    it('applies the calibrator of the metadata; the tier reads the graph’s probability of the class shown', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'sm-calib-'));
      copyFileSync(join(defaultModelsDir(), MODEL_FILE), join(dir, MODEL_FILE));
      const meta = parseModelMeta(
        JSON.parse(readFileSync(join(defaultModelsDir(), META_FILE), 'utf8')),
      );
      const n = ONE_SHOT_CLASSES.length;
      const fx = ONE_SHOT_CLASSES.indexOf('fx');
      // a vector calibrator that makes fx win everywhere
      const oneShot = {
        kind: 'vector' as const,
        w: Array.from({ length: n }, () => 1),
        b: Array.from({ length: n }, (_, i) => (i === fx ? 80 : 0)),
      };
      writeFileSync(
        join(dir, META_FILE),
        JSON.stringify({ ...meta, calibrator: { oneShot, loop: { kind: 'temperature', t: 1 } } }),
      );
      let seed = 3;
      const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
      const x = Array.from({ length: 6 }, () =>
        Float32Array.from({ length: meta.featureLength }, () => 4 * rand() - 2),
      );
      const c = await SampleClassifier.load(dir);
      const shown = await c.classify(x);
      const raw = await c.probabilities(x);
      await c.close();
      const tiers = tierThresholds(meta, 'oneShot');
      shown.forEach((r, i) => {
        expect(r.class).toBe('fx');
        expect(r.tier).toBe(tierOf((raw[i] as Float32Array)[fx] as number, fx, tiers));
        expect(r.confidence).toBeGreaterThan(0.99);
      });
    });
  });
});
