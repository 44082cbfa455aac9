import { basename, dirname } from 'node:path';
import type { Analyzed } from '../lib/analyzeAll';
import { pct } from '../lib/metrics';
import type { EvalItem } from '../sets/types';

export interface KindRow {
  file: string;
  set: string;
  info: string;
  truth: string;
  ours: string | null;
  confidence: number | null;
  durationSec: number | null;
}

export interface KindReport {
  items: number;
  correct: number;
  correctPct: number;
  bySet: Record<string, { items: number; correctPct: number }>;
  misses: KindRow[];
}

export function scoreKind(items: EvalItem[], analyzed: Map<string, Analyzed>): KindReport {
  const rows: KindRow[] = items.map((it) => {
    const r = analyzed.get(it.path)?.result ?? null;
    return {
      file: `${basename(dirname(it.path))}/${basename(it.path)}`,
      set: it.set,
      info: it.info,
      truth: it.kind,
      ours: r?.kind ?? null,
      confidence: r?.kindConfidence ?? null,
      durationSec: r?.durationSec ?? null,
    };
  });
  const ok = rows.filter((r) => r.ours === r.truth).length;
  const bySet: Record<string, { items: number; correctPct: number }> = {};
  for (const set of new Set(rows.map((r) => r.set))) {
    const s = rows.filter((r) => r.set === set);
    bySet[set] = {
      items: s.length,
      correctPct: pct(s.filter((r) => r.ours === r.truth).length, s.length),
    };
  }
  return {
    items: rows.length,
    correct: ok,
    correctPct: pct(ok, rows.length),
    bySet,
    misses: rows.filter((r) => r.ours !== r.truth),
  };
}
