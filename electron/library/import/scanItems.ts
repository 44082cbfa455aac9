import type { ErrorData } from '../../../shared/result';
import { prepareFile, type KnownSample, type PreparedFile, type Prober } from './indexFile';
import { walkAudio, type FoundFile } from './walk';

/** One step of a folder scan, ready to be written. */
export type ScanItem =
  | { kind: 'problem'; path: string; error: ErrorData }
  | { kind: 'file'; item: FoundFile; prepared: PreparedFile };

/** Walks `root` and reads every new or changed audio file (no writes). */
export function* scanItems(
  root: string,
  known: ReadonlyMap<string, KnownSample>,
  prober: Prober,
): Generator<ScanItem> {
  for (const found of walkAudio(root)) {
    if (found.kind === 'problem') yield { kind: 'problem', path: found.path, error: found.error };
    else
      yield {
        kind: 'file',
        item: found,
        prepared: prepareFile(prober, found, known.get(found.path)),
      };
  }
}

export function knownSamplesSql(): string {
  return 'SELECT id, path, size, mtime_ms AS mtimeMs, missing FROM samples WHERE folder_id = ?';
}
