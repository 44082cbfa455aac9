/**
 * The class check on held-out sounds (sets/heldOutClasses.ts): each file's class as the
 * analysis worker gives it from the audio alone (workerClassifier.classifyResult: the
 * model's top class and its tier; no name hints), against the label. A class counts as
 * right only when it is the label itself (a one-shot called a loop gets a loop class,
 * which is wrong unless the label is vocal or fx, the classes both heads share).
 */
import { basename } from 'node:path';
import type { ClassTier } from '../../../shared/taxonomy';
import {
  classifyResult,
  workerClassifier,
} from '../../../electron/analysis/classify/workerClassifier';
import type { Analyzed } from '../lib/analyzeAll';
import { pct } from '../lib/metrics';
import type { EvalItem } from '../sets/types';

export interface ClassRow {
  file: string;
  set: string;
  info: string;
  truth: string;
  ours: string | null;
  tier: ClassTier | null;
  p: number | null;
  kind: string | null;
  inTop3: boolean;
  candidates: string;
}

export interface ClassSetFigures {
  items: number;
  right: number;
  rightPct: number;
  inTop3: number;
  noClass: number;
  calledLoop: number;
  tiers: Record<ClassTier, { n: number; right: number }>;
  byClass: Record<string, { items: number; right: number }>;
}

export interface ClassReport {
  measuredAt: string;
  /** The model the classes came from (feature version / model file hash). */
  model: string;
  bySet: Record<string, ClassSetFigures>;
  misses: ClassRow[];
}

function figures(rows: ClassRow[]): ClassSetFigures {
  const right = rows.filter((r) => r.ours === r.truth).length;
  const tiers = { sure: { n: 0, right: 0 }, likely: { n: 0, right: 0 }, guess: { n: 0, right: 0 } };
  const byClass: Record<string, { items: number; right: number }> = {};
  for (const r of rows) {
    if (r.tier) {
      tiers[r.tier].n++;
      if (r.ours === r.truth) tiers[r.tier].right++;
    }
    const c = (byClass[r.truth] ??= { items: 0, right: 0 });
    c.items++;
    if (r.ours === r.truth) c.right++;
  }
  return {
    items: rows.length,
    right,
    rightPct: pct(right, rows.length),
    inTop3: rows.filter((r) => r.inTop3).length,
    noClass: rows.filter((r) => r.ours === null).length,
    calledLoop: rows.filter((r) => r.kind === 'loop').length,
    tiers,
    byClass,
  };
}

/** `modelsDir`: a folder holding another model (sample-classifier.onnx + its meta) to check instead of the shipped one. */
export async function scoreClasses(
  items: EvalItem[],
  analyzed: Map<string, Analyzed>,
  modelsDir?: string,
): Promise<ClassReport> {
  const rows: ClassRow[] = [];
  for (const it of items) {
    if (!it.cls) continue;
    const result = analyzed.get(it.path)?.result ?? null;
    const c = result ? await classifyResult(result, modelsDir) : null;
    rows.push({
      file: basename(it.path),
      set: it.set,
      info: it.info,
      truth: it.cls,
      ours: c?.class ?? null,
      tier: c?.class ? c.tier : null,
      p: c?.class ? c.confidence : null,
      kind: result?.kind ?? null,
      inTop3: (c?.candidates ?? []).some((x) => x.class === it.cls),
      candidates: (c?.candidates ?? []).map((x) => `${x.class} ${x.p.toFixed(2)}`).join(', '),
    });
  }
  const bySet: Record<string, ClassSetFigures> = {};
  for (const set of new Set(rows.map((r) => r.set)))
    bySet[set] = figures(rows.filter((r) => r.set === set));
  const model = (await workerClassifier(modelsDir))?.version ?? 'no model';
  return {
    measuredAt: new Date().toISOString(),
    model,
    bySet,
    misses: rows.filter((r) => r.ours !== r.truth),
  };
}

/** The markdown section of the class check. */
export function classMarkdown(r: ClassReport): string[] {
  const out: string[] = ['## Class (held-out sounds, audio alone)', ''];
  out.push(
    `Measured ${r.measuredAt} with model ${r.model}. Sets: bench/eval/sets/heldOutClasses.ts (none of them in any training split).`,
    '',
    'Each file gets the model\'s top class and a tier (sure / likely / guess). "right": the top class is the label; "top 3": the label is among the three candidates; tiers: how many files, and how many of those right.',
    '',
    '| Set | Files | Right | Top 3 | No class | Called loop | Sure | Likely | Guess |',
    '|---|---|---|---|---|---|---|---|---|',
  );
  const t = (x: { n: number; right: number }) => (x.n === 0 ? '0' : `${x.right} of ${x.n}`);
  for (const [set, f] of Object.entries(r.bySet))
    out.push(
      `| ${set} | ${f.items} | ${f.right} (${f.rightPct}%) | ${f.inTop3} | ${f.noClass} | ${f.calledLoop} | ${t(f.tiers.sure)} | ${t(f.tiers.likely)} | ${t(f.tiers.guess)} |`,
    );
  out.push('', '| Set | Class | Files | Right |', '|---|---|---|---|');
  for (const [set, f] of Object.entries(r.bySet))
    for (const [cls, c] of Object.entries(f.byClass).sort())
      out.push(`| ${set} | ${cls} | ${c.items} | ${c.right} |`);
  if (r.misses.length) {
    out.push(
      '',
      '| File | Set | Label | Ours | Tier | p | Kind | Candidates |',
      '|---|---|---|---|---|---|---|---|',
    );
    for (const m of r.misses)
      out.push(
        `| ${m.file} | ${m.set} | ${m.truth} | ${m.ours ?? '—'} | ${m.tier ?? '—'} | ${m.p === null ? '—' : m.p.toFixed(2)} | ${m.kind ?? '—'} | ${m.candidates} |`,
      );
  }
  out.push('');
  return out;
}
