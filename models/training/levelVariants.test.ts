import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFile } from '../../electron/analysis/test-support/decodeAll';
import { applyLevelChange, levelSample, levelVariants } from './levelVariants';
import type { ManifestEntry } from './manifestTypes';
import { levelRobustness } from './robustness';

const entry = (id: string, over: Partial<ManifestEntry> = {}): ManifestEntry => ({
  id,
  path: '/usr/share/hydrogen/data/drumkits/ForzeeStereo/AgogoHigh-0.wav',
  source: 'hydrogen',
  package: 'hydrogen-drumkits',
  detail: 'ForzeeStereo: Agogo High',
  kind: 'one-shot',
  label: 'percussion',
  group: 'kit:ForzeeStereo',
  licence: 'GPL-2+',
  copyright: '',
  sha1: `sha-${id}`,
  split: 'test',
  ...over,
});

const peak = (channels: readonly Float32Array[]) =>
  Math.max(...channels.map((c) => c.reduce((m, v) => Math.max(m, Math.abs(v)), 0)));

describe('level and stereo variants', () => {
  it('scales by the exact gain and folds stereo to the mean of its channels', () => {
    const left = Float32Array.from([0.5, -1, 0.25]);
    const right = Float32Array.from([0.5, 1, -0.25]);
    const quieter = applyLevelChange([left, right], '-12 dB') as Float32Array[];
    expect(quieter[1]?.[1]).toBeCloseTo(10 ** (-12 / 20), 6);
    expect(applyLevelChange([left, right], 'mono')).toEqual([Float32Array.from([0.5, 0, 0])]);
    expect(applyLevelChange([left], 'mono')).toBeNull();
  });

  it('samples a third of the test one-shots, nothing else', () => {
    const many = Array.from({ length: 600 }, (_, i) => entry(`t${i}`));
    const picked = levelSample([
      ...many,
      entry('train', { split: 'train' }),
      entry('loop', { kind: 'loop', label: 'drums' }),
    ]);
    expect(picked.length).toBeGreaterThan(150);
    expect(picked.length).toBeLessThan(250);
    expect(picked.every((e) => e.id.startsWith('t'))).toBe(true);
    expect(levelSample(many)).toEqual(picked);
  });

  it('writes quieter and mono copies of a real stereo one-shot, once', async () => {
    const original = levelSample(Array.from({ length: 12 }, (_, i) => entry(`forzee${i}`)))[0];
    expect(original).toBeDefined();
    const dir = mkdtempSync(join(tmpdir(), 'sm-level-'));
    const out = await levelVariants([original as ManifestEntry], dir);
    expect(out.map((v) => v.change)).toEqual(['-12 dB', '-24 dB', 'mono']);
    const source = await decodeFile((original as ManifestEntry).path);
    const quiet = await decodeFile(out[1]?.entry.path as string);
    expect(20 * Math.log10(peak(quiet.channels) / peak(source.channels))).toBeCloseTo(-24, 1);
    const mono = await decodeFile(out[2]?.entry.path as string);
    expect(mono.channels).toHaveLength(1);
    expect(out[0]?.entry).toMatchObject({ label: 'percussion', split: 'test' });
    expect(out[0]?.entry.id).toBe(`level/-12dB/${original?.id}`);
    const written = statSync(out[0]?.entry.path as string).mtimeMs;
    expect(await levelVariants([original as ManifestEntry], dir)).toEqual(out);
    expect(statSync(out[0]?.entry.path as string).mtimeMs).toBe(written);
  });

  it('counts how often the top class survives a change', () => {
    const a = entry('a', { label: 'kick' });
    const b = entry('b', { label: 'snare' });
    const variant = (o: ManifestEntry, change: '-12 dB' | 'mono') => ({
      change,
      original: o,
      entry: { ...o, id: `${change}/${o.id}` },
    });
    const rows = levelRobustness(
      [variant(a, '-12 dB'), variant(b, '-12 dB'), variant(a, 'mono'), variant(b, 'mono')],
      new Map([
        ['a', 'kick'],
        ['b', 'tom'],
        ['-12 dB/a', 'kick'],
        ['-12 dB/b', 'snare'],
        ['mono/a', 'tom'],
      ]),
    );
    expect(rows).toEqual([
      { change: '-12 dB', samples: 2, sameClass: 0.5, accuracyOriginal: 0.5, accuracyChanged: 1 },
      { change: 'mono', samples: 1, sameClass: 0, accuracyOriginal: 1, accuracyChanged: 0 },
    ]);
  });
});
