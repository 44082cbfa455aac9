/**
 * Dumps the intermediate analysis facts of the labelled eval sets (kind features, pitch,
 * chroma) to JSON, so that models and thresholds can be studied and refitted without
 * re-running the whole eval:
 *
 *   tsx bench/eval/dumpFeatures.ts --seed 1001 [--out bench/.data/eval/features-1001.json]
 *
 * The sets are the cached ones `npm run eval` builds for that seed (built if missing).
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openAudio } from '../../electron/analysis/decode/openAudio';
import { envelopeFeatures } from '../../electron/analysis/features/envelope';
import { analyzeFrames } from '../../electron/analysis/features/frameAnalysis';
import { detectOnsets, onsetStrengths } from '../../electron/analysis/features/onsets';
import { computeChroma } from '../../electron/analysis/key/chroma';
import { envelopePeaks } from '../../electron/analysis/kind/envelopePeaks';
import { kindFeatures } from '../../electron/analysis/kind/kindFeatures';
import { estimatePitch } from '../../electron/analysis/pitch/rootNote';
import { measureStream } from '../../electron/analysis/stream/measureStream';
import { estimateTempo } from '../../electron/analysis/tempo/estimateTempo';
import { DATA, LMMS } from './lib/paths';
import { buildHydrogenLoops } from './sets/hydrogenLoops';
import { buildKeyProgressions } from './sets/keyProgressions';
import { buildMidiGrooves } from './sets/midiGrooves';
import { realOneShots } from './sets/realOneShots';
import { buildRootNotes } from './sets/rootNotes';
import type { EvalItem } from './sets/types';

/** LMMS samples labelled by their folder: beats/ and bassloops/ are loops; basses/, instruments/, stringsnpads/ one-shots. */
function lmmsByFolder(): EvalItem[] {
  const out: EvalItem[] = [];
  const folders: Array<[string, 'loop' | 'one-shot']> = [
    ['beats', 'loop'],
    ['bassloops', 'loop'],
    ['basses', 'one-shot'],
    ['instruments', 'one-shot'],
    ['stringsnpads', 'one-shot'],
  ];
  for (const [folder, kind] of folders) {
    const dir = join(LMMS, folder);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort())
      out.push({ set: `lmms-${folder}`, path: join(dir, f), kind, info: `lmms ${folder}` });
  }
  return out;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

export interface DumpedItem extends EvalItem {
  durationSec: number;
  kindFeatures: number[];
  pitch: { midi: number; cents: number; confidence: number } | null;
  chroma: number[] | null;
  chromaFrames: number[][] | null;
  bass: number[] | null;
  tuningCents: number | null;
  /** Envelope (max of the peak follower per 10 ms), relative to its peak. */
  env10ms: number[];
  envelopePeaks: number;
  onsets: number[];
  onsetStrengths: number[];
  tempo: { bpm: number; periodicity: number; confidence: number } | null;
}

async function dump(it: EvalItem): Promise<DumpedItem> {
  const source = await openAudio(it.path);
  try {
    const m = await measureStream(source, {});
    const rate = m.analysisRate;
    const x = m.excerpt;
    const durationSec = m.frames / source.info.sampleRate;
    const mayLoop = m.excerptIsWhole && durationSec >= 1;
    const frames = analyzeFrames(x, rate, { wrap: mayLoop, overlap: mayLoop ? 2 : 1 });
    const env = envelopeFeatures(x, rate);
    const onsets = detectOnsets(frames.flux, frames.frameRate);
    const tempo = estimateTempo(frames, { durationSec: x.length / rate, loop: mayLoop });
    const strengths = onsetStrengths(frames.flux, frames.frameRate, onsets);
    const kf = kindFeatures({
      durationSec,
      onsets,
      onsetStrengths: strengths,
      envelope: env,
      tempo,
    });
    const per = Math.max(1, Math.round(env.rate / 100));
    const env10ms: number[] = [];
    for (let i = 0; i < env.env.length; i += per) {
      let mx = 0;
      for (let j = i; j < Math.min(env.env.length, i + per); j++)
        mx = Math.max(mx, env.env[j] as number);
      env10ms.push(env.peak > 0 ? mx / env.peak : 0);
    }
    const p = estimatePitch(x, rate, env);
    const tonal = it.key !== undefined || it.grooveKey !== undefined;
    const c = tonal ? computeChroma(x, rate) : null;
    const chromaFrames: number[][] = [];
    if (c)
      for (let t = 0; t < c.frameCount; t++)
        chromaFrames.push(Array.from(c.frames.subarray(t * 12, t * 12 + 12)));
    return {
      ...it,
      durationSec,
      kindFeatures: kf,
      pitch: p ? { midi: p.midi, cents: p.cents, confidence: p.confidence } : null,
      chroma: c ? Array.from(c.profile) : null,
      chromaFrames: c ? chromaFrames : null,
      bass: c ? Array.from(c.bass) : null,
      tuningCents: c ? c.tuningCents : null,
      env10ms,
      envelopePeaks: envelopePeaks(env),
      onsets,
      onsetStrengths: strengths,
      tempo: tempo
        ? { bpm: tempo.bpm, periodicity: tempo.periodicity, confidence: tempo.confidence }
        : null,
    };
  } finally {
    await source.close();
  }
}

const seed = Number(arg('seed') ?? 7);
const items: EvalItem[] = [
  ...(await buildHydrogenLoops(48, seed)),
  ...(await buildMidiGrooves(32, seed)),
  ...(await buildRootNotes(120, seed)),
  ...(await buildKeyProgressions(48, seed)),
  ...realOneShots(150, seed),
  ...(process.argv.includes('--lmms') ? lmmsByFolder() : []),
];
const out: DumpedItem[] = [];
for (const it of items) {
  try {
    out.push(await dump(it));
  } catch (e) {
    console.error(`[dump] skipped ${it.path}: ${(e as Error).message}`);
  }
}
const file =
  arg('out') ??
  join(DATA, `features-${seed}${process.argv.includes('--lmms') ? '-lmms' : ''}.json`);
writeFileSync(file, JSON.stringify(out));
console.error(`[dump] ${out.length} items → ${file}`);
