import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AUDIO_EXTENSIONS, extensionOf } from '../import/audioExtensions';

/**
 * The audio files named on a command line: files as given (whatever their extension),
 * folders walked recursively for audio extensions, sorted. Paths that do not exist are
 * kept so that the caller reports them (NOT_FOUND).
 */
export function expandAudioPaths(inputs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && AUDIO_EXTENSIONS.has(extensionOf(p))) out.push(p);
    }
  };
  for (const input of inputs) {
    const path = resolve(input);
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      // reported by the analyser
    }
    if (isDir) walk(path);
    else out.push(path);
  }
  return out;
}
