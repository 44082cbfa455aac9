/**
 * Test hooks in product code: globals a test or bench reads (`window.__samplemind…`, a
 * property defined on `window`, a `(window as …).x =` assignment). The renderer records
 * User Timing entries instead (shared/userTiming.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';

const HOOK =
  /__samplemind\w*|Object\.defineProperty\(\s*(window|globalThis)\b|\((window|globalThis) as [^)]*\)\.\w+\s*=(?!=)/g;

/** The test hooks in one file's text (each match, as written). */
export function testHooksIn(text: string): string[] {
  return [...text.matchAll(HOOK)].map((m) => m[0]);
}

/** `file: hook` for every test hook in the non-test TS files under `folder`. */
export function testHooksUnder(root: string, folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(join(root, dir))) {
      const path = join(dir, name);
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name))
        for (const hook of testHooksIn(readFileSync(join(root, path), 'utf8')))
          out.push(`${path.split(sep).join('/')}: ${hook}`);
    }
  };
  walk(folder);
  return out;
}
