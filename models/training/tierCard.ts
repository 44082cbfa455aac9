/**
 * The model card's section on class tiers and calibration (models/MODEL_CARD.md, between
 * the TIER_START / TIER_END markers), written by calibrate.ts and by train.ts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { ModelMeta } from '../../electron/analysis/classify/modelMeta';
import type { Evaluation, HeadEvaluation } from './evaluate';

export const TIER_START = '<!-- tiers:start (models/training/tierCard.ts) -->';
export const TIER_END = '<!-- tiers:end -->';

export interface TierCardInputs {
  meta: ModelMeta;
  test: Evaluation;
  val: Evaluation;
  /** Precision the sure thresholds were chosen for on validation. */
  target: number;
  /** How the thresholds were chosen (one paragraph, markdown). */
  provenance: string;
  /** The command that wrote the section. */
  command: string;
  /** Row names of the two evaluations (default: "test (held out)", "validation"). */
  splitNames?: { test: string; val: string };
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

function tierCells(h: HeadEvaluation): string[] {
  return h.tiers.map((t) =>
    t.n === 0 ? '0' : `${t.n} (${pct(t.share)}), ${pct(t.precision)} right`,
  );
}

function thresholds(names: readonly string[], values: readonly number[] | undefined): string {
  return names
    .map((c, i) => {
      const v = values?.[i];
      return `${c} ${v === undefined || v > 1 ? 'never' : v.toFixed(3)}`;
    })
    .join(', ');
}

export function tierSection(x: TierCardInputs): string {
  const rows: string[] = [];
  for (const e of [x.test, x.val]) {
    const name =
      e.split === 'test'
        ? (x.splitNames?.test ?? 'test (held out)')
        : (x.splitNames?.val ?? 'validation');
    rows.push(
      `| ${name}, one-shots | ${e.oneShot.metrics.total} | ${pct(e.oneShot.metrics.accuracy)} | ${pct(e.drumAccuracy)} | ${pct(e.oneShot.ece)} | ${tierCells(e.oneShot).join(' | ')} |`,
      `| ${name}, loops | ${e.loop.metrics.total} | ${pct(e.loop.metrics.accuracy)} | — | ${pct(e.loop.ece)} | ${tierCells(e.loop).join(' | ')} |`,
    );
  }
  const bins = x.test.oneShot.reliability
    .map(
      (b) =>
        `| ${b.lo.toFixed(2)}–${(b.lo + 1 / 15).toFixed(2)} | ${b.n} | ${b.meanConfidence.toFixed(3)} | ${b.accuracy.toFixed(3)} |`,
    )
    .join('\n');
  const probability = x.meta.recalibration
    ? 'softmax of logits / (T·t): T fitted on validation by train_model.py, t on the calibration half of test by recalibrate.ts'
    : 'softmax of logits / T, T fitted on validation by train_model.py';
  const fittedOn = 'validation';
  return `${TIER_START}
## Class tiers and calibration

Every analysed sound gets the model's top class with its calibrated probability
(${probability}) and a tier:
**sure** at or above its class's sure threshold, **likely** at or above its likely
threshold (the per-class thresholds below, fitted for 90 % precision on ${fittedOn}), else
**guess**. Search filters take sure and likely by default; guesses are shown dimmed and
can be included. A class the file name states stays first (resolveClass.ts); a check
that finds nothing to classify (silence, invalid samples) still leaves the class empty.

${x.provenance}

| split | n | top-1 | drums (kick, snare, hi-hat, cymbal, tom) | ECE | sure | likely | guess |
| --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

ECE: expected calibration error of the top class's probability over 15 equal bins.
"right" is the top class against the label. Goals (issue 23): sure ≥ 97 % precise,
top-1 of all one-shots ≥ 85 %, drums ≥ 92 %, ECE ≤ 5 %, on the held-out split.

- Sure thresholds (one-shots, target ${pct(x.target)} on ${fittedOn}): ${thresholds(x.meta.oneShotClasses, x.meta.sureThreshold?.oneShot)}.
- Sure thresholds (loops): ${thresholds(x.meta.loopClasses, x.meta.sureThreshold?.loop)}.
- Likely thresholds (one-shots): ${thresholds(x.meta.oneShotClasses, x.meta.classThreshold?.oneShot)}.
- Likely thresholds (loops): ${thresholds(x.meta.loopClasses, x.meta.classThreshold?.loop)}.

Reliability of the held-out one-shots (${x.splitNames?.test ?? 'test'}):

| confidence | n | mean confidence | accuracy |
| --- | --- | --- | --- |
${bins}

Written by \`${x.command}\`.
${TIER_END}
`;
}

/** Puts the section into the card: replaces the previous one, else appends it. */
export function writeTierSection(cardPath: string, section: string): void {
  const card = existsSync(cardPath) ? readFileSync(cardPath, 'utf8') : '';
  const start = card.indexOf(TIER_START);
  const end = card.indexOf(TIER_END);
  const next =
    start >= 0 && end > start
      ? `${card.slice(0, start)}${section.trimEnd()}${card.slice(end + TIER_END.length)}`
      : `${card.trimEnd()}\n\n${section}`;
  writeFileSync(cardPath, next);
}
