import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph, runtimeImports } from './importGraph';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('the import graph', () => {
  it('has no cycle in product or research code', () => {
    const graph = importGraph(ROOT, [
      'electron',
      'shared',
      'renderer',
      'models',
      'bench',
      'scripts',
    ]);
    expect(graph.size).toBeGreaterThan(300);
    expect(importCycles(graph)).toEqual([]);
  });

  it('finds a cycle when there is one, and leaves type-only imports out', () => {
    expect(
      importCycles(
        new Map([
          ['a.ts', ['b.ts']],
          ['b.ts', ['c.ts']],
          ['c.ts', ['a.ts']],
          ['d.ts', ['a.ts']],
        ]),
      ),
    ).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    expect(
      runtimeImports(
        'x.ts',
        [
          "import type { A } from './a';",
          "import { type B } from './b';",
          "import { c, type C } from './c';",
          "export { d } from './d';",
          "export type { E } from './e';",
          "import './f';",
          "import fs from 'node:fs';",
        ].join('\n'),
      ),
    ).toEqual(['./c', './d', './f']);
  });
});
