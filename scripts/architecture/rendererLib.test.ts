import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importGraph } from './importGraph';
import { libUsers, misplacedLibModules, rendererPart } from './rendererLib';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('renderer/lib', () => {
  it('holds only modules that at least two parts of the renderer use', () => {
    const graph = importGraph(ROOT, ['renderer'], 'all');
    const users = libUsers(graph);
    expect(users.size).toBeGreaterThan(3);
    expect(misplacedLibModules(graph)).toEqual([]);
  });

  it('reports a lib module that one feature uses, counting use through other lib modules', () => {
    const graph = new Map<string, string[]>([
      ['renderer/features/a/A.tsx', ['renderer/lib/shared.ts', 'renderer/lib/onlyA.ts']],
      ['renderer/features/a/B.tsx', ['renderer/lib/onlyA.ts']],
      ['renderer/store/s.ts', ['renderer/lib/shared.ts']],
      ['renderer/lib/shared.ts', ['renderer/lib/helper.ts']],
      ['renderer/lib/helper.ts', []],
      ['renderer/lib/onlyA.ts', []],
      ['renderer/lib/onlyA.test.ts', ['renderer/lib/onlyA.ts']],
      ['renderer/features/b/b.test.ts', ['renderer/lib/onlyA.ts']],
      ['renderer/lib/unused.ts', []],
    ]);
    expect(misplacedLibModules(graph)).toEqual([
      { module: 'renderer/lib/onlyA.ts', usedBy: ['features/a'] },
      { module: 'renderer/lib/unused.ts', usedBy: [] },
    ]);
    expect([...libUsers(graph).get('renderer/lib/helper.ts')!].sort()).toEqual([
      'features/a',
      'store',
    ]);
  });

  it('names the part of a renderer file', () => {
    expect(rendererPart('renderer/features/waveform/Waveform.tsx')).toBe('features/waveform');
    expect(rendererPart('renderer/store/uiSlice.ts')).toBe('store');
    expect(rendererPart('renderer/boot.tsx')).toBe('root');
    expect(rendererPart('renderer/lib/format.ts')).toBeNull();
    expect(rendererPart('shared/wire.ts')).toBeNull();
  });
});
