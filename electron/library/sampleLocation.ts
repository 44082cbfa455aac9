/**
 * Where a sample's file is and what it is, as the library recorded it: for the media
 * service, which serves a sample's bytes only by id.
 */
import type { AudioFormat } from '../../shared/contract';
import type { Db } from './db';

export interface SampleLocation {
  path: string;
  format: AudioFormat;
  name: string;
  missing: boolean;
}

/** The recorded location of sample `id`, or undefined when no such sample exists. */
export function sampleLocation(db: Db, id: number): SampleLocation | undefined {
  const row = db.prepare('SELECT path, format, name, missing FROM samples WHERE id = ?').get(id) as
    { path: string; format: AudioFormat; name: string; missing: number } | undefined;
  return row && { path: row.path, format: row.format, name: row.name, missing: row.missing !== 0 };
}

/** The paths of the library's folders, as added. */
export function folderPaths(db: Db): string[] {
  return db.prepare('SELECT path FROM folders').pluck().all() as string[];
}
