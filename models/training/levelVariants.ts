/**
 * Level and stereo variants of held-out one-shots, to measure whether the classifier
 * gives the same class to the same sound played quieter or folded to mono, as a
 * producer's library holds it (normalised, quiet, stereo or mono copies of one sound).
 * About a third of the TEST one-shots (fixed by a hash of the id) get a copy 12 dB and
 * one 24 dB quieter (16-bit, like a quiet file on disk) and, when stereo, a mono
 * fold-down (the mean of the channels). The variants are never trained on.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeFile } from '../../electron/analysis/test-support/decodeAll';
import type { ManifestEntry } from './manifestTypes';
import { fnv1a } from './split';
import { encodeWav16 } from './wav16';

export const LEVEL_VARIANTS_VERSION = 1;
export type LevelChange = '-12 dB' | '-24 dB' | 'mono';
export const LEVEL_CHANGES: readonly LevelChange[] = ['-12 dB', '-24 dB', 'mono'];

export interface LevelVariant {
  change: LevelChange;
  original: ManifestEntry;
  entry: ManifestEntry;
}

/** The test one-shots that get variants: a third of them, by a fixed hash. */
export function levelSample(entries: readonly ManifestEntry[]): ManifestEntry[] {
  return entries.filter(
    (e) => e.split === 'test' && e.kind === 'one-shot' && fnv1a(`level:${e.id}`) % 3 === 0,
  );
}

/** The channels of `change` applied to decoded audio (null: no such variant, a mono file folded to mono). */
export function applyLevelChange(
  channels: readonly Float32Array[],
  change: LevelChange,
): Float32Array[] | null {
  if (change === 'mono') {
    if (channels.length < 2) return null;
    const out = new Float32Array((channels[0] as Float32Array).length);
    for (const c of channels)
      for (let i = 0; i < out.length; i++) out[i] += (c[i] ?? 0) / channels.length;
    return [out];
  }
  const gain = 10 ** (Number(change.replace(' dB', '')) / 20);
  return channels.map((c) => c.map((v) => v * gain));
}

/** Writes (or reuses) the variants of the sampled test one-shots under `dir`. */
export async function levelVariants(
  entries: readonly ManifestEntry[],
  dir: string,
): Promise<LevelVariant[]> {
  mkdirSync(dir, { recursive: true });
  const out: LevelVariant[] = [];
  for (const original of levelSample(entries)) {
    let audio: { channels: Float32Array[]; sampleRate: number } | null = null;
    for (const change of LEVEL_CHANGES) {
      const tag = change.replace(/[^a-z0-9-]/gi, '');
      const path = join(dir, `v${LEVEL_VARIANTS_VERSION}-${original.sha1}-${tag}.wav`);
      if (!existsSync(path)) {
        try {
          audio ??= await decodeFile(original.path);
        } catch {
          break; // unreadable: the original is not evaluated either
        }
        const channels = applyLevelChange(audio.channels, change);
        if (!channels) continue;
        writeFileSync(path, encodeWav16(channels, audio.sampleRate));
      }
      out.push({
        change,
        original,
        entry: {
          ...original,
          id: `level/${tag}/${original.id}`,
          path,
          detail: `${original.detail} [${change}]`,
          sha1: `${original.sha1}-${tag}-lv${LEVEL_VARIANTS_VERSION}`,
        },
      });
    }
  }
  return out;
}
