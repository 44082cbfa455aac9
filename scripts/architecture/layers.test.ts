import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { LAYERS, layerViolation } from '../../eslint-rules/layers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The layer table of docs/architecture.md: folder → the folders it may import. */
function documentedLayers(): Record<string, string[]> {
  const doc = readFileSync(new URL('../../docs/architecture.md', import.meta.url), 'utf8');
  const section = doc.slice(doc.indexOf('## Layers'), doc.indexOf('What each folder is'));
  const table: Record<string, string[]> = {};
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 4 || !cells[1]?.startsWith('`')) continue;
    const folder = /^`([^`]+)`/.exec(cells[1])![1]!;
    table[folder] = [...(cells[2] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
  }
  return table;
}

describe('the layer rules', () => {
  it('are the table docs/architecture.md shows', () => {
    expect(documentedLayers()).toEqual(LAYERS);
  });

  it('fail lint on an import that goes up a layer, and pass one that goes down', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const [wrong] = await eslint.lintText(
      "import { createApp } from '../app/createApp';\nexport const x = createApp;\n",
      { filePath: `${ROOT}electron/analysis/wrong.ts` },
    );
    expect(wrong!.messages.map((m) => m.ruleId)).toContain('samplemind/layers');
    expect(wrong!.messages.find((m) => m.ruleId === 'samplemind/layers')!.message).toMatch(
      /electron\/analysis may import only .* not electron\/app/,
    );
    const [right] = await eslint.lintText(
      "import { EventBus } from '../core/eventBus';\nexport const x = EventBus;\n",
      { filePath: `${ROOT}electron/library/right.ts` },
    );
    expect(right!.messages.filter((m) => m.ruleId === 'samplemind/layers')).toEqual([]);
  }, 60_000);

  it('keep shared/ free of Node-only and DOM-only globals (the format parsers run in the renderer too)', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const [wrong] = await eslint.lintText(
      'export const head = (b: Uint8Array): string => Buffer.from(b).toString("latin1");\n',
      { filePath: `${ROOT}shared/formats/wrong.ts` },
    );
    expect(wrong!.messages.map((m) => m.ruleId)).toContain('no-restricted-globals');
    const [right] = await eslint.lintText(
      "import { latin1 } from './bytes';\nexport const head = (b: Uint8Array): string => latin1(b);\n",
      { filePath: `${ROOT}shared/formats/right.ts` },
    );
    expect(right!.messages).toEqual([]);
  }, 60_000);

  it('tell product code from research code and tests from product', () => {
    expect(layerViolation('electron/library/a.ts', 'models/training/b.ts')).toMatch(/research/);
    expect(layerViolation('electron/library/a.test.ts', 'models/training/b.ts')).toMatch(
      /research/,
    );
    expect(layerViolation('electron/library/a.test.ts', 'electron/app/cli.ts')).toBeNull();
    expect(layerViolation('electron/library/a.ts', 'electron/app/cli.ts')).toMatch(
      /not electron\/app/,
    );
    expect(layerViolation('models/training/a.ts', 'electron/analysis/b.ts')).toBeNull();
    // library/analysis/ is the library's own folder, not electron/analysis
    expect(layerViolation('electron/server/a.ts', 'electron/library/analysis/b.ts')).toBeNull();
    expect(layerViolation('renderer/a.ts', 'electron/core/b.ts')).toMatch(
      /renderer may import only shared/,
    );
    expect(layerViolation('shared/a.ts', 'renderer/b.ts')).toMatch(/nothing outside itself/);
  });
});
