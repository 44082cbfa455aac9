import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const DATA = join(REPO, 'bench', '.data', 'eval');
export const RESULTS = join(REPO, 'bench', 'results');
export const HYDROGEN = '/usr/share/hydrogen/data/drumkits';
export const LMMS = '/usr/share/lmms/samples';
export const SOUNDFONT = '/usr/share/sounds/sf2/FluidR3_GM.sf2';

export function ensureDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}
