import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeFeatures, EXTRACTORS, shardOf, type FeatureExtractor } from './features';
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

  it('shards by content hash and offers the engine vector by default', () => {
    expect(shardOf('0000000a', 2)).toBe(0);
    expect(shardOf('0000000b', 2)).toBe(1);
    expect(Object.keys(EXTRACTORS)).toContain('engine');
    expect(EXTRACTORS.engine?.version).toMatch(/^engine-v\d+@/);
  });
});
