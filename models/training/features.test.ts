import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../../electron/analysis/analyzeFile';
import { envelopeFeatures } from '../../electron/analysis/features/envelope';
import { timeFrequencyFeatures } from '../../electron/analysis/features/timeFrequency';
import { drumHit } from '../../electron/analysis/test-support/signals';
import { tempDir } from '../../electron/analysis/test-support/tempFiles';
import { writeWav } from '../../electron/analysis/test-support/writeAudio';
import {
  TIME_FREQUENCY_VECTOR_LENGTH,
  timeFrequencyVector,
} from '../../electron/analysis/vector/timeFrequencyVector';
import { MEL_PATCH_LENGTH } from '../../electron/analysis/features/melPatch';
import {
  computeFeatures,
  decodeF32,
  encodeF32,
  EXTRACTORS,
  shardOf,
  type FeatureExtractor,
} from './features';
import type { ManifestEntry } from './manifestTypes';

function entry(id: string, sha1: string): ManifestEntry {
  return {
    id,
    path: `/audio/${id}`,
    source: 's',
    package: 'p',
    detail: '',
    kind: 'one-shot',
    label: 'kick',
    group: 'g',
    licence: 'CC0',
    copyright: '',
    sha1,
    split: 'train',
  };
}

describe('feature cache', () => {
  it('computes each content hash once, across runs and shards, and reports failures', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sm-features-'));
    const calls: string[] = [];
    const extractor: FeatureExtractor = {
      version: 'test-1',
      extract: async (path) => {
        calls.push(path);
        if (path.endsWith('bad')) throw new Error('cannot decode');
        return Float32Array.from([path.length, 1]);
      },
    };
    const entries = [
      entry('a', '00000001'),
      entry('b', '00000002'),
      entry('c', '00000001'),
      entry('bad', '00000003'),
    ];
    const first = await computeFeatures(entries, extractor, dir, () => {}, { index: 0, count: 2 });
    expect(first.byId.has('b')).toBe(true); // 2 % 2 = 0
    expect(first.byId.has('a')).toBe(false);
    const all = await computeFeatures(entries, extractor, dir, () => {});
    expect(all.byId.get('c')).toEqual(all.byId.get('a')); // same content, computed once
    expect(all.failures).toEqual([{ id: 'bad', error: 'cannot decode' }]);
    expect(all.length).toBe(2);
    expect(calls.filter((p) => p === '/audio/b')).toHaveLength(1);
    expect(readdirSync(dir).sort()).toEqual([
      'features-test-1.main.jsonl',
      'features-test-1.part0of2.jsonl',
    ]);
    calls.length = 0;
    await computeFeatures(entries.slice(0, 3), extractor, dir, () => {});
    expect(calls).toEqual([]);
  });

  it('shards by content hash and offers the engine vector (+ mel patch)', () => {
    expect(shardOf('0000000a', 2)).toBe(0);
    expect(shardOf('0000000b', 2)).toBe(1);
    expect(Object.keys(EXTRACTORS)).toContain('engine');
    expect(EXTRACTORS.engine?.version).toMatch(/^engine-v\d+@/);
    expect(EXTRACTORS['engine-mel']?.version).toMatch(/^engine-v\d+@[^+]+\+mel-\d+$/);
  });

  it('stores vectors as exact float32 bytes', () => {
    const v = Float32Array.from([0.1, -2.5e-7, 3, Math.PI, 1e30]);
    expect(Array.from(decodeF32(encodeF32(v)))).toEqual(Array.from(v));
    expect(Array.from(decodeF32(encodeF32(v.subarray(1, 3))))).toEqual([v[1], v[2]]);
  });
});

describe('engine-mel extractor', () => {
  it("is the engine vector followed by the analysis' own mel patch", async () => {
    const tmp = tempDir();
    try {
      const hit = drumHit(44100, { pitch: 70, decay: 0.15, noise: 0.4 });
      const path = tmp.file('hit.wav', writeWav({ sampleRate: 44100, channels: [hit, hit] }));
      const extractor = EXTRACTORS['engine-mel'] as FeatureExtractor;
      const v = await extractor.extract(path);
      const r = await analyzeFile(path);
      expect(v).toHaveLength(r.featureVector.length + MEL_PATCH_LENGTH);
      expect(Array.from(v.subarray(0, r.featureVector.length))).toEqual(
        Array.from(r.featureVector),
      );
      expect(Array.from(v.subarray(r.featureVector.length))).toEqual(Array.from(r.melPatch));
      expect(extractor.mel!.bands * extractor.mel!.columns).toBe(MEL_PATCH_LENGTH);
    } finally {
      tmp.cleanup();
    }
  });
});

describe('engine-tf extractor (experiment)', () => {
  it("appends the time–frequency block of the engine's own excerpt to the engine vector", async () => {
    const tmp = tempDir();
    try {
      const hit = drumHit(44100, { pitch: 70, decay: 0.15, noise: 0.4 });
      const path = tmp.file('hit.wav', writeWav({ sampleRate: 44100, channels: [hit, hit] }));
      const extractor = EXTRACTORS['engine-tf'];
      expect(extractor?.version).toMatch(/^engine-v\d+@[^+]+\+tf-\d+$/);
      const v = await (extractor as FeatureExtractor).extract(path);
      const engine = (await analyzeFile(path)).featureVector;
      expect(v).toHaveLength(engine.length + TIME_FREQUENCY_VECTOR_LENGTH);
      expect(Array.from(v.subarray(0, engine.length))).toEqual(Array.from(engine));
      // the WAV holds 16-bit PCM of the same signal: the block matches the float original closely
      const direct = timeFrequencyVector(
        timeFrequencyFeatures(hit, 44100, envelopeFeatures(hit, 44100)),
      );
      for (let i = 0; i < direct.length; i++)
        expect(Math.abs((v[engine.length + i] as number) - (direct[i] as number))).toBeLessThan(
          0.02,
        );
    } finally {
      tmp.cleanup();
    }
  });
});
