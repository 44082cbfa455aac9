import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAudio } from '../../electron/analysis/decode/openAudio';
import { domainOf } from './domain';
import { splitOfGroup } from './split';
import { SPEECH_VOICES, voiceGroup } from './speech/engines';
import { AD_LIBS, allPhrases, composedPhrases, NATIVE_WORDS, phrasePool } from './speech/phrases';
import { chop, lpc, stutter, whisper } from './speech/styles';
import { planUtterance, speechCandidates } from './speechVocals';
import { seededRandom } from './synth/random';

const SR = 16000;

/** A buzzy vowel: a 120 Hz pulse train through two resonances. */
function vowel(seconds: number): Float32Array {
  const x = new Float32Array(Math.round(seconds * SR));
  for (let i = 0; i < x.length; i += Math.round(SR / 120)) x[i] = 1;
  let y1 = 0,
    y2 = 0,
    z1 = 0,
    z2 = 0;
  const res = (f: number, r: number) => [2 * r * Math.cos((2 * Math.PI * f) / SR), -r * r];
  const [a1, a2] = res(700, 0.97) as [number, number];
  const [b1, b2] = res(1200, 0.96) as [number, number];
  for (let i = 0; i < x.length; i++) {
    const y = (x[i] as number) + a1 * y1 + a2 * y2;
    y2 = y1;
    y1 = y;
    const z = y + b1 * z1 + b2 * z2;
    z2 = z1;
    z1 = z;
    x[i] = z / 40;
  }
  return x;
}

/** Height of the normalised autocorrelation at the pulse period (voicing). */
function periodicity(x: Float32Array): number {
  const lag = Math.round(SR / 120);
  let num = 0,
    den = 0;
  for (let i = 0; i + lag < x.length; i++) {
    num += (x[i] as number) * (x[i + lag] as number);
    den += (x[i] as number) ** 2;
  }
  return num / den;
}

/** The espeak-ng phrases of the held-out check, read from its source. */
function heldOutTexts(): string[] {
  const src = readFileSync(join(__dirname, '../../bench/eval/sets/heldOutClasses.ts'), 'utf8');
  const block = /const PHRASES = \[([\s\S]*?)\];/.exec(src)?.[1] ?? '';
  return [...block.matchAll(/'([^']+)'/g)].map((m) => m[1] as string);
}

describe('speech vocals', () => {
  it('never says a held-out text or a channel name, and keeps espeak-ng out', () => {
    const held = heldOutTexts();
    expect(held.length).toBeGreaterThan(10);
    for (const lang of Object.keys(NATIVE_WORDS).concat('english'))
      for (const t of allPhrases(lang)) {
        expect(held).not.toContain(t);
        expect(t).not.toMatch(/\b(front|rear|left|right|center|centre|side|channel)\b/);
      }
    expect(SPEECH_VOICES.map((v) => v.engine as string)).not.toContain('espeak-ng');
    expect(composedPhrases().length).toBeGreaterThan(50);
  });

  it('gives each voice one split (some validate, none is test) and its own phrase pool', () => {
    const splits = SPEECH_VOICES.map((v) => splitOfGroup(voiceGroup(v)));
    expect(splits).not.toContain('test');
    expect(splits.filter((s) => s === 'val').length).toBeGreaterThanOrEqual(3);
    expect(splits.filter((s) => s === 'train').length).toBeGreaterThanOrEqual(10);
    const pools = new Set([...AD_LIBS, ...composedPhrases()].map(phrasePool));
    expect(pools).toEqual(new Set(['train', 'val']));
    for (const v of SPEECH_VOICES) {
      const pool = splitOfGroup(voiceGroup(v)) === 'val' ? 'val' : 'train';
      for (let i = 0; i < 20; i++) expect(phrasePool(planUtterance(v, i).text)).toBe(pool);
      expect(domainOf({ source: 'speech', group: voiceGroup(v) })).toBe('speech');
    }
    expect(planUtterance(SPEECH_VOICES[0]!, 3)).toEqual(planUtterance(SPEECH_VOICES[0]!, 3));
  });

  it('LPC finds the resonances it was given', () => {
    const { a, error } = lpc(vowel(0.03), 4);
    expect(a.length).toBe(4);
    expect(error).toBeGreaterThan(0);
    expect(error).toBeLessThan(vowel(0.03).reduce((s, v) => s + v * v, 0));
  });

  it('whispering keeps the level but removes the voicing; chops are 80–400 ms; stutters repeat the start', () => {
    const x = vowel(0.6);
    const w = whisper(x, SR, seededRandom(1));
    expect(w.length).toBe(x.length);
    expect(w.every(Number.isFinite)).toBe(true);
    expect(periodicity(x.subarray(2000, 8000))).toBeGreaterThan(0.5);
    expect(Math.abs(periodicity(w.subarray(2000, 8000)))).toBeLessThan(0.3);
    const rms = (y: Float32Array) => Math.sqrt(y.reduce((s, v) => s + v * v, 0) / y.length);
    expect(rms(w) / rms(x)).toBeGreaterThan(0.2);
    expect(rms(w) / rms(x)).toBeLessThan(5);
    for (let s = 0; s < 5; s++) {
      const c = chop(x, SR, seededRandom(s));
      expect(c.length).toBeGreaterThanOrEqual(0.08 * SR - 1);
      expect(c.length).toBeLessThanOrEqual(0.4 * SR + 1);
      expect(stutter(x, SR, seededRandom(s)).length).toBeGreaterThan(x.length + 2 * 0.06 * SR - 1);
    }
  });

  it.skipIf(!existsSync('/usr/bin/flite'))(
    'renders flite utterances to 44.1 kHz vocal one-shots, once',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'sm-speech-'));
      const voices = SPEECH_VOICES.filter((v) => v.engine === 'flite' && v.name === 'slt');
      const c = await speechCandidates(dir, 2, voices);
      expect(c.map((x) => x.id)).toEqual(['speech/flite-slt-000.wav', 'speech/flite-slt-001.wav']);
      for (const e of c) {
        expect(e).toMatchObject({
          label: 'vocal',
          kind: 'one-shot',
          group: 'speech:flite-slt',
          package: 'flite',
        });
        const src = await openAudio(e.path);
        expect(src.info.sampleRate).toBe(44100);
        expect(src.info.declaredFrames ?? 0).toBeGreaterThan(0.05 * 44100);
        await src.close();
      }
      expect(await speechCandidates(dir, 2, voices)).toEqual(c);
    },
  );
});
