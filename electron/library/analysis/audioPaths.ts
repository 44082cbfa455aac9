import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ErrorData } from '../../../shared/result';
import { AUDIO_EXTENSIONS, extensionOf } from '../import/audioExtensions';

/** A folder or name that could not be walked: reported, then skipped. */
export type PathProblem = (path: string, error: ErrorData) => void;

function readProblem(error: unknown): ErrorData {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EACCES' || code === 'EPERM')
    return { code: 'PERMISSION_DENIED', message: 'permission denied: this folder cannot be read' };
  return { code: 'IO_ERROR', message: `this folder cannot be read (${code ?? 'error'})` };
}

/**
 * The audio files named on a command line: files as given (whatever their extension),
 * folders walked recursively for audio extensions, sorted. Paths that do not exist are
 * kept so that the caller reports them (NOT_FOUND). An unreadable subfolder or a name
 * that is not valid UTF-8 is reported through `onProblem` and skipped; the walk goes on.
 * Only regular files are listed (a FIFO named like audio is never opened).
 */
export function expandAudioPaths(
  inputs: readonly string[],
  onProblem: PathProblem = () => undefined,
): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      onProblem(dir, readProblem(error));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = join(dir, e.name);
      if (e.name.includes('\uFFFD')) {
        onProblem(p, {
          code: 'INVALID_FILENAME',
          message: 'the name is not valid UTF-8 text; rename it to analyse it',
        });
        continue;
      }
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
