import { realpathSync, statSync } from 'node:fs';
import { sep } from 'node:path';
import type { AudioFormat } from '../../shared/contract';
import { AppError } from '../../shared/result';
import type { Db } from '../library/db';
import { folderPaths, sampleLocation } from '../library/sampleLocation';

const MIME: Record<AudioFormat, string> = {
  wav: 'audio/wav',
  aiff: 'audio/aiff',
  flac: 'audio/flac',
  ogg: 'audio/ogg',
  mp3: 'audio/mpeg',
};

export interface SampleFile {
  /** The library's path of the file. */
  path: string;
  /** Where it really is (links resolved): inside a library folder. Open this one. */
  realPath: string;
  size: number;
  mime: string;
  name: string;
}

function inside(folder: string, path: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

function realFolders(db: Db): string[] {
  const out: string[] = [];
  for (const p of folderPaths(db)) {
    try {
      out.push(realpathSync(p));
    } catch {
      // a folder that is gone serves nothing
    }
  }
  return out;
}

/**
 * The file behind a sample id — the only way media is served: callers name a
 * sample, never a path. The file must still be a regular file whose real path (links
 * resolved) lies inside one of the library's folders, so a library file swapped for a
 * link to /etc/passwd, or for a FIFO, is refused. Messages never carry paths.
 */
export function sampleFile(db: Db, id: number): SampleFile {
  const row = sampleLocation(db, id);
  if (!row) throw new AppError('NOT_FOUND', `sample ${id} does not exist`);
  let realPath: string;
  let size: number;
  try {
    realPath = realpathSync(row.path);
    const st = statSync(realPath);
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch {
    throw new AppError('NOT_FOUND', `the file of sample ${id} is missing`);
  }
  if (!realFolders(db).some((folder) => inside(folder, realPath))) {
    throw new AppError('NOT_FOUND', `the file of sample ${id} is not inside a library folder`);
  }
  return {
    path: row.path,
    realPath,
    size,
    mime: MIME[row.format] ?? 'application/octet-stream',
    name: row.name,
  };
}
