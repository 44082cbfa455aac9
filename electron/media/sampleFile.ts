import { statSync } from 'node:fs';
import type { AudioFormat } from '../../shared/contract';
import { AppError } from '../../shared/result';
import type { Db } from '../library/db';

const MIME: Record<AudioFormat, string> = {
  wav: 'audio/wav',
  aiff: 'audio/aiff',
  flac: 'audio/flac',
  ogg: 'audio/ogg',
  mp3: 'audio/mpeg',
};

export interface SampleFile {
  path: string;
  size: number;
  mime: string;
  name: string;
}

/**
 * The file behind a sample id — the only way media is served: callers name a
 * sample, never a path, so nothing outside the library can be reached.
 */
export function sampleFile(db: Db, id: number): SampleFile {
  const row = db.prepare('SELECT path, format, name, missing FROM samples WHERE id = ?').get(id) as
    { path: string; format: AudioFormat; name: string; missing: number } | undefined;
  if (!row) throw new AppError('NOT_FOUND', `sample ${id} does not exist`);
  let size: number;
  try {
    const st = statSync(row.path);
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch {
    throw new AppError('NOT_FOUND', `the file of sample ${id} is missing: ${row.path}`);
  }
  return {
    path: row.path,
    size,
    mime: MIME[row.format] ?? 'application/octet-stream',
    name: row.name,
  };
}
