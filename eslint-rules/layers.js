// The folder-level import rules of docs/architecture.md, as an ESLint rule (as VS Code's
// layering rules do): each folder may import only the folders listed for it. Relative
// imports are resolved against the importing file and compared by folder, so a library
// subfolder named `analysis/` is never mistaken for electron/analysis.
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Product folders and what each may import (besides itself). docs/architecture.md repeats this table. */
export const LAYERS = {
  shared: [],
  renderer: ['shared'],
  'electron/formats': ['shared'],
  'electron/analysis': ['electron/formats', 'shared'],
  'electron/core': ['shared'],
  'electron/library': ['electron/analysis', 'electron/formats', 'electron/core', 'shared'],
  'electron/ai': ['electron/library', 'electron/core', 'shared'],
  'electron/media': ['electron/library', 'electron/formats', 'electron/core', 'shared'],
  'electron/server': [
    'electron/media',
    'electron/library',
    'electron/ai',
    'electron/formats',
    'electron/core',
    'shared',
  ],
  'electron/cli': ['electron/library', 'electron/ai', 'electron/core', 'shared'],
  'electron/app': [
    'electron/cli',
    'electron/server',
    'electron/media',
    'electron/ai',
    'electron/library',
    'electron/analysis',
    'electron/formats',
    'electron/core',
    'shared',
  ],
  'electron/platform': [
    'electron/app',
    'electron/media',
    'electron/library',
    'electron/core',
    'electron/formats',
    'shared',
  ],
  // The Electron entry points (electron/main.ts, electron/preload.ts).
  electron: [
    'electron/platform',
    'electron/app',
    'electron/media',
    'electron/library',
    'electron/core',
    'shared',
  ],
};

/** Research and tooling: may import product code; product code never imports them. */
export const RESEARCH = ['models/training', 'bench', 'e2e', 'scripts'];

const PRODUCT = Object.keys(LAYERS);

/** The folder (a key of LAYERS, or a research folder) a repository path belongs to; null if none. */
export function areaOf(repoPath) {
  const parts = repoPath.split(/[\\/]/);
  if (parts[0] === 'electron') return parts.length > 2 ? `electron/${parts[1]}` : 'electron';
  if (parts[0] === 'models' && parts[1] === 'training') return 'models/training';
  if (PRODUCT.includes(parts[0]) || RESEARCH.includes(parts[0])) return parts[0];
  return null;
}

const isTest = (repoPath) =>
  /\.test\.tsx?$/.test(repoPath) || /[\\/]test-support[\\/]/.test(repoPath);

/**
 * Why `from` may not import `to` (repository paths), or null when it may. Tests and their
 * test-support may drive the wired app, so inside electron/ they may import any product
 * folder; nothing in the product, tests included, imports research code.
 */
export function layerViolation(from, to) {
  const a = areaOf(from);
  const b = areaOf(to);
  if (!a || !b || a === b) return null;
  if (RESEARCH.includes(a)) return null;
  if (RESEARCH.includes(b)) return `${a} is product code and must not import research code (${b})`;
  if (!(a in LAYERS)) return null;
  if (LAYERS[a].includes(b)) return null;
  if (isTest(from) && a.startsWith('electron') && b.startsWith('electron')) return null;
  const allowed = LAYERS[a].length ? LAYERS[a].join(', ') : 'nothing outside itself';
  return `${a} may import only ${allowed} — not ${b} (docs/architecture.md)`;
}

/** @type {import('eslint').Rule.RuleModule} */
export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Folder-level import rules (docs/architecture.md)' },
    schema: [],
    messages: { layer: '{{why}}' },
  },
  create(context) {
    const file = relative(ROOT, context.filename).split(sep).join('/');
    if (file.startsWith('..')) return {};
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = relative(ROOT, resolve(ROOT, dirname(file), source))
        .split(sep)
        .join('/');
      const why = layerViolation(file, target);
      if (why) context.report({ node, messageId: 'layer', data: { why } });
    };
    const fromSource = (node) => {
      if (node.source && node.source.type === 'Literal') check(node.source, node.source.value);
    };
    return {
      ImportDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ImportExpression: (node) => {
        if (node.source.type === 'Literal') check(node.source, node.source.value);
      },
    };
  },
};
