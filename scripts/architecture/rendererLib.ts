/**
 * The renderer's rule for `renderer/lib`: it holds only what at least two parts of the
 * renderer share. A part is a feature folder (`renderer/features/<name>`) or one of the
 * renderer's other top folders (`app`, `store`, `api`, `audio`, `firstPaint`); the entry
 * files at the root of `renderer/` are one part. Tests do not count as users.
 */

const LIB = 'renderer/lib/';
const TEST = /\.test\.tsx?$/;

/** The part of the renderer a file belongs to, or null for files outside it (and lib's own). */
export function rendererPart(file: string): string | null {
  if (!file.startsWith('renderer/') || file.startsWith(LIB)) return null;
  const parts = file.slice('renderer/'.length).split('/');
  if (parts.length === 1) return 'root';
  if (parts[0] === 'features') return `features/${parts[1]}`;
  return parts[0]!;
}

/**
 * For each module in renderer/lib: the parts of the renderer that use it, directly or
 * through other lib modules (a lib module that only a shared lib module imports is shared too).
 */
export function libUsers(graph: ReadonlyMap<string, readonly string[]>): Map<string, Set<string>> {
  const importers = new Map<string, string[]>();
  for (const [file, deps] of graph) {
    if (TEST.test(file)) continue;
    for (const dep of deps) importers.set(dep, [...(importers.get(dep) ?? []), file]);
  }
  const users = (module: string, seen: Set<string>): Set<string> => {
    const out = new Set<string>();
    for (const importer of importers.get(module) ?? []) {
      const part = rendererPart(importer);
      if (part !== null) out.add(part);
      else if (importer.startsWith(LIB) && !seen.has(importer)) {
        seen.add(importer);
        for (const p of users(importer, seen)) out.add(p);
      }
    }
    return out;
  };
  const result = new Map<string, Set<string>>();
  for (const file of graph.keys())
    if (file.startsWith(LIB) && !TEST.test(file)) result.set(file, users(file, new Set([file])));
  return result;
}

/** The lib modules that fewer than two parts use, with the parts that do: they belong in that part. */
export function misplacedLibModules(
  graph: ReadonlyMap<string, readonly string[]>,
): { module: string; usedBy: string[] }[] {
  return [...libUsers(graph)]
    .filter(([, parts]) => parts.size < 2)
    .map(([module, parts]) => ({ module, usedBy: [...parts].sort() }))
    .sort((a, b) => a.module.localeCompare(b.module));
}
