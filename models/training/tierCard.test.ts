import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultModelsDir, META_FILE } from '../../electron/analysis/classify/classifier';
import { parseModelMeta } from '../../electron/analysis/classify/modelMeta';
import type { Evaluation, HeadEvaluation } from './evaluate';
import {
  describeCalibrator,
  tierSection,
  TIER_END,
  TIER_START,
  writeTierSection,
} from './tierCard';

describe('writeTierSection', () => {
  it('appends the section once, then replaces it in place', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sm-card-')), 'CARD.md');
    writeFileSync(path, '# Card\n\nintro\n');
    writeTierSection(path, `${TIER_START}\nfirst\n${TIER_END}\n`);
    writeFileSync(path, `${readFileSync(path, 'utf8')}\n## After\n`);
    writeTierSection(path, `${TIER_START}\nsecond\n${TIER_END}\n`);
    const card = readFileSync(path, 'utf8');
    expect(card).toContain('second');
    expect(card).not.toContain('first');
    expect(card.indexOf('intro')).toBeLessThan(card.indexOf('second'));
    expect(card.indexOf('second')).toBeLessThan(card.indexOf('## After'));
    expect(card.split(TIER_START)).toHaveLength(2);
  });
});

describe('the calibration text of the tier section', () => {
  it('describes each kind of calibrator with its fitted values', () => {
    expect(describeCalibrator({ kind: 'temperature', t: 1 })).toBe('none');
    expect(describeCalibrator({ kind: 'temperature', t: 0.6531 })).toContain('t = 0.653');
    expect(describeCalibrator({ kind: 'platt', a: 1.5, b: -0.25 })).toContain(
      'σ(1.5 · logit p + -0.25)',
    );
    expect(describeCalibrator({ kind: 'topLabel', x: [0.4, 0.9], y: [0.5, 0.97] })).toContain(
      '0.4 → 0.5, 0.9 → 0.97',
    );
    expect(describeCalibrator({ kind: 'vector', w: [1, 2], b: [-0.5, 0.5] })).toContain('w 1–2');
    expect(describeCalibrator({ kind: 'topLabel', t: 0.58, x: [0.4], y: [0.5] })).toMatch(
      /^a temperature t = 0.58, then a monotonic map/,
    );
  });

  it('shows the cross-validation with the chosen calibrator in bold, and the rows before', () => {
    const head = (ece: number): HeadEvaluation => ({
      metrics: { accuracy: 0.8, total: 10 } as HeadEvaluation['metrics'],
      coverage: 1,
      selectiveAccuracy: 0.8,
      tiers: (['sure', 'likely', 'guess'] as const).map((tier) => ({
        tier,
        n: 1,
        share: 0.3,
        precision: 1,
      })),
      ece,
      reliability: [{ lo: 0.8, n: 10, meanConfidence: 0.85, accuracy: 0.8 }],
      bySource: [],
      misses: [],
    });
    const ev = (split: 'val' | 'test', ece: number): Evaluation => ({
      split,
      oneShot: head(ece),
      loop: head(ece),
      drumAccuracy: 0.9,
      msPerSample: 0,
      batchSize: 0,
    });
    const meta = parseModelMeta(
      JSON.parse(readFileSync(join(defaultModelsDir(), META_FILE), 'utf8')),
    );
    const scores = [
      { name: 'temperature', ece: 0.05, eceSd: 0.01, nll: 0.9 },
      { name: 'Platt on p₁', ece: 0.03, eceSd: 0.004, nll: 0.8 },
      { name: 'vector', ece: 0.02, eceSd: 0.004, nll: 0.7, ineligible: 'changes top classes' },
    ];
    const text = tierSection({
      meta: {
        ...meta,
        calibrator: {
          oneShot: { kind: 'platt', a: 2, b: 0 },
          loop: { kind: 'temperature', t: 0.9 },
        },
      },
      test: ev('test', 0.031),
      val: ev('val', 0.02),
      before: { name: 'held out, temperature only', eval: ev('test', 0.072) },
      target: 0.97,
      provenance: 'p',
      command: 'c',
      cv: {
        oneShot: { chosen: 'Platt on p₁', scores },
        loop: { chosen: 'temperature', scores },
      },
    });
    expect(text).toContain(
      '| Platt on p₁ | **3.0 % ± 0.4 %**, NLL 0.800 | 3.0 % ± 0.4 %, NLL 0.800 |',
    );
    expect(text).toContain(
      '| temperature | 5.0 % ± 1.0 %, NLL 0.900 | **5.0 % ± 1.0 %**, NLL 0.900 |',
    );
    expect(text).toContain(
      '| held out, temperature only, one-shots | 10 | 80.0 % | 90.0 % | 7.2 %',
    );
    expect(text).toContain(
      'for one-shots Platt scaling of the top probability, q = σ(2 · logit p + 0)',
    );
    expect(text).toContain('15 equal-width bins');
    expect(text).toContain('| vector | 2.0 % ± 0.4 %, NLL 0.700 (changes top classes) |');
  });
});
