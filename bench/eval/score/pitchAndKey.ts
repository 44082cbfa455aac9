import { basename } from 'node:path';
import { midiToNoteName, parseNoteName, parsePitchClass } from '../../../shared/music';
import type { Analyzed } from '../lib/analyzeAll';
import { readAudio } from '../lib/audioIo';
import { keyVerdict, pct, pitchClassCorrect, type KeyVerdict } from '../lib/metrics';
import { essentiaKey } from '../reference/essentia';
import type { EvalItem } from '../sets/types';

export interface RootRow {
  file: string;
  info: string;
  truth: string;
  ours: string | null;
  cents: number | null;
  confidence: number | null;
  essentiaTonic: string | null;
}

export interface RootReport {
  notes: number;
  pitchClassCorrect: number;
  pitchClassPct: number;
  octaveCorrect: number;
  octaveCorrectPct: number;
  noAnswer: number;
  essentiaPitchClassPct: number | null;
  byFamily: Record<string, { notes: number; pitchClassPct: number }>;
  misses: RootRow[];
}

export interface KeyRow {
  file: string;
  info: string;
  truth: string;
  ours: string | null;
  verdict: KeyVerdict;
  essentia: string | null;
  essentiaVerdict: KeyVerdict | null;
  essentiaEdma: string | null;
  essentiaEdmaVerdict: KeyVerdict | null;
}

export interface KeyReport {
  items: number;
  correct: number;
  correctPct: number;
  withRelative: number;
  withRelativePct: number;
  verdicts: Record<string, number>;
  essentia: {
    correctPct: number;
    withRelativePct: number;
    edmaCorrectPct: number;
    edmaWithRelativePct: number;
  } | null;
  misses: KeyRow[];
}

function mono(ch: Float32Array[]): Float32Array {
  const out = new Float32Array(ch[0]?.length ?? 0);
  for (const c of ch)
    for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) + (c[i] as number) / ch.length;
  return out;
}

export async function scoreRoots(
  items: EvalItem[],
  analyzed: Map<string, Analyzed>,
  references: boolean,
): Promise<RootReport> {
  const rows: Array<
    RootRow & { truthMidi: number; oursMidi: number | null; family: string; essPc: number | null }
  > = [];
  for (const it of items) {
    if (it.midi === undefined) continue;
    const r = analyzed.get(it.path)?.result ?? null;
    let essTonic: string | null = null;
    if (references) {
      const audio = await readAudio(it.path);
      essTonic = essentiaKey(mono(audio.channels), audio.sampleRate).key.split(' ')[0] ?? null;
    }
    rows.push({
      file: basename(it.path),
      info: it.info,
      truth: midiToNoteName(it.midi),
      ours: r?.rootNote ?? null,
      cents: r?.rootCents ?? null,
      confidence: r?.rootConfidence ?? null,
      essentiaTonic: essTonic,
      truthMidi: it.midi,
      oursMidi: r?.rootNote ? parseNoteName(r.rootNote) : null,
      family: it.info.split(' ')[0] ?? '',
      essPc: essTonic ? parsePitchClass(essTonic) : null,
    });
  }
  const pcOk = rows.filter((r) => pitchClassCorrect(r.oursMidi, r.truthMidi));
  const octOk = rows.filter((r) => r.oursMidi === r.truthMidi);
  const byFamily: Record<string, { notes: number; pitchClassPct: number }> = {};
  for (const fam of new Set(rows.map((r) => r.family))) {
    const fr = rows.filter((r) => r.family === fam);
    byFamily[fam] = {
      notes: fr.length,
      pitchClassPct: pct(
        fr.filter((r) => pitchClassCorrect(r.oursMidi, r.truthMidi)).length,
        fr.length,
      ),
    };
  }
  return {
    notes: rows.length,
    pitchClassCorrect: pcOk.length,
    pitchClassPct: pct(pcOk.length, rows.length),
    octaveCorrect: octOk.length,
    octaveCorrectPct: pct(octOk.length, rows.length),
    noAnswer: rows.filter((r) => r.ours === null).length,
    essentiaPitchClassPct: references
      ? pct(
          rows.filter((r) => r.essPc !== null && r.essPc === r.truthMidi % 12).length,
          rows.length,
        )
      : null,
    byFamily,
    misses: rows
      .filter((r) => r.oursMidi !== r.truthMidi)
      .map(({ file, info, truth, ours, cents, confidence, essentiaTonic }) => ({
        file,
        info,
        truth,
        ours,
        cents,
        confidence,
        essentiaTonic,
      })),
  };
}

export async function scoreKeys(
  items: EvalItem[],
  analyzed: Map<string, Analyzed>,
  references: boolean,
): Promise<KeyReport> {
  const rows: KeyRow[] = [];
  for (const it of items) {
    if (it.key === undefined) continue;
    const r = analyzed.get(it.path)?.result ?? null;
    let ess: string | null = null;
    let edma: string | null = null;
    if (references) {
      const audio = await readAudio(it.path);
      const m = mono(audio.channels);
      ess = essentiaKey(m, audio.sampleRate, 'bgate').key;
      edma = essentiaKey(m, audio.sampleRate, 'edma').key;
    }
    rows.push({
      file: basename(it.path),
      info: it.info,
      truth: it.key,
      ours: r?.key ?? null,
      verdict: keyVerdict(r?.key ?? null, it.key),
      essentia: ess,
      essentiaVerdict: ess ? keyVerdict(ess, it.key) : null,
      essentiaEdma: edma,
      essentiaEdmaVerdict: edma ? keyVerdict(edma, it.key) : null,
    });
  }
  const count = (v: (r: KeyRow) => KeyVerdict | null, ok: KeyVerdict[]): number =>
    rows.filter((r) => ok.includes(v(r) ?? 'none')).length;
  const verdicts: Record<string, number> = {};
  for (const r of rows) verdicts[r.verdict] = (verdicts[r.verdict] ?? 0) + 1;
  return {
    items: rows.length,
    correct: count((r) => r.verdict, ['correct']),
    correctPct: pct(
      count((r) => r.verdict, ['correct']),
      rows.length,
    ),
    withRelative: count((r) => r.verdict, ['correct', 'relative']),
    withRelativePct: pct(
      count((r) => r.verdict, ['correct', 'relative']),
      rows.length,
    ),
    verdicts,
    essentia: references
      ? {
          correctPct: pct(
            count((r) => r.essentiaVerdict, ['correct']),
            rows.length,
          ),
          withRelativePct: pct(
            count((r) => r.essentiaVerdict, ['correct', 'relative']),
            rows.length,
          ),
          edmaCorrectPct: pct(
            count((r) => r.essentiaEdmaVerdict, ['correct']),
            rows.length,
          ),
          edmaWithRelativePct: pct(
            count((r) => r.essentiaEdmaVerdict, ['correct', 'relative']),
            rows.length,
          ),
        }
      : null,
    misses: rows.filter((r) => r.verdict !== 'correct'),
  };
}
