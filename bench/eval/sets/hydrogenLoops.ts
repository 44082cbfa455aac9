import { existsSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rng } from '../../../electron/analysis/test-support/signals';
import { normalize, readAudio, resample, writeWavFile, type Audio } from '../lib/audioIo';
import { grooveKits, layerFor, loadKits, type Kit } from '../lib/hydrogenKits';
import { makePattern, type DrumRole } from '../lib/patterns';
import { DATA, ensureDir } from '../lib/paths';
import type { EvalItem } from './types';

const RATE = 44100;
const cache = new Map<string, Float32Array[]>();

async function sample(path: string): Promise<Float32Array[]> {
  let s = cache.get(path);
  if (!s) {
    const a = await readAudio(path);
    const chans = a.channels.map((c) => resample(c, a.sampleRate, RATE));
    s =
      chans.length === 1 ? [chans[0] as Float32Array, chans[0] as Float32Array] : chans.slice(0, 2);
    cache.set(path, s);
  }
  return s;
}

function roleFallback(kit: Kit, role: DrumRole): DrumRole | null {
  if (kit.roles[role]) return role;
  const alt: Partial<Record<DrumRole, DrumRole[]>> = {
    clap: ['snare'],
    snare: ['clap'],
    hatOpen: ['hatClosed', 'ride'],
    hatClosed: ['ride', 'hatOpen'],
    ride: ['hatClosed'],
    rim: ['snare'],
    tom: ['snare'],
  };
  for (const a of alt[role] ?? []) if (kit.roles[a]) return a;
  return null;
}

/**
 * Seamless drum loops sequenced from real hydrogen-drumkits one-shots: 1, 2 or 4 bars,
 * 70–180 BPM (uniform), half of them swung, hits mixed with wrap-around so the loop is
 * exactly n bars long. File names are neutral (hyd-000.wav …).
 */
export async function buildHydrogenLoops(count: number, seed: number): Promise<EvalItem[]> {
  const dir = ensureDir(join(DATA, `hydrogen-loops-${seed}`));
  const manifest = join(dir, 'manifest.json');
  if (existsSync(manifest)) {
    const items = JSON.parse(readFileSync(manifest, 'utf8')) as EvalItem[];
    if (items.length === count) return items;
  }
  const kits = grooveKits(loadKits());
  const rand = rng(seed);
  const items: EvalItem[] = [];
  for (let i = 0; i < count; i++) {
    const kit = kits[Math.floor(rand() * kits.length)] as Kit;
    const bpm = Math.round((70 + rand() * 110) * 10) / 10;
    const bars = [1, 2, 4][Math.floor(rand() * 3)] as number;
    const swing = rand() < 0.5;
    const pattern = makePattern(rand, bpm, bars, swing, 0.04);
    const stepFrames = (60 / bpm / 4) * RATE;
    const length = Math.round(stepFrames * 16 * bars);
    const out: Audio = {
      sampleRate: RATE,
      channels: [new Float32Array(length), new Float32Array(length)],
    };
    for (const hit of pattern.hits) {
      const role = roleFallback(kit, hit.role);
      if (!role) continue;
      const inst = kit.roles[role];
      if (!inst) continue;
      const s = await sample(layerFor(inst, hit.velocity));
      const at = Math.round(hit.step * stepFrames);
      const gain = hit.velocity ** 1.5;
      for (let c = 0; c < 2; c++) {
        const src = s[c] as Float32Array;
        const dst = out.channels[c] as Float32Array;
        const n = Math.min(src.length, length * 2);
        for (let k = 0; k < n; k++) {
          const j = (at + k) % length;
          dst[j] = (dst[j] as number) + gain * (src[k] as number);
        }
      }
    }
    normalize(out, -1 - rand() * 5);
    const path = join(dir, `hyd-${String(i).padStart(3, '0')}.wav`);
    writeWavFile(path, out, 's16');
    items.push({
      set: 'hydrogen-loops',
      path,
      kind: 'loop',
      bpm,
      info: `${pattern.style} ${bars} bar${bars > 1 ? 's' : ''}${pattern.swing > 0 ? ` swing ${(50 + pattern.swing * 100).toFixed(0)}%` : ''}, kit ${kit.name}`,
    });
  }
  writeFileSync(manifest, JSON.stringify(items, null, 1));
  return items;
}
