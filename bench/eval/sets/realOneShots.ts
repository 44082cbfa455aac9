import { spawnSync } from 'node:child_process';
import { rng } from '../../../electron/analysis/test-support/signals';
import { loadKits } from '../lib/hydrogenKits';
import { LMMS } from '../lib/paths';
import type { EvalItem } from './types';

/** Real one-shots for the kind evaluation: hydrogen-drumkits samples and lmms drum hits. */
export function realOneShots(count: number, seed: number): EvalItem[] {
  const files = loadKits().flatMap((k) => k.files.map((f) => ({ f, kit: k.name })));
  const lmms = spawnSync('sh', ['-c', `ls ${LMMS}/drums/*.ogg 2>/dev/null`], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter(Boolean)
    .map((f) => ({ f, kit: 'lmms' }));
  const all = [...files, ...lmms];
  const rand = rng(seed);
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [all[i], all[j]] = [all[j] as (typeof all)[number], all[i] as (typeof all)[number]];
  }
  return all
    .slice(0, count)
    .map(({ f, kit }) => ({ set: 'real-one-shots', path: f, kind: 'one-shot', info: kit }));
}
