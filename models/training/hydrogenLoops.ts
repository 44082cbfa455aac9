/**
 * Drum loops sequenced from each hydrogen kit's own one-shots (the grooves of
 * renderPlan.drumGroove at fixed tempos), so that the `drums` loop class sees many
 * real kits. Group = the kit's group, so a kit's loops share its split.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openAudio } from '../../electron/analysis/decode/openAudio';
import { decodeAll } from '../../electron/analysis/test-support/decodeAll';
import type { OneShotClass } from '../../shared/taxonomy';
import { gmPercussionClass } from './gmMapping';
import type { Candidate } from './manifestTypes';
import { drumGroove, LOOP_TEMPOS } from './renderPlan';
import { encodeWav16 } from './wav16';

const RATE = 44100;
const VERSION = 1;

async function decodeStereo(path: string): Promise<Float32Array[] | null> {
  const src = await openAudio(path);
  if (src.info.sampleRate !== RATE || src.info.channels < 1) {
    await src.close();
    return null;
  }
  const [left, right] = (await decodeAll(src)) as [Float32Array, Float32Array?];
  return [left, right ?? left.slice()];
}

/** Mixes hits ([time in frames, sample, gain]) into a stereo buffer of `frames`. */
export function mixHits(
  frames: number,
  hits: readonly [number, Float32Array[], number][],
): Float32Array[] {
  const out = [new Float32Array(frames), new Float32Array(frames)];
  for (const [at, sample, gain] of hits) {
    for (let c = 0; c < 2; c++) {
      const src = sample[c] as Float32Array;
      const dst = out[c] as Float32Array;
      const n = Math.min(src.length, frames - at);
      for (let i = 0; i < n; i++) dst[at + i] = (dst[at + i] as number) + (src[i] as number) * gain;
    }
  }
  let peak = 0;
  for (const ch of out) for (const x of ch) peak = Math.max(peak, Math.abs(x));
  if (peak > 0.95)
    for (const ch of out)
      for (let i = 0; i < ch.length; i++) ch[i] = ((ch[i] as number) * 0.95) / peak;
  return out;
}

/** Sequenced loops for every kit that has a kick, a snare (or clap) and a hi-hat. */
export async function hydrogenLoopCandidates(
  oneShots: readonly Candidate[],
  root: string,
): Promise<Candidate[]> {
  const byKit = new Map<string, Candidate[]>();
  for (const c of oneShots) {
    if (c.source !== 'hydrogen') continue;
    const kit = c.id.split('/')[1] as string;
    byKit.set(kit, [...(byKit.get(kit) ?? []), c]);
  }
  const out: Candidate[] = [];
  for (const [kit, samples] of [...byKit].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const pick = (cls: OneShotClass) => {
      const list = samples.filter((s) => s.label === cls);
      return list[Math.floor(list.length / 2)];
    };
    const chosen = new Map<OneShotClass, Candidate | undefined>(
      (['kick', 'snare', 'clap', 'hihat', 'cymbal', 'tom'] as OneShotClass[]).map((c) => [
        c,
        pick(c),
      ]),
    );
    if (!chosen.get('kick') || !(chosen.get('snare') ?? chosen.get('clap')) || !chosen.get('hihat'))
      continue;
    const dir = join(root, 'hydrogen', kit);
    mkdirSync(dir, { recursive: true });
    const decoded = new Map<OneShotClass, Float32Array[] | null>();
    for (let variant = 0; variant < 4; variant++) {
      const bpm = LOOP_TEMPOS[variant] as number;
      const name = `v${VERSION}-groove${variant}-${bpm}bpm.wav`;
      const path = join(dir, name);
      if (!existsSync(path)) {
        const stepFrames = Math.round((RATE * 60) / bpm / 4);
        const hits: [number, Float32Array[], number][] = [];
        for (const [step, key, velocity] of drumGroove(variant)) {
          let cls = gmPercussionClass(key) as OneShotClass;
          if (cls === 'clap' && !chosen.get('clap')) cls = 'snare';
          if (cls === 'snare' && !chosen.get('snare')) cls = 'clap';
          const c = chosen.get(cls);
          if (!c) continue;
          if (!decoded.has(cls)) decoded.set(cls, await decodeStereo(c.path));
          const audio = decoded.get(cls);
          if (audio) hits.push([step * stepFrames, audio, velocity / 127]);
        }
        writeFileSync(path, encodeWav16(mixHits(stepFrames * 32, hits), RATE));
      }
      const first = samples[0] as Candidate;
      out.push({
        id: `loops/hydrogen/${kit}/${name}`,
        path,
        source: 'hydrogen-loops',
        package: first.package,
        detail: `groove ${variant} at ${bpm} BPM sequenced from ${kit}`,
        kind: 'loop',
        label: 'drums',
        group: first.group,
        licence: first.licence,
        copyright: first.copyright,
      });
    }
  }
  return out;
}
