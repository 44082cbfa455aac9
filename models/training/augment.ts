/**
 * Augmentation at the file level (so any `(path) => vector` extractor works): for every
 * TRAIN and VALIDATION one-shot and loop, two variants are written as WAV files and
 * added to the manifest with the same label, group and split:
 *  - `lofi`: 4th-order low-pass at 4, 6 or 9 kHz plus a noise floor 50–60 dB under the
 *    peak, 6–18 dB quieter (small soundfonts and old samplers are dull, noisy, quieter);
 *  - `pitch`: resampled by −4, −2, +2 or +4 semitones (duration changes with it, as
 *    when a sampler plays the note elsewhere).
 * With `space` (train.ts: SAMPLEMIND_VOICE_FX=1), vocal and fx files (one-shots and loops)
 * get a third, `space`: a formant-ish EQ, a room, a phone / radio band limit and a level,
 * drawn as for the speech and effect sources (soundShaping.ts), with the room always on
 * and a band limit half the time.
 * Choices are fixed by a hash of the entry id. Test files are never augmented. The
 * validation variants serve only the final refit on train + validation
 * (train_model.py); early stopping, temperature and thresholds read original files only.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { biquad } from './biquad';
import { decodeFile } from '../../electron/analysis/test-support/decodeAll';
import type { ManifestEntry } from './manifestTypes';
import { fnv1a } from './split';
import { encodeWav16 } from './wav16';
import { describeShape, drawShape, shape, type ShapeChoice } from './soundShaping';
import { seededRandom } from './synth/random';

export const AUGMENT_VERSION = 2;

/** RBJ low-pass biquad applied twice (in place): 4th order. */
export function lowPass(x: Float32Array, sampleRate: number, cutoff: number): void {
  biquad(biquad(x, sampleRate, 'lowpass', cutoff), sampleRate, 'lowpass', cutoff);
}

/** Linear-interpolation resampling by `ratio` (> 1 raises the pitch and shortens). */
export function resample(x: Float32Array, ratio: number): Float32Array {
  const out = new Float32Array(Math.max(1, Math.floor(x.length / ratio)));
  for (let i = 0; i < out.length; i++) {
    const p = i * ratio;
    const j = Math.floor(p);
    const f = p - j;
    out[i] = (x[j] as number) * (1 - f) + ((x[j + 1] ?? x[j]) as number) * f;
  }
  return out;
}

const CUTOFFS = [4000, 6000, 9000];

/** The `space` chain of an entry: a room always, a band limit half the time (fixed by `h`). */
export function spaceChoice(h: number): ShapeChoice {
  const c = drawShape(seededRandom(h ^ 0x51ed270b));
  return {
    ...c,
    rt60: c.rt60 > 0 ? c.rt60 : 0.3 + (h % 9) / 10,
    band:
      c.band !== 'none'
        ? c.band
        : (h >>> 4) % 4 === 0
          ? 'phone'
          : (h >>> 4) % 4 === 1
            ? 'radio'
            : 'none',
  };
}
const SEMITONES = [-4, -2, 2, 4];

/** Writes (or reuses) the variants of the train and validation entries; returns their manifest entries. */
export async function augmentFitting(
  entries: readonly ManifestEntry[],
  dir: string,
  options: { space?: boolean } = {},
): Promise<ManifestEntry[]> {
  mkdirSync(dir, { recursive: true });
  const out: ManifestEntry[] = [];
  for (const e of entries) {
    if (e.split === 'test') continue;
    const h = fnv1a(e.id);
    const cutoff = CUTOFFS[h % CUTOFFS.length] as number;
    const semis = SEMITONES[(h >>> 8) % SEMITONES.length] as number;
    const noiseDb = -50 - ((h >>> 16) % 11);
    const gain = 10 ** (-(6 + ((h >>> 24) % 13)) / 20);
    const variants = [
      {
        name: 'lofi',
        detail: `low-pass ${cutoff} Hz, noise floor ${noiseDb} dB, gain ${(20 * Math.log10(gain)).toFixed(0)} dB`,
      },
      { name: 'pitch', detail: `pitch ${semis > 0 ? '+' : ''}${semis} semitones` },
    ];
    const space = spaceChoice(h);
    if (options.space && (e.label === 'vocal' || e.label === 'fx'))
      variants.push({ name: 'space', detail: describeShape(space) });
    let audio: { channels: Float32Array[]; sampleRate: number } | null = null;
    for (const v of variants) {
      const path = join(dir, `v${AUGMENT_VERSION}-${e.sha1}-${v.name}.wav`);
      if (!existsSync(path)) {
        try {
          audio ??= await decodeFile(e.path);
        } catch {
          break; // the app's decoder cannot read it: no variants (the original fails the same way)
        }
        let chans: Float32Array[];
        if (v.name === 'lofi') {
          let peak = 0;
          for (const c of audio.channels) for (const s of c) peak = Math.max(peak, Math.abs(s));
          const amp = peak * 10 ** (noiseDb / 20);
          let seed = h || 1;
          chans = audio.channels.map((c) => {
            const y = c.slice();
            lowPass(y, audio!.sampleRate, cutoff);
            for (let i = 0; i < y.length; i++) {
              seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
              y[i] = ((y[i] as number) + amp * ((seed / 2 ** 32) * 2 - 1)) * gain;
            }
            return y;
          });
        } else if (v.name === 'pitch') {
          chans = audio.channels.map((c) => resample(c, 2 ** (semis / 12)));
        } else {
          const sr = audio.sampleRate;
          chans = audio.channels.map((c) => shape(c, sr, space, seededRandom(h)));
        }
        writeFileSync(path, encodeWav16(chans, audio.sampleRate));
      }
      out.push({
        ...e,
        id: `augment/${v.name}/${e.id}`,
        path,
        detail: `${e.detail} [${v.detail}]`,
        sha1: `${e.sha1}-${v.name}-v${AUGMENT_VERSION}`,
      });
    }
  }
  return out;
}
