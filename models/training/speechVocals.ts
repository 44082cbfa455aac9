/**
 * Spoken vocals as a training source: phrases and ad-libs (speech/phrases.ts) rendered by
 * festival and flite voices (speech/engines.ts) at drawn speeds and pitch targets, then
 * delivered as spoken, shouted, whispered, chopped or stuttered (speech/styles.ts),
 * resampled to 44.1 kHz (shifted ±3 semitones a third of the time, formants moving with
 * it), given an air band when the voice is narrow-band, and shaped by a drawn chain
 * (soundShaping.ts: EQ, room, phone / radio band, level). Labelled `vocal`. A voice is
 * one split group (`speech:<engine>-<voice>`; split.ts puts three voices in validation),
 * and a voice speaks only its split's phrase pool. Cached under `.data/speech/`.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeFile } from '../../electron/analysis/test-support/decodeAll';
import type { Candidate } from './manifestTypes';
import { addAir, describeShape, drawShape, OUTPUT_RATE, resampleTo, shape } from './soundShaping';
import {
  renderUtterances,
  SPEECH_VOICES,
  voiceGroup,
  type SpeechVoice,
  type Utterance,
} from './speech/engines';
import { drawPhrase } from './speech/phrases';
import { applyStyle, drawStyle, type Style } from './speech/styles';
import { fnv1a, splitOfGroup } from './split';
import { seededRandom } from './synth/random';
import { encodeWav16 } from './wav16';

export const SPEECH_SOURCE = 'speech';
/** Utterances per voice (the slow Russian unit-selection voice says fewer). */
export const SPEECH_PER_VOICE = 30;

export interface SpeechPlan {
  voice: SpeechVoice;
  index: number;
  text: string;
  style: Style;
  stretch: number;
  f0: number | null;
  semitones: number;
  airDb: number | null;
  seed: number;
}

/** What utterance `index` of `voice` is: all choices drawn from its seed, nothing rendered. */
export function planUtterance(voice: SpeechVoice, index: number): SpeechPlan {
  const seed = fnv1a(`speech:${voice.engine}:${voice.name}:${index}`);
  const r = seededRandom(seed);
  const pool = splitOfGroup(voiceGroup(voice)) === 'train' ? 'train' : 'val';
  const text = drawPhrase(r, pool, voice.language);
  const style = drawStyle(r);
  const stretch = r.range(0.75, 1.5);
  const f0 = voice.engine === 'flite' || voice.lrIntonation ? r.logRange(85, 260) : null;
  const semitones = r.chance(0.35) ? r.range(-3, 3) : 0;
  const airDb = r.chance(0.7) ? r.range(-24, -10) : null;
  return { voice, index, text, style, stretch, f0, semitones, airDb, seed };
}

export const planDetail = (p: SpeechPlan): string =>
  `"${p.text}" ${p.style}, ${p.voice.engine} ${p.voice.name}, stretch ${p.stretch.toFixed(2)}` +
  `${p.f0 !== null ? `, f0 ${p.f0.toFixed(0)} Hz` : ''}${p.semitones !== 0 ? `, ${p.semitones.toFixed(1)} st` : ''}`;

/** Renders one planned utterance from its raw synthesizer output; returns channels at 44.1 kHz. */
export async function finishUtterance(
  p: SpeechPlan,
  rawPath: string,
): Promise<{ channels: Float32Array[]; detail: string } | null> {
  const raw = await decodeFile(rawPath);
  const r = seededRandom(p.seed ^ 0x2545f491);
  const mono = raw.channels[0] as Float32Array;
  let peak = 0;
  for (const v of mono) peak = Math.max(peak, Math.abs(v));
  // a voice that said nothing (an unknown word, a failed run) gives no training row
  if (peak < 1e-3 || mono.length < 0.1 * raw.sampleRate) return null;
  const styled = applyStyle(p.style, mono, raw.sampleRate, r);
  const ratio = 2 ** (p.semitones / 12);
  let x = resampleTo(styled, raw.sampleRate * ratio, OUTPUT_RATE);
  const nyquist = (raw.sampleRate * ratio) / 2;
  if (p.airDb !== null && nyquist < 15000) x = addAir(x, OUTPUT_RATE, nyquist, p.airDb);
  const chain = drawShape(r);
  const lead = Math.round(r.range(0, 0.03) * OUTPUT_RATE);
  const shaped = shape(x, OUTPUT_RATE, chain, r);
  const left = new Float32Array(lead + shaped.length);
  left.set(shaped, lead);
  const channels = [left];
  if (r.chance(0.2)) {
    const d = Math.round(r.range(0.001, 0.012) * OUTPUT_RATE);
    const right = new Float32Array(left.length);
    for (let i = d; i < left.length; i++) right[i] = 0.85 * (left[i - d] as number);
    channels.push(right);
  }
  return { channels, detail: `${planDetail(p)}; ${describeShape(chain)}` };
}

/** Renders (or reuses) every utterance of the installed voices under `outDir`; returns the candidates. */
export async function speechCandidates(
  outDir: string,
  perVoice = SPEECH_PER_VOICE,
  voices: readonly SpeechVoice[] = SPEECH_VOICES,
  log: (m: string) => void = () => {},
): Promise<Candidate[]> {
  const rawDir = join(outDir, 'raw');
  mkdirSync(rawDir, { recursive: true });
  const out: Candidate[] = [];
  for (const voice of voices) {
    if (!existsSync(voice.installedAt)) {
      log(`  speech: ${voice.engine} ${voice.name} not installed (${voice.package}), skipped`);
      continue;
    }
    const n = voice.name.includes('clunits') ? Math.ceil(perVoice / 2) : perVoice;
    const plans = Array.from({ length: n }, (_, i) => planUtterance(voice, i));
    const base = (p: SpeechPlan) =>
      `${voice.engine}-${voice.name}-${String(p.index).padStart(3, '0')}.wav`;
    const finals = plans.map((p) => join(outDir, base(p)));
    const utts: Utterance[] = plans
      .filter((_, i) => !existsSync(finals[i] as string))
      .map((p) => ({ text: p.text, stretch: p.stretch, f0: p.f0, out: join(rawDir, base(p)) }));
    renderUtterances(voice, utts, join(rawDir, `${voice.engine}-${voice.name}.scm`));
    let made = 0;
    for (const [i, p] of plans.entries()) {
      const path = finals[i] as string;
      if (!existsSync(path)) {
        const rawPath = join(rawDir, base(p));
        if (!existsSync(rawPath)) continue;
        const done = await finishUtterance(p, rawPath);
        if (!done) continue;
        writeFileSync(path, encodeWav16(done.channels, OUTPUT_RATE));
      }
      made++;
      out.push({
        id: `${SPEECH_SOURCE}/${base(p)}`,
        path,
        source: SPEECH_SOURCE,
        package: voice.package,
        detail: planDetail(p),
        kind: 'one-shot',
        label: 'vocal',
        group: voiceGroup(voice),
        licence: voice.licence,
        copyright: `${voice.package} authors (Debian package), rendered by SampleMind`,
      });
    }
    log(`  speech: ${voice.engine} ${voice.name}: ${made}/${n} utterances`);
  }
  return out;
}
