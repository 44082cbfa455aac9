import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyCalibrator } from '../../electron/analysis/classify/calibrator';
import {
  defaultModelsDir,
  META_FILE,
  MODEL_FILE,
  SampleClassifier,
} from '../../electron/analysis/classify/classifier';
import { reliability } from './calibration';
import { scoreCalibrated } from './chooseCalibrator';
import { fitIsotonic, fitPlatt, topDecisions } from './fitTopLabel';
import { fitVectorScaling } from './fitVectorScaling';

/** Model inputs of the committed model's length, seeded (no audio needed). */
function inputs(count: number, length: number): Float32Array[] {
  let s = 12345;
  const rand = () => (s = (s * 16807) % 2147483647) / 2147483647;
  return Array.from({ length: count }, () => Float32Array.from({ length }, () => 4 * rand() - 2));
}

describe('calibrators fitted here, applied by the app', () => {
  it('the classifier shows what the fitted calibrator gives, and the same ECE', async () => {
    const plain = await SampleClassifier.load();
    const x = inputs(120, plain.meta.featureLength);
    const raw = await plain.probabilities(x);
    await plain.close();
    // labels: the top class for two rows in three, else the second
    const labels = raw.map((p, i) => {
      const order = [...p.keys()].sort((a, b) => (p[b] as number) - (p[a] as number));
      return (i % 3 === 2 ? order[1] : order[0]) as number;
    });
    const dir = mkdtempSync(join(tmpdir(), 'sm-calrt-'));
    copyFileSync(join(defaultModelsDir(), MODEL_FILE), join(dir, MODEL_FILE));
    const meta = JSON.parse(readFileSync(join(defaultModelsDir(), META_FILE), 'utf8')) as object;
    for (const calibrator of [
      fitIsotonic(topDecisions(raw, labels), { minBlock: 20 }),
      fitPlatt(topDecisions(raw, labels)),
      fitVectorScaling(raw, labels, { form: 'bias', lambda: 0.01, iterations: 100 }),
    ]) {
      writeFileSync(
        join(dir, META_FILE),
        JSON.stringify({
          ...meta,
          calibrator: { oneShot: calibrator, loop: { kind: 'temperature', t: 1 } },
        }),
      );
      const c = await SampleClassifier.load(dir);
      const shown = await c.classify(x);
      const recal = await c.probabilities(x, [], true);
      await c.close();
      const expected = raw.map((p) => applyCalibrator(p, calibrator));
      shown.forEach((r, i) => {
        const e = expected[i] as Float32Array;
        expect(r.confidence).toBeCloseTo(Math.max(...e), 6);
        expect([...(recal[i] as Float32Array)]).toEqual([...e]);
      });
      // the reliability the evaluation reads from the app equals the one computed here
      const app = reliability(
        shown.map((r, i) => ({
          confidence: r.confidence,
          correct: r.candidates[0]?.class === c.meta.oneShotClasses[labels[i] as number],
        })),
      ).ece;
      expect(app).toBeCloseTo(scoreCalibrated(expected, labels).ece, 9);
    }
  });
});
