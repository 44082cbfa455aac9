import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { HYDROGEN, SOUNDFONT } from './paths';

/** Reference tools and the Debian packages that provide them. */
const NEEDS: Array<{ check: () => boolean; pkg: string }> = [
  { check: () => existsSync(HYDROGEN), pkg: 'hydrogen-drumkits' },
  { check: () => existsSync(SOUNDFONT), pkg: 'fluid-soundfont-gm' },
  { check: () => has('fluidsynth'), pkg: 'fluidsynth' },
  { check: () => has('ffmpeg'), pkg: 'ffmpeg' },
  { check: () => has('aubio'), pkg: 'aubio-tools' },
  { check: () => has('bpm'), pkg: 'bpm-tools' },
  { check: () => has('sox'), pkg: 'sox' },
];

export function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

/** Installs missing Debian packages with apt-get (retrying while dpkg is locked). */
export function ensureTools(log: (s: string) => void): void {
  const missing = NEEDS.filter((n) => !n.check()).map((n) => n.pkg);
  if (missing.length === 0) return;
  log(`installing ${missing.join(', ')} with apt-get`);
  for (let attempt = 0; attempt < 20; attempt++) {
    const r = spawnSync('apt-get', ['install', '-y', ...missing], { stdio: 'inherit' });
    if (r.status === 0) return;
    execFileSync('sleep', ['15']);
  }
  throw new Error(`could not install ${missing.join(', ')}`);
}

export function run(cmd: string, args: string[], input?: Buffer): string {
  const r = spawnSync(cmd, args, { input, maxBuffer: 64 * 1024 * 1024, encoding: 'buffer' });
  return `${r.stdout?.toString() ?? ''}${r.stderr?.toString() ?? ''}`;
}
