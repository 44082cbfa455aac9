import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import type { ErrorData } from '../../../shared/result';
import { AUDIO_EXTENSIONS, UNSUPPORTED_AUDIO_EXTENSIONS, extensionOf } from './audioExtensions';
import { notRegular } from '../../formats/regularFile';
import { describeError } from './fsErrors';

const LOOP: ErrorData = {
  code: 'SYMLINK_LOOP',
  message: 'this link leads to a folder that is already being scanned',
};

/** Why a name that stat cannot follow was skipped: a link to nothing has its own code. */
function linkError(path: string, entry: Dirent, error: unknown): ErrorData {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (entry.isSymbolicLink() && code === 'ENOENT')
    return { code: 'BROKEN_LINK', message: 'this link points to nothing (its target is gone)' };
  return describeError(error);
}

function specialFile(path: string): ErrorData {
  try {
    return notRegular(statSync(path)).toData();
  } catch (error) {
    return describeError(error);
  }
}

export interface FoundFile {
  kind: 'file';
  path: string;
  /** Folder relative to the walk root, "/"-separated ("" at the top). */
  dir: string;
  name: string;
  size: number;
  mtimeMs: number;
}

export interface WalkProblem {
  kind: 'problem';
  path: string;
  error: ErrorData;
}

export type WalkItem = FoundFile | WalkProblem;

/**
 * Walks a folder tree depth-first, synchronously (the importer slices the work so
 * the event loop keeps breathing). Follows symbolic links to folders but never
 * enters the same folder twice, so link loops end; reports every unreadable folder,
 * broken link, undecodable name and unsupported audio file instead of stopping.
 */
export function* walkAudio(root: string): Generator<WalkItem> {
  const visited = new Set<string>();
  const rootStat = statSync(root);
  visited.add(`${rootStat.dev}:${rootStat.ino}`);
  const stack: Array<{ abs: string; rel: string }> = [{ abs: root, rel: '' }];

  while (stack.length > 0) {
    const { abs, rel } = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch (error) {
      yield { kind: 'problem', path: abs, error: describeError(error) };
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: Array<{ abs: string; rel: string }> = [];
    for (const entry of entries) {
      const name = entry.name;
      const path = join(abs, name);
      if (name.includes('\uFFFD')) {
        yield {
          kind: 'problem',
          path,
          error: {
            code: 'INVALID_FILENAME',
            message: 'the name is not valid UTF-8 text; rename it to import it',
          },
        };
        continue;
      }
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let size = -1;
      let mtimeMs = 0;
      if (entry.isSymbolicLink() || (!isDir && !isFile)) {
        try {
          const st = statSync(path);
          isDir = st.isDirectory();
          isFile = st.isFile();
          if (isDir) {
            const key = `${st.dev}:${st.ino}`;
            if (visited.has(key)) {
              yield { kind: 'problem', path, error: LOOP };
              continue;
            }
          } else {
            size = st.size;
            mtimeMs = Math.floor(st.mtimeMs);
          }
        } catch (error) {
          const ext = extensionOf(name);
          if (AUDIO_EXTENSIONS.has(ext) || entry.isSymbolicLink())
            yield { kind: 'problem', path, error: linkError(path, entry, error) };
          continue;
        }
      }
      if (isDir) {
        if (name.startsWith('.')) continue;
        subdirs.push({ abs: path, rel: rel === '' ? name : `${rel}/${name}` });
        continue;
      }
      const ext = extensionOf(name);
      if (!isFile) {
        // A FIFO, socket or device named like audio: recorded, never opened.
        if (AUDIO_EXTENSIONS.has(ext)) yield { kind: 'problem', path, error: specialFile(path) };
        continue;
      }
      const unsupported = UNSUPPORTED_AUDIO_EXTENSIONS.get(ext);
      if (unsupported) {
        yield {
          kind: 'problem',
          path,
          error: {
            code: 'UNSUPPORTED_FORMAT',
            message: `${unsupported} files are not supported yet`,
          },
        };
        continue;
      }
      if (!AUDIO_EXTENSIONS.has(ext) || name.startsWith('.')) continue;
      if (size < 0) {
        try {
          const st = statSync(path);
          size = st.size;
          mtimeMs = Math.floor(st.mtimeMs);
        } catch (error) {
          yield { kind: 'problem', path, error: describeError(error) };
          continue;
        }
      }
      yield { kind: 'file', path, dir: rel, name, size, mtimeMs };
    }
    const accepted: Array<{ abs: string; rel: string }> = [];
    for (const sub of subdirs) {
      try {
        const st = statSync(sub.abs);
        const key = `${st.dev}:${st.ino}`;
        if (visited.has(key)) {
          yield { kind: 'problem', path: sub.abs, error: LOOP };
          continue;
        }
        visited.add(key);
        accepted.push(sub);
      } catch (error) {
        yield { kind: 'problem', path: sub.abs, error: describeError(error) };
      }
    }
    // Depth-first in name order: push in reverse so the first name is walked first.
    for (let i = accepted.length - 1; i >= 0; i--) stack.push(accepted[i]!);
  }
}
