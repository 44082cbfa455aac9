import { basename } from 'node:path';
import type { Analyzed } from '../lib/analyzeAll';
import { readAudio } from '../lib/audioIo';
import { acc1, acc2, pct } from '../lib/metrics';
import { aubioTempo } from '../reference/aubioTempo';
import { bpmTools } from '../reference/bpmTools';
import { essentiaBpm } from '../reference/essentia';
import type { EvalItem } from '../sets/types';

export interface TempoRow {
  file: string;
  set: string;
  info: string;
  truth: number;
  ours: number | null;
  confidence: number | null;
  aubio: number | null;
  bpmTools: number | null;
  essentia: number | null;
}

export interface ToolScore {
  acc1: number;
  acc1Pct: number;
  acc2: number;
  acc2Pct: number;
  noAnswer: number;
}

export interface TempoReport {
  loops: number;
  ours: ToolScore;
  aubio: ToolScore | null;
  bpmTools: ToolScore | null;
  essentia: ToolScore | null;
  bySet: Record<string, ToolScore>;
  misses: TempoRow[];
  rows: TempoRow[];
}

function score(rows: TempoRow[], get: (r: TempoRow) => number | null): ToolScore {
  const a1 = rows.filter((r) => acc1(get(r), r.truth)).length;
  const a2 = rows.filter((r) => acc2(get(r), r.truth)).length;
  return {
    acc1: a1,
    acc1Pct: pct(a1, rows.length),
    acc2: a2,
    acc2Pct: pct(a2, rows.length),
    noAnswer: rows.filter((r) => get(r) === null).length,
  };
}

function mono(ch: Float32Array[]): Float32Array {
  const out = new Float32Array(ch[0]?.length ?? 0);
  for (const c of ch)
    for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) + (c[i] as number) / ch.length;
  return out;
}

export async function scoreTempo(
  items: EvalItem[],
  analyzed: Map<string, Analyzed>,
  references: boolean,
): Promise<TempoReport> {
  const rows: TempoRow[] = [];
  for (const it of items) {
    if (it.bpm === undefined) continue;
    const a = analyzed.get(it.path);
    let ess: number | null = null;
    if (references) {
      const audio = await readAudio(it.path);
      ess = essentiaBpm(mono(audio.channels), audio.sampleRate);
    }
    rows.push({
      file: basename(it.path),
      set: it.set,
      info: it.info,
      truth: it.bpm,
      ours: a?.result?.bpm ?? null,
      confidence: a?.result?.bpmConfidence ?? null,
      aubio: references ? aubioTempo(it.path) : null,
      bpmTools: references ? bpmTools(it.path) : null,
      essentia: ess,
    });
  }
  const bySet: Record<string, ToolScore> = {};
  for (const set of new Set(rows.map((r) => r.set)))
    bySet[set] = score(
      rows.filter((r) => r.set === set),
      (r) => r.ours,
    );
  return {
    loops: rows.length,
    ours: score(rows, (r) => r.ours),
    aubio: references ? score(rows, (r) => r.aubio) : null,
    bpmTools: references ? score(rows, (r) => r.bpmTools) : null,
    essentia: references ? score(rows, (r) => r.essentia) : null,
    bySet,
    misses: rows.filter((r) => !acc1(r.ours, r.truth)),
    rows,
  };
}
