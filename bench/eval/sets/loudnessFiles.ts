import { spawnSync } from 'node:child_process';
import { loadKits } from '../lib/hydrogenKits';
import { LMMS } from '../lib/paths';

/** Every real audio file of hydrogen-drumkits and lmms samples (the > 1 s filter is applied after analysis). */
export function realAudioFiles(): string[] {
  const kits = loadKits().flatMap((k) => k.files);
  const lmms = spawnSync(
    'sh',
    ['-c', `find ${LMMS} -type f \\( -name '*.ogg' -o -name '*.wav' -o -name '*.flac' \\) | sort`],
    { encoding: 'utf8' },
  )
    .stdout.split('\n')
    .filter(Boolean);
  return [...kits, ...lmms];
}
