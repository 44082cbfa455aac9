import type { NameHints } from '../../../shared/contract';
import type { ErrorData } from '../../../shared/result';
import type { ProbeResult } from '../probe/types';
import { describeError } from './fsErrors';
import { sampleFacts, type SampleFacts } from './sampleFacts';
import type { SampleWriter } from './sampleWriter';
import type { FoundFile } from './walk';

export interface KnownSample {
  id: number;
  size: number;
  mtimeMs: number;
  missing: number;
}

/** What reading a file produced, before anything is written (this part can run in a worker). */
export type PreparedFile =
  | { kind: 'unchanged' }
  | { kind: 'error'; error: ErrorData }
  | { kind: 'ready'; facts: SampleFacts };

export type IndexOutcome =
  | { kind: 'unchanged' }
  | { kind: 'error' }
  | { kind: 'updated' | 'relinked' | 'added'; id: number };

export interface Prober {
  probe: (path: string) => ProbeResult;
  hints: (fileName: string, dir: string) => NameHints;
}

export interface IndexFileDeps extends Prober {
  writer: SampleWriter;
}

/** Skips a file whose size and mtime are unchanged, else probes it. No database access. */
export function prepareFile(
  prober: Prober,
  item: FoundFile,
  prior: KnownSample | undefined,
): PreparedFile {
  if (prior && prior.size === item.size && prior.mtimeMs === item.mtimeMs && prior.missing === 0)
    return { kind: 'unchanged' };
  try {
    const probe = prober.probe(item.path);
    return {
      kind: 'ready',
      facts: sampleFacts(probe, prober.hints(item.name, item.dir), item.size, item.mtimeMs),
    };
  } catch (error) {
    return { kind: 'error', error: describeError(error) };
  }
}

/**
 * Writes what was read: update the known sample, move a missing sample with the same
 * audio here (a rename or move), or add a new one; a file that could not be read is
 * recorded with its reason. Runs inside the caller's transaction.
 */
export function applyFile(
  writer: SampleWriter,
  folderId: number,
  item: FoundFile,
  prior: KnownSample | undefined,
  prepared: PreparedFile,
  now: number,
): IndexOutcome {
  if (prepared.kind === 'unchanged') return prepared;
  if (prepared.kind === 'error') {
    writer.recordError(folderId, item.path, prepared.error, now);
    return { kind: 'error' };
  }
  const { facts } = prepared;
  const place = { folderId, path: item.path, dir: item.dir, name: item.name };
  writer.clearError(item.path);
  if (prior) {
    writer.update(prior.id, facts, now);
    return { kind: 'updated', id: prior.id };
  }
  const target = writer.relinkTarget(facts.contentHash, facts.size);
  if (target !== null) {
    writer.relink(target, place, item.mtimeMs);
    return { kind: 'relinked', id: target };
  }
  return { kind: 'added', id: writer.insert(place, facts, now) };
}

/** prepareFile + applyFile, for single files (the folder watcher). */
export function indexFile(
  deps: IndexFileDeps,
  folderId: number,
  item: FoundFile,
  prior: KnownSample | undefined,
  now: number,
): IndexOutcome {
  return applyFile(deps.writer, folderId, item, prior, prepareFile(deps, item, prior), now);
}
