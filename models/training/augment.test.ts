import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAudio } from '../../electron/analysis/decode/openAudio';
import { augmentFitting, lowPass, resample } from './augment';
import type { ManifestEntry } from './manifestTypes';

function rms(x: Float32Array): number {
  return Math.sqrt(x.reduce((a, v) => a + v * v, 0) / x.length);
}

describe('augmentation', () => {
  it('low-passes: passes a low tone, removes a high one', () => {
    const tone = (hz: number) =>
      Float32Array.from({ length: 44100 }, (_, i) => Math.sin((2 * Math.PI * hz * i) / 44100));
    const low = tone(200);
    const high = tone(15000);
    lowPass(low, 44100, 4000);
    lowPass(high, 44100, 4000);
    expect(rms(low.subarray(1000))).toBeGreaterThan(0.65);
    expect(rms(high.subarray(1000))).toBeLessThan(0.01);
  });

  it('resamples by a ratio', () => {
    const x = Float32Array.from({ length: 1000 }, (_, i) => i);
    const y = resample(x, 2);
    expect(y.length).toBe(500);
    expect(y[10]).toBe(20);
  });

  it('writes two decodable variants per train entry and leaves other splits alone', async () => {
    const entry: ManifestEntry = {
      id: 'hydrogen/GMRockKit/Kick-Soft.wav',
      path: '/usr/share/hydrogen/data/drumkits/GMRockKit/Kick-Soft.wav',
      source: 'hydrogen',
      package: 'hydrogen-data',
      detail: 'GMRockKit: Kick',
      kind: 'one-shot',
      label: 'kick',
      group: 'kit:GMRockKit',
      licence: 'GPL-2+',
      copyright: '',
      sha1: 'abc',
      split: 'train',
    };
    const dir = mkdtempSync(join(tmpdir(), 'sm-augment-'));
    const out = await augmentFitting([entry, { ...entry, id: 'x', split: 'test' }], dir);
    expect(out.map((e) => e.id)).toEqual([`augment/lofi/${entry.id}`, `augment/pitch/${entry.id}`]);
    const val = await augmentFitting([{ ...entry, id: 'v', split: 'val' }], dir);
    expect(val.map((e) => [e.id, e.split])).toEqual([
      ['augment/lofi/v', 'val'],
      ['augment/pitch/v', 'val'],
    ]);
    for (const e of out) {
      expect(e).toMatchObject({ label: 'kick', group: 'kit:GMRockKit', split: 'train' });
      const src = await openAudio(e.path);
      expect(src.info.sampleRate).toBe(44100);
      await src.close();
    }
    expect(await augmentFitting([entry], dir)).toEqual(out); // cached files are reused
    const broken = {
      ...entry,
      id: 'broken',
      sha1: 'def',
      path: '/usr/share/lmms/samples/drums/kick04.ogg',
    };
    expect(await augmentFitting([broken], dir)).toEqual([]);
  });

  it('gives vocal and fx files a third variant with a room when asked, and only them', async () => {
    const entry: ManifestEntry = {
      id: 'lmms/effects/warp01.ogg',
      path: '/usr/share/hydrogen/data/drumkits/GMRockKit/Kick-Soft.wav',
      source: 'lmms',
      package: 'lmms-common',
      detail: 'effects',
      kind: 'one-shot',
      label: 'fx',
      group: 'lmms:effects',
      licence: 'GPL-2+',
      copyright: '',
      sha1: 'fx1',
      split: 'train',
    };
    const dir = mkdtempSync(join(tmpdir(), 'sm-augment-'));
    expect((await augmentFitting([entry], dir)).map((e) => e.id)).toEqual([
      `augment/lofi/${entry.id}`,
      `augment/pitch/${entry.id}`,
    ]);
    const out = await augmentFitting(
      [entry, { ...entry, id: 'k', label: 'kick', sha1: 'k1' }],
      dir,
      {
        space: true,
      },
    );
    expect(out.map((e) => e.id)).toEqual([
      `augment/lofi/${entry.id}`,
      `augment/pitch/${entry.id}`,
      `augment/space/${entry.id}`,
      'augment/lofi/k',
      'augment/pitch/k',
    ]);
    const space = out[2] as ManifestEntry;
    expect(space.detail).toMatch(/room \d\.\d s/);
    const src = await openAudio(space.path);
    const orig = await openAudio(entry.path);
    // the room's tail makes the file longer
    expect(src.info.declaredFrames ?? 0).toBeGreaterThan(orig.info.declaredFrames ?? 0);
    await src.close();
    await orig.close();
  });
});
