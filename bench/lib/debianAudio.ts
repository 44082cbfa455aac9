import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const HYDROGEN_KITS = '/usr/share/hydrogen/data/drumkits';
export const LMMS_SAMPLES = '/usr/share/lmms/samples';

/** Installs the Debian sample packages the benchmarks use, if they are missing (needs root and apt). */
export function ensureDebianAudio(): void {
  if (existsSync(HYDROGEN_KITS) && existsSync(LMMS_SAMPLES)) return;
  console.error('installing hydrogen-drumkits and lmms-common with apt-get …');
  execFileSync(
    'sh',
    [
      '-c',
      'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hydrogen-drumkits hydrogen-data lmms-common',
    ],
    { stdio: 'inherit' },
  );
}
