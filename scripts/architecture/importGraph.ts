/**
 * The repository's import graph, read with the TypeScript parser: every relative
 * `import` / `export … from` that loads code at run time (type-only imports are left out,
 * since they vanish when compiled), resolved to repository paths.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ts from 'typescript';

const CODE = /\.(ts|tsx)$/;

function sourceFiles(root: string, folder: string, out: string[] = []): string[] {
  const dir = join(root, folder);
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(folder, name);
    if (statSync(join(root, path)).isDirectory()) sourceFiles(root, path, out);
    else if (CODE.test(name) && !name.endsWith('.d.ts')) out.push(path.split(sep).join('/'));
  }
  return out;
}

function isTypeOnly(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(node)) {
    if (node.isTypeOnly) return true;
    const clause = node.exportClause;
    return (
      !!clause &&
      ts.isNamedExports(clause) &&
      clause.elements.length > 0 &&
      clause.elements.every((e) => e.isTypeOnly)
    );
  }
  const clause = node.importClause;
  if (!clause) return false; // a side-effect import runs code
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  return (
    !!bindings &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((e) => e.isTypeOnly)
  );
}

/** Which imports a graph follows: those that load code at run time, or all (types too). */
export type ImportKind = 'runtime' | 'all';

/** Relative imports of one file's text: run-time ones only, or all of them. */
export function relativeImports(fileName: string, text: string, kind: ImportKind): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false);
  const specs: string[] = [];
  for (const node of source.statements) {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier) &&
      (kind === 'all' || !isTypeOnly(node))
    ) {
      specs.push(node.moduleSpecifier.text);
    }
  }
  return specs.filter((s) => s.startsWith('.'));
}

/** Relative run-time imports of one file's text. */
export function runtimeImports(fileName: string, text: string): string[] {
  return relativeImports(fileName, text, 'runtime');
}

/** file → the files it imports (at run time unless `kind` is 'all'), for every TS file under `folders`. */
export function importGraph(
  root: string,
  folders: readonly string[],
  kind: ImportKind = 'runtime',
): Map<string, string[]> {
  const files = folders.flatMap((f) => sourceFiles(root, f));
  const known = new Set(files);
  const resolve = (from: string, spec: string): string | null => {
    const base = relative(root, join(root, dirname(from), spec))
      .split(sep)
      .join('/');
    const stem = base.replace(/\.(js|ts|tsx)$/, '');
    for (const c of [base, `${stem}.ts`, `${stem}.tsx`, `${base}/index.ts`])
      if (known.has(c)) return c;
    return null;
  };
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    const deps = relativeImports(file, text, kind)
      .map((s) => resolve(file, s))
      .filter((d): d is string => d !== null);
    graph.set(file, deps);
  }
  return graph;
}

/** Every import cycle (strongly connected group of more than one file, or a self-import). */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}
