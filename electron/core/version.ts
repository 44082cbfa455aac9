import { readFileSync } from 'node:fs';

let cached: string | null = null;

/** The app version from package.json (read once). */
export function appVersion(): string {
  if (cached) return cached;
  for (const candidate of ['../../package.json', '../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(candidate, import.meta.url), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'samplemind' && pkg.version) return (cached = pkg.version);
    } catch {
      // try the next layout (source tree vs dist/)
    }
  }
  return (cached = '0.0.0');
}
