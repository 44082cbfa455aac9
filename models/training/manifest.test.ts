import { describe, expect, it } from 'vitest';
import { hydrogenCandidates } from './hydrogenKits';
import { lmmsCandidates } from './lmmsSamples';
import { finaliseManifest, manifestToJsonl, parseManifestJsonl } from './manifest';
import type { Candidate } from './manifestTypes';

const base: Omit<Candidate, 'id' | 'path' | 'label' | 'group'> = {
  source: 'test',
  package: 'pkg',
  detail: '',
  kind: 'one-shot',
  licence: 'CC0',
  copyright: '',
};

describe('finaliseManifest', () => {
  it('keeps exact copies once, merges their groups into the more held-out split, drops conflicting copies', () => {
    const hashes: Record<string, string> = { a: 'h1', b: 'h1', c: 'h2', d: 'h3', e: 'h3' };
    const candidates: Candidate[] = [
      { ...base, id: 'x/b', path: 'b', label: 'kick', group: 'kit:TR808EmulationKit' }, // test kit
      { ...base, id: 'x/a', path: 'a', label: 'kick', group: 'kit:Trainkit' },
      { ...base, id: 'x/c', path: 'c', label: 'snare', group: 'kit:Trainkit' },
      { ...base, id: 'x/d', path: 'd', label: 'tom', group: 'kit:Other' },
      { ...base, id: 'x/e', path: 'e', label: 'kick', group: 'kit:Other' },
    ];
    const r = finaliseManifest(candidates, (p) => hashes[p] as string);
    expect(r.entries.map((e) => e.id)).toEqual(['x/a', 'x/c']);
    expect(r.duplicates).toEqual(['x/b']);
    expect(r.conflicts).toEqual(['x/d', 'x/e']);
    expect(r.merged).toEqual([['kit:Trainkit', 'kit:TR808EmulationKit']]);
    expect(r.entries.every((e) => e.group === 'kit:TR808EmulationKit' && e.split === 'test')).toBe(
      true,
    );
  });

  it('round-trips through JSONL', () => {
    const r = finaliseManifest(
      [{ ...base, id: 'x/a', path: 'a', label: 'kick', group: 'g' }],
      () => 'h',
    );
    expect(parseManifestJsonl(manifestToJsonl(r.entries))).toEqual(r.entries);
    expect(manifestToJsonl([])).toBe('');
  });

  it('is deterministic on the real hydrogen and lmms data, whatever the input order', () => {
    const candidates = [...hydrogenCandidates().candidates, ...lmmsCandidates()];
    expect(candidates.length).toBeGreaterThan(500);
    const a = manifestToJsonl(finaliseManifest(candidates).entries);
    const b = manifestToJsonl(finaliseManifest([...candidates].reverse()).entries);
    expect(b).toBe(a);
    const entries = parseManifestJsonl(a);
    // no group in two splits
    const splitOf = new Map<string, string>();
    for (const e of entries) {
      expect(splitOf.get(e.group) ?? e.split).toBe(e.split);
      splitOf.set(e.group, e.split);
    }
    expect(new Set(entries.map((e) => e.split))).toEqual(new Set(['train', 'val', 'test']));
    expect(entries.every((e) => e.licence.length > 0 && e.licence !== 'unknown')).toBe(true);
  });
});
